package dev.llmsafe.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmsafe.policy.change.CommitTrailers;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class ActorClassifierTest {
    private final ActorClassifier classifier = ActorClassifier.withDefaults(Set.of("code-agent-7", "AutoFixer"));

    @Test
    void botsAreRecognisedByTypeOrSuffix() {
        assertThat(classifier.classify("dependabot[bot]")).isEqualTo(ActorKind.BOT);
        assertThat(classifier.classify("release-helper", "Bot")).isEqualTo(ActorKind.BOT);
        assertThat(classifier.classify("", "User")).isEqualTo(ActorKind.BOT);
    }

    @Test
    void configuredAiIdentitiesMatchCaseInsensitively() {
        assertThat(classifier.classify("autofixer")).isEqualTo(ActorKind.AI);
        assertThat(classifier.classify("Code-Agent-7", "User")).isEqualTo(ActorKind.AI);
        assertThat(classifier.classify("octocat", "User")).isEqualTo(ActorKind.HUMAN);
    }

    @Test
    void aiTrailersAreFoundAndPlainCoAuthorsAreNot() throws Exception {
        assertThat(classifier.aiTrailer(CommitTrailers.parse("Fix it\n\nAssisted-by: some-model v2\n")))
                .contains("Assisted-by: some-model v2");
        assertThat(classifier.aiTrailer(CommitTrailers.parse("Fix\n\nCo-authored-by: Claude <noreply@anthropic.com>")))
                .isPresent();
        assertThat(classifier.aiTrailer(CommitTrailers.parse("Fix\n\nCo-authored-by: Jane Doe <jane@example.com>")))
                .isEmpty();
        assertThat(classifier.aiTrailer(CommitTrailers.parse("Mentions Generated-by: in the middle of a line")))
                .isEmpty();
    }

    @Property(tries = 1000)
    void plainLettersLoginsAreHumanUnlessConfigured(@ForAll @AlphaChars @StringLength(min = 1, max = 39) String login) {
        ActorKind kind = classifier.classify(login);
        boolean configured = login.equalsIgnoreCase("AutoFixer");
        assertThat(kind).isEqualTo(configured ? ActorKind.AI : ActorKind.HUMAN);
        assertThat(classifier.classify(login + "[bot]")).isEqualTo(ActorKind.BOT);
    }
}
