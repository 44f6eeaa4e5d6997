package dev.llmsafe.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class EngineConfigSourceTest {

    @Test
    void readsTheEnginesConfigAndSecretKeysForThisNamespaceOnly() {
        var source = new EngineConfigSource(Map.of(
                "PULUMI_CONFIG",
                "{\"llm-safe:kind\":\"platform\",\"gcp:project\":\"x\","
                        + "\"llm-safe:secretValues\":\"{\\\"staging-db\\\":\\\"s3cr3t\\\"}\"}",
                "PULUMI_CONFIG_SECRET_KEYS",
                "[\"llm-safe:secretValues\"]"));

        assertThat(source.keys()).containsExactlyInAnyOrder("kind", "secretValues");
        assertThat(source.get("kind")).contains("platform");
        assertThat(source.isSecret("secretValues")).isTrue();
        assertThat(source.isSecret("kind")).isFalse();
        assertThat(source.get("project")).isEmpty();
    }

    @Test
    void engineAndOfflinePathsShareOneValidator() {
        var engine = new EngineConfigSource(
                Map.of("PULUMI_CONFIG", "{\"llm-safe:kind\":\"platform\"," + "\"llm-safe:repositoryId\":\"abc\"}"));
        assertThatThrownBy(() -> StackSettingsReader.read("platform", engine, PolicyFacts.defaults()))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("llm-safe:repositoryId = \"abc\"");
    }

    @Test
    void unreadableEngineConfigIsNamed() {
        assertThatThrownBy(() -> new EngineConfigSource(Map.of("PULUMI_CONFIG", "{nope")))
                .hasMessageContaining("unreadable config");
    }
}
