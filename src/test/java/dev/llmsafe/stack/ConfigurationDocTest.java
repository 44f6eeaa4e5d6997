package dev.llmsafe.stack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmsafe.cli.CliRun;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docs/configuration.md documents exactly the keys the validator reads: no more, no fewer. */
class ConfigurationDocTest {
    /** First cell of a table row: | `key` | ... */
    private static final Pattern DOCUMENTED_KEY = Pattern.compile("(?m)^\\| `([A-Za-z]+)` \\|");

    /** Records every key the validator asks for. */
    private static final class RecordingSource implements ConfigSource {
        final Set<String> asked = new TreeSet<>();
        final ConfigSource inner;

        RecordingSource(Map<String, String> values) {
            this.inner = YamlStackConfig.of(values);
        }

        @Override
        public Optional<String> get(String key) {
            asked.add(key);
            return inner.get(key);
        }

        @Override
        public boolean isSecret(String key) {
            return inner.isSecret(key);
        }

        @Override
        public Set<String> keys() {
            return inner.keys();
        }
    }

    private static Set<String> keysReadFor(String stack, Map<String, String> config) {
        var source = new RecordingSource(config);
        StackSettingsReader.read(stack, source, PolicyFacts.defaults());
        return source.asked;
    }

    @Test
    void everyKeyReadIsDocumentedAndEveryDocumentedKeyIsRead() throws Exception {
        Set<String> read = new HashSet<>(keysReadFor("platform", ValidConfig.platform()));
        read.addAll(keysReadFor("pr-42", ValidConfig.review(42)));
        for (String kind : new String[] {"staging", "production"}) {
            var config = ValidConfig.platform();
            config.put("kind", kind);
            read.addAll(keysReadFor(kind, config));
        }

        String doc = Files.readString(CliRun.projectDir().resolve("docs/configuration.md"));
        Set<String> documented = new TreeSet<>();
        DOCUMENTED_KEY.matcher(doc).results().forEach(m -> documented.add(m.group(1)));

        assertThat(documented).as("keys documented in docs/configuration.md").containsAll(read);
        assertThat(read).as("keys read by the validator").containsAll(documented);
    }
}
