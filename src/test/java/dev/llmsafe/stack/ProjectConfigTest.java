package dev.llmsafe.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pulumi.yaml's project-level config merged under a stack's file, as the engine merges it. */
class ProjectConfigTest {
    @TempDir
    Path dir;

    private Path project(String... config) throws Exception {
        return Files.writeString(
                dir.resolve("Pulumi.yaml"),
                "name: llm-safe\nruntime: java\nconfig:\n" + String.join("\n", config) + "\n");
    }

    private Path stack(String... config) throws Exception {
        return Files.writeString(dir.resolve("Pulumi.staging.yaml"), "config:\n" + String.join("\n", config) + "\n");
    }

    @Test
    void projectValuesFillWhatTheStackLeavesUnsetAndTheStackWinsWhole() throws Exception {
        Path project = project(
                "  gcpProject: acme-shop-prod",
                "  llm-safe:githubOwner: acme",
                "  repositoryId: \"712345678\"",
                "  ownerId: 98765432",
                "  secretNames: [database-url, railway-token]",
                "  labels:",
                "    value: {team: platform, cost-center: shop}",
                "  appName:",
                "    type: string",
                "    default: shop",
                "  appEnv:",
                "    value: {LOG_LEVEL: info}",
                "    description: a nested value",
                "  previewTtlDays:",
                "    default: 7",
                "  gcp:project: another-namespace",
                "  gcpRegion: us-east1");
        Path stack = stack(
                "  llm-safe:kind: staging",
                "  llm-safe:gcpRegion: europe-west4",
                "  llm-safe:labels:",
                "    team: web");

        var config = YamlStackConfig.load(project, stack, Map.of("llm-safe:githubOwner", "acme-labs"));

        assertThat(config.keys())
                .containsExactlyInAnyOrder(
                        "kind",
                        "gcpProject",
                        "githubOwner",
                        "repositoryId",
                        "ownerId",
                        "secretNames",
                        "labels",
                        "appName",
                        "appEnv",
                        "previewTtlDays",
                        "gcpRegion");
        assertThat(config.get("gcpProject")).contains("acme-shop-prod");
        assertThat(config.get("repositoryId")).contains("712345678");
        assertThat(config.get("ownerId")).contains("98765432");
        assertThat(config.get("secretNames")).contains("[\"database-url\",\"railway-token\"]");
        assertThat(config.get("appName")).as("a declaration's default").contains("shop");
        assertThat(config.get("previewTtlDays")).as("a default without a type").contains("7");
        assertThat(config.get("appEnv")).contains("{\"LOG_LEVEL\":\"info\"}");
        assertThat(config.get("gcpRegion")).as("the stack's value wins").contains("europe-west4");
        assertThat(config.get("labels"))
                .as("the stack's map replaces the project's, unmerged")
                .contains("{\"team\":\"web\"}");
        assertThat(config.get("githubOwner"))
                .as("--set wins, as pulumi config set would")
                .contains("acme-labs");
        assertThat(config.isSecret("gcpProject")).isFalse();
    }

    @Test
    void shortKeysBelongToTheProjectNamedInTheFile() throws Exception {
        Path project = Files.writeString(
                dir.resolve("Pulumi.yaml"),
                "name: other-project\nruntime: java\nconfig:\n  gcpProject: p1\n  llm-safe:gcpRegion: us-east1\n");
        var config = YamlStackConfig.load(project, stack("  llm-safe:kind: staging"), Map.of());
        assertThat(config.keys()).containsExactlyInAnyOrder("kind", "gcpRegion");
    }

    @Test
    void aDeclarationWithoutDefaultMustBeSetByTheStack() throws Exception {
        Path project = project("  gcpProject:", "    description: the GCP project id");
        assertThatThrownBy(() -> YamlStackConfig.load(project, stack("  llm-safe:kind: staging"), Map.of()))
                .hasMessageContaining("llm-safe:gcpProject")
                .hasMessageContaining("no default")
                .hasMessageContaining("Pulumi.staging.yaml");
        var set = YamlStackConfig.load(project, stack("  llm-safe:gcpProject: p-from-stack"), Map.of());
        assertThat(set.get("gcpProject")).contains("p-from-stack");
    }

    @Test
    void aSecretDeclarationNeedsAnEncryptedValue() throws Exception {
        Path project = project("  railwayToken:", "    type: string", "    secret: true");
        assertThatThrownBy(() -> YamlStackConfig.load(project, stack("  llm-safe:railwayToken: plain"), Map.of()))
                .hasMessageContaining("llm-safe:railwayToken")
                .hasMessageContaining("--secret");
        var secure = YamlStackConfig.load(project, stack("  llm-safe:railwayToken:", "    secure: v1:abc="), Map.of());
        assertThat(secure.isSecret("railwayToken")).isTrue();
    }

    @Test
    void whatPulumiRefusesInTheProjectFileIsNamed() throws Exception {
        Path stack = stack("  llm-safe:kind: staging");
        Path twice = project("  gcpProject: a", "  llm-safe:gcpProject: b");
        assertThatThrownBy(() -> YamlStackConfig.load(twice, stack, Map.of()))
                .hasMessageContaining("Pulumi.yaml")
                .hasMessageContaining("llm-safe:gcpProject is set twice");
        Path bareMap = project("  labels: {team: platform}");
        assertThatThrownBy(() -> YamlStackConfig.load(bareMap, stack, Map.of()))
                .hasMessageContaining("llm-safe:labels")
                .hasMessageContaining("value:");
        Path foreignType = project("  gcp:project:", "    type: string", "    default: p");
        assertThatThrownBy(() -> YamlStackConfig.load(foreignType, stack, Map.of()))
                .hasMessageContaining("gcp:project")
                .hasMessageContaining("should not define a type");
        Path both = project("  gcpProject:", "    value: p", "    default: q");
        assertThatThrownBy(() -> YamlStackConfig.load(both, stack, Map.of())).hasMessageContaining("both");
        Path untypedArray = project("  secretNames:", "    type: array", "    default: [a]");
        assertThatThrownBy(() -> YamlStackConfig.load(untypedArray, stack, Map.of()))
                .hasMessageContaining("items");
        Path empty = project("  gcpProject:");
        assertThatThrownBy(() -> YamlStackConfig.load(empty, stack, Map.of())).hasMessageContaining("give it a value");
        Path nameless = Files.writeString(dir.resolve("Pulumi.yaml"), "runtime: java\n");
        assertThatThrownBy(() -> YamlStackConfig.load(nameless, stack, Map.of()))
                .hasMessageContaining("name");
        Path duplicate = Files.writeString(
                dir.resolve("Pulumi.yaml"),
                "name: llm-safe\nruntime: java\nconfig:\n  gcpProject: a\n  gcpProject: b\n");
        assertThatThrownBy(() -> YamlStackConfig.load(duplicate, stack, Map.of()))
                .hasMessageContaining("duplicate key 'gcpProject'");
        assertThatThrownBy(() -> YamlStackConfig.load(dir.resolve("none/Pulumi.yaml"), stack, Map.of()))
                .hasMessageContaining("none/Pulumi.yaml")
                .hasMessageContaining("does not exist")
                .hasMessageContaining("--project-dir");
    }
}
