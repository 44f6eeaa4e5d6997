package dev.llmsafe.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class YamlStackConfigTest {
    @TempDir
    Path dir;

    @Test
    void readsTheProjectNamespaceRedactsSecureValuesAndAppliesOverrides() throws Exception {
        Path file = dir.resolve("Pulumi.platform.yaml");
        Files.writeString(
                file,
                String.join(
                        "\n",
                        "config:",
                        "  gcp:project: other-namespace-ignored",
                        "  llm-safe:kind: platform",
                        "  llm-safe:repositoryId: 712345678",
                        "  llm-safe:secretValues:",
                        "    staging-database-url:",
                        "      secure: v1:abcdef==",
                        "  llm-safe:secretNames: [database-url, session-key]",
                        ""));
        var config = YamlStackConfig.load(file, Map.of("llm-safe:kind", "staging", "gcpRegion", "us-east1"));

        assertThat(config.keys())
                .containsExactlyInAnyOrder("kind", "repositoryId", "secretValues", "secretNames", "gcpRegion");
        assertThat(config.get("kind")).contains("staging");
        assertThat(config.get("repositoryId")).contains("712345678");
        assertThat(config.get("secretNames")).contains("[\"database-url\",\"session-key\"]");
        assertThat(config.isSecret("secretValues")).isTrue();
        assertThat(config.get("secretValues")).contains("{\"staging-database-url\":\"[secret]\"}");
        assertThat(config.isSecret("secretNames")).isFalse();
    }

    @Test
    void missingAndBrokenFilesAreNamed() throws Exception {
        assertThatThrownBy(() -> YamlStackConfig.load(dir.resolve("nope.yaml"), Map.of()))
                .hasMessageContaining("nope.yaml")
                .hasMessageContaining("no such file");
        Path broken = Files.writeString(dir.resolve("Pulumi.x.yaml"), "config: [unclosed\n");
        assertThatThrownBy(() -> YamlStackConfig.load(broken, Map.of()))
                .hasMessageContaining("Pulumi.x.yaml")
                .hasMessageContaining("not valid YAML");
        Path wrong = Files.writeString(dir.resolve("Pulumi.y.yaml"), "config: just-text\n");
        assertThatThrownBy(() -> YamlStackConfig.load(wrong, Map.of())).hasMessageContaining("mapping");
    }
}
