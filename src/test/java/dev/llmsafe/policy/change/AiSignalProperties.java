package dev.llmsafe.policy.change;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmsafe.identity.ActorClassifier;
import dev.llmsafe.policy.PolicyFile;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Agents disguised the ways text can be: invisible characters, compatibility forms and case, inside names,
 * emails and trailers that git reads with a space before the colon or a value folded onto the next line.
 * Each is still an agent; people's names stay people's names however they are disguised.
 */
class AiSignalProperties {
    private static final ActorClassifier CLASSIFIER = PolicyFile.defaults().classifier();
    private static final List<String> INVISIBLE =
            List.of("\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF", "\u00AD", "\u034F");
    /** Letters of other scripts that look like Latin ones: Cyrillic а с е о р х у і ј ѕ, Greek ο ν, and digits. */
    private static final Map<Character, String> LOOK_ALIKE = Map.ofEntries(
            Map.entry('a', "\u0430"),
            Map.entry('c', "\u0441"),
            Map.entry('e', "\u0435"),
            Map.entry('o', "\u043E"),
            Map.entry('p', "\u0440"),
            Map.entry('x', "\u0445"),
            Map.entry('y', "\u0443"),
            Map.entry('i', "\u0456"),
            Map.entry('j', "\u0458"),
            Map.entry('s', "\u0455"),
            Map.entry('v', "\u03BD"),
            Map.entry('l', "1"),
            Map.entry('C', "\u0421"));

    private static final GitRunner GIT = new GitRunner(Path.of(System.getProperty("java.io.tmpdir")));

    @Property(tries = 1000)
    void disguisedAgentsAreStillAgents(@ForAll("disguisedAgents") String identity) {
        assertThat(CLASSIFIER.isAgent(identity)).as(identity).isTrue();
    }

    @Property(tries = 1000)
    void disguisedPeopleAreNotAgents(@ForAll("disguisedPeople") String identity) {
        assertThat(CLASSIFIER.isAgent(identity)).as(identity).isFalse();
    }

    @Property(tries = 1000)
    void trailersAsGitWritesThemAreFound(@ForAll("aiTrailerMessages") String message) throws Exception {
        Statistics.collect(message.contains(" :") || message.contains("\t:") ? "space before colon" : "plain colon");
        assertThat(CLASSIFIER.aiTrailer(CommitTrailers.read(GIT, message)))
                .as(message)
                .isPresent();
    }

    @Provide
    Arbitrary<String> disguisedAgents() {
        Arbitrary<String> agent =
                Arbitraries.of(ActorClassifier.DEFAULT_AI_AGENTS).flatMap(AiSignalProperties::disguise);
        return Combinators.combine(
                        Arbitraries.of("", "Jane & ", "bot: ", "12345+", "The "),
                        agent,
                        Arbitraries.of("", " Agent", "@users.noreply.github.com", " <noreply@x.io>", "-bot", "[bot]"))
                .as((before, name, after) -> before + name + after);
    }

    @Provide
    Arbitrary<String> disguisedPeople() {
        return Arbitraries.of(
                        "Jane Doe",
                        "jane@acme.io",
                        "Julia Codd",
                        "Claudette Roy",
                        "cursory-review",
                        "Devine Ray",
                        "copilots-fan",
                        "Geminiani",
                        "Codexa Ltd")
                .flatMap(AiSignalProperties::disguise);
    }

    @Provide
    Arbitrary<String> aiTrailerMessages() {
        Arbitrary<String> key =
                Arbitraries.of("Co-authored-by", "co-authored-by", "CO-AUTHORED-BY", "Assisted-by", "Generated-by");
        Arbitrary<String> separator = Arbitraries.of(": ", ":", " : ", "\t: ", ":\t");
        Arbitrary<String> agent =
                Arbitraries.of(ActorClassifier.DEFAULT_AI_AGENTS).flatMap(AiSignalProperties::disguise);
        Arbitrary<String> value = Combinators.combine(
                        agent, Arbitraries.of("", " <a@x.io>", "\n <a@x.io>", "\n\t(assistant)"))
                .as((name, tail) -> name + tail);
        Arbitrary<String> before = Arbitraries.of("", "Signed-off-by: Jane <j@x.io>\n", "Reviewed-by: Ann <a@x.io>\n");
        return Combinators.combine(
                        Arbitraries.of("Fix it", "Tune policy\n\nLonger body.\n--- not a divider"),
                        before,
                        key,
                        separator,
                        value)
                .as((subject, earlier, k, sep, v) -> subject + "\n\n" + earlier + k + sep + v + "\n");
    }

    /**
     * The text with case changed, some letters in full-width form or as a look-alike of another script, and
     * invisible characters put in.
     */
    private static Arbitrary<String> disguise(String text) {
        int n = text.length();
        return Combinators.combine(
                        Arbitraries.integers().between(0, 4).list().ofSize(n),
                        Arbitraries.of(INVISIBLE).list().ofSize(n + 1))
                .as((how, hidden) -> {
                    StringBuilder out = new StringBuilder(hidden.get(0).repeat(how.isEmpty() ? 0 : how.get(0) % 2));
                    for (int i = 0; i < n; i++) {
                        char c = text.charAt(i);
                        int h = how.get(i);
                        String shown = h == 1
                                ? String.valueOf(Character.toUpperCase(c))
                                : h == 2 && c >= '!' && c <= '~'
                                        ? String.valueOf((char) (c - '!' + '\uFF01'))
                                        : h == 4 ? LOOK_ALIKE.getOrDefault(c, String.valueOf(c)) : String.valueOf(c);
                        out.append(shown);
                        if (h == 3) {
                            out.append(hidden.get(i + 1));
                        }
                    }
                    return out.toString();
                });
    }
}
