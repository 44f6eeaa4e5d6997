package dev.llmsafe.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmsafe.policy.HostileText;
import dev.llmsafe.policy.change.CommitTrailers;
import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * An {@link ActorClassifier} builds its agent words (whose confusable skeletons need ICU's data) on first use, not
 * when it is made: classifying logins, all that verifying an audit log asks, loads no ICU class, and every answer
 * is the one a classifier whose words were built at once gives.
 */
class LazyAgentWordsTest {
    private static final String ICU = "com.ibm.icu.text.SpoofChecker";

    @Test
    void classifyingLoginsLoadsNoIcuAndAskingForAnAgentDoes() throws Exception {
        try (Isolated loader = new Isolated()) {
            Class<?> type = loader.loadClass(ActorClassifier.class.getName());
            Object classifier = type.getMethod("withDefaults", Set.class).invoke(null, Set.of("code-agent"));
            var classify = type.getMethod("classify", String.class, String.class);
            assertThat(classify.invoke(classifier, "octocat", null)).hasToString("HUMAN");
            assertThat(classify.invoke(classifier, "Code-Agent", "User")).hasToString("AI");
            assertThat(classify.invoke(classifier, "renovate[bot]", null)).hasToString("BOT");
            assertThat(loader.loaded(ICU))
                    .as("ICU loaded by classifying logins")
                    .isFalse();

            assertThat(type.getMethod("isAgent", String.class).invoke(classifier, "Сlaude"))
                    .isEqualTo(true);
            assertThat(loader.loaded(ICU))
                    .as("ICU loaded by the confusable skeletons")
                    .isTrue();
        }
    }

    @Property(tries = 300)
    void aClassifierAnswersAsOneWhoseAgentWordsWereBuiltFirst(
            @ForAll("logins") String login,
            @ForAll("texts") String text,
            @ForAll("agents") List<String> agents,
            @ForAll("logins") String identity)
            throws Exception {
        ActorClassifier lazy = new ActorClassifier(Set.of(identity), ActorClassifier.DEFAULT_AGENT_PATTERNS, agents);
        ActorClassifier built = new ActorClassifier(Set.of(identity), ActorClassifier.DEFAULT_AGENT_PATTERNS, agents);
        built.isAgent(""); // builds its words at once, as the constructor used to

        assertThat(lazy.classify(login)).isEqualTo(built.classify(login));
        assertThat(lazy.classify(login, "Bot")).isEqualTo(built.classify(login, "Bot"));
        assertThat(lazy.isNonHuman(login)).isEqualTo(built.isNonHuman(login));
        assertThat(lazy.isAgent(text)).isEqualTo(built.isAgent(text));
        assertThat(lazy.isAgent(login)).isEqualTo(built.isAgent(login));
        String message = "Fix\n\nCo-authored-by: " + text.replace('\n', ' ') + " <x@example.com>\n";
        assertThat(lazy.aiTrailer(CommitTrailers.parse(message)))
                .isEqualTo(built.aiTrailer(CommitTrailers.parse(message)));
    }

    @Provide
    Arbitrary<String> logins() {
        return Arbitraries.oneOf(
                HostileText.words(),
                Arbitraries.strings()
                        .withCharRange('a', 'z')
                        .withChars('-', '[', ']')
                        .ofMinLength(1)
                        .ofMaxLength(39),
                Arbitraries.of(ActorClassifier.DEFAULT_AI_AGENTS)
                        .map(a -> a.replace('o', 'ο').replace('C', 'С')),
                Arbitraries.of("claude[bot]", "Claude", "ｃｌａｕｄｅ", "c\u200Blaude", "octocat", "rn", "m"));
    }

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.oneOf(
                logins(),
                logins().list().ofMaxSize(4).map(l -> String.join(" ", l)),
                Arbitraries.of("noreply@anthropic.com", "GitHub Copilot <copilot@github.com>", "Jane Doe"));
    }

    @Provide
    Arbitrary<List<String>> agents() {
        return logins().list().ofMaxSize(3);
    }

    /** The test's class path in a loader of its own, so what it loads is what the calls made it load. */
    private static final class Isolated extends URLClassLoader {
        Isolated() throws MalformedURLException {
            super(classPath(), ClassLoader.getPlatformClassLoader());
        }

        boolean loaded(String name) {
            return findLoadedClass(name) != null;
        }

        private static URL[] classPath() throws MalformedURLException {
            List<URL> urls = new ArrayList<>();
            for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
                urls.add(Path.of(entry).toUri().toURL());
            }
            return urls.toArray(URL[]::new);
        }
    }
}
