package dev.llmsafe.policy.rules;

import static dev.llmsafe.policy.Fixtures.verdict;
import static dev.llmsafe.policy.rules.AiAllowedPathsFixtures.POLICY;
import static dev.llmsafe.policy.rules.AiAllowedPathsFixtures.check;
import static dev.llmsafe.policy.rules.AiAllowedPathsFixtures.modified;
import static org.assertj.core.api.Assertions.assertThat;

import dev.llmsafe.identity.Trailer;
import dev.llmsafe.policy.Fixtures;
import dev.llmsafe.policy.PolicyFile;
import dev.llmsafe.policy.Verdict;
import dev.llmsafe.policy.change.ChangeSet;
import dev.llmsafe.policy.change.ChangedFile;
import dev.llmsafe.policy.change.CommitInfo;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@link AiAllowedPathsRule}: which changes show AI assistance, and which paths are protected from them. Paths
 * written to slip past the rule are {@link AiAllowedPathsAttackTest}.
 */
class AiAllowedPathsRuleTest {
    private static final CommitInfo HUMAN = CommitInfo.builder("a".repeat(40))
            .author("Jane Doe", "jane@acme.io")
            .committer("Jane Doe", "jane@acme.io")
            .message("Fix typo\n")
            .build();
    private final AiAllowedPathsRule rule = new AiAllowedPathsRule();

    @Test
    void humanChangesMayTouchProtectedPaths() {
        assertThat(check(
                        List.of(modified("policy.yaml"), modified(".github/workflows/ci.yml")),
                        List.of(HUMAN),
                        Set.of()))
                .isEmpty();
    }

    @Test
    void aiChangesOutsideProtectedPathsPass() {
        assertThat(check(List.of(modified("src/main/java/App.java")), List.of(HUMAN), Set.of("ai-assisted")))
                .isEmpty();
    }

    @Test
    void everyAiSignalMakesAProtectedPathAViolation() {
        List<ChangedFile> files = List.of(modified("policy.yaml"));
        CommitInfo trailer = CommitInfo.builder("b".repeat(40))
                .author("Jane", "jane@acme.io")
                .committer("Jane", "jane@acme.io")
                .message("Tune policy\n\nCo-authored-by: Claude <noreply@anthropic.com>\n")
                .trailers(List.of(new Trailer("Co-authored-by", "Claude <noreply@anthropic.com>")))
                .build();
        CommitInfo agentAuthor = CommitInfo.builder("c".repeat(40))
                .author("code-agent", "agent@acme.io")
                .committer("Jane", "jane@acme.io")
                .message("x")
                .build();
        CommitInfo botCommitter = CommitInfo.builder("d".repeat(40))
                .author("Jane", "jane@acme.io")
                .committer("renovate[bot]", "29139614+renovate[bot]@users.noreply.github.com")
                .message("x")
                .build();
        CommitInfo noreplyLogin = CommitInfo.builder("e".repeat(40))
                .author("Agent", "12345+code-agent@users.noreply.github.com")
                .committer("A", "a@b.c")
                .message("x")
                .build();
        assertThat(check(files, List.of(HUMAN, trailer), Set.of()))
                .singleElement()
                .asString()
                .contains("commit bbbbbbbbbbbb has trailer 'Co-authored-by: Claude <noreply@anthropic.com>'")
                .contains("modifies protected path policy.yaml");
        assertThat(check(files, List.of(agentAuthor), Set.of()))
                .singleElement()
                .asString()
                .contains("author code-agent is an AI identity");
        assertThat(check(files, List.of(botCommitter), Set.of()))
                .singleElement()
                .asString()
                .contains("committer renovate[bot] is a bot");
        assertThat(check(files, List.of(noreplyLogin), Set.of()))
                .singleElement()
                .asString()
                .contains("author Agent is an AI identity");
        assertThat(check(files, List.of(HUMAN), Set.of("AI-Assisted")))
                .singleElement()
                .asString()
                .contains("pull request label ai-assisted");
    }

    @Test
    void theDefaultsStayProtectedWhenThePolicyFileListsNoPaths() {
        PolicyFile empty = Fixtures.policy("protectedPaths: []\n");
        List<String> guarded = List.of(
                ".github/workflows/ci.yml",
                ".github/CODEOWNERS",
                "docs/CODEOWNERS",
                "CODEOWNERS",
                ".ci/lint-workflows.sh",
                "mvnw",
                "mvnw.cmd",
                ".mvn/wrapper/maven-wrapper.properties",
                "pom.xml",
                "services/api/pom.xml",
                "Pulumi.yaml",
                "Pulumi.production.yaml",
                "policy.yaml",
                "src/main/java/dev/llmsafe/policy/PolicyEngine.java",
                "src/main/java/dev/llmsafe/plan/PlanReader.java",
                "src/main/java/dev/llmsafe/gate/ApprovalGate.java",
                "src/main/java/dev/llmsafe/audit/ChainVerifier.java",
                "src/main/java/dev/llmsafe/identity/ActorClassifier.java",
                "src/main/java/dev/llmsafe/cli/PolicyCheckCommand.java");
        List<String> free = List.of(
                "src/main/java/dev/llmsafe/stack/AppProgram.java",
                "docs/policies.md",
                "README.md",
                "src/test/java/dev/llmsafe/policy/PolicyFileTest.java");
        for (String path : guarded) {
            assertThat(Fixtures.messages(
                            rule,
                            Fixtures.change(
                                    empty,
                                    new ChangeSet("a..b", List.of(modified(path)), List.of(), Set.of("ai-assisted")))))
                    .as(path)
                    .singleElement()
                    .asString()
                    .contains("protected path " + path);
        }
        for (String path : free) {
            assertThat(Fixtures.messages(
                            rule,
                            Fixtures.change(
                                    empty,
                                    new ChangeSet("a..b", List.of(modified(path)), List.of(), Set.of("ai-assisted")))))
                    .as(path)
                    .isEmpty();
        }
    }

    @Test
    void aWholeTreeIsNoChangeAndIsSkippedEvenWithTheLabel() {
        ChangeSet tree = new ChangeSet(
                "working tree .",
                List.of(ChangedFile.present("policy.yaml", "100644", "x")),
                List.of(),
                Set.of("ai-assisted"),
                true);
        assertThat(rule.appliesTo(Fixtures.change(POLICY, tree))).isFalse();
        assertThat(rule.appliesTo(Fixtures.change(POLICY, new ChangeSet("a..b", List.of(), List.of(), Set.of()))))
                .isTrue();
    }

    @Test
    void aChangeWithoutAiAssistanceIsNotApplicableAndAnAiChangeOutsideProtectedPathsPasses() {
        Verdict human = verdict(
                rule,
                Fixtures.change(
                        POLICY, new ChangeSet("a..b", List.of(modified("policy.yaml")), List.of(HUMAN), Set.of())));
        assertThat(human.status()).isEqualTo(Verdict.Status.NOT_APPLICABLE);
        assertThat(human.note())
                .isEqualTo("the change shows no AI assistance (no AI trailer, author or committer, no "
                        + "ai-assisted label)");
        Verdict ai = verdict(
                rule,
                Fixtures.change(
                        POLICY,
                        new ChangeSet(
                                "a..b",
                                List.of(modified("src/main/java/App.java")),
                                List.of(HUMAN),
                                Set.of("ai-assisted"))));
        assertThat(ai.status()).isEqualTo(Verdict.Status.PASS);
        assertThat(ai.judged()).isEqualTo(1);
    }
}
