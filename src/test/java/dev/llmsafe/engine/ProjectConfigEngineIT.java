package dev.llmsafe.engine;

import static dev.llmsafe.engine.GithubStandIn.JSON;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmsafe.plan.OfflinePlanner;
import dev.llmsafe.stack.StackSettings;
import dev.llmsafe.stack.YamlStackConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real CLI's config of every stack in a checkout of the repository ({@code pulumi config --json}) is what
 * the offline reader behind {@code llmsafe plan} reads: Pulumi.yaml's project-level config under each stack
 * file, keyed {@code llm-safe:<key>}, and a stack's own value replacing the project's.
 */
class ProjectConfigEngineIT {
    private static final String PREFIX = StackSettings.NAMESPACE + ":";
    /** Each stack and the config file it reads, as the workflows run them (pull requests share one file). */
    private static final Map<String, String> STACKS = Map.of(
            "platform",
            "Pulumi.platform.yaml",
            "staging",
            "Pulumi.staging.yaml",
            "production",
            "Pulumi.production.yaml",
            "pr-42",
            "Pulumi.review.yaml");

    @TempDir
    Path tmp;

    @Test
    void theEngineAndTheOfflineReaderSeeTheSameConfigForEveryStack() throws Exception {
        var sandbox = new EngineSandbox(tmp);
        for (var stack : STACKS.entrySet()) {
            run(sandbox, "stack", "init", stack.getKey(), "--secrets-provider", "passphrase");
            Map<String, JsonNode> engine = engineConfig(sandbox, stack.getKey(), stack.getValue());
            assertThat(engine)
                    .as(stack.getKey())
                    .containsEntry("gcpProject", tree("acme-shop-prod"))
                    .containsEntry("githubOwner", tree("acme"))
                    .containsEntry("repositoryId", tree("712345678"))
                    .containsEntry("ownerId", tree("98765432"));
            assertThat((Iterable<JsonNode>) engine.get("deployerSecretNames"))
                    .as(stack.getKey())
                    .contains(tree("railway-token"));
            assertThat(engine).as(stack.getKey()).isEqualTo(offlineConfig(sandbox, stack.getKey(), stack.getValue()));
        }

        // A stack's own value replaces the project's, for the engine and the offline reader alike.
        run(sandbox, "config", "set", "--stack", "staging", PREFIX + "gcpRegion", "us-east1");
        run(sandbox, "config", "set", "--stack", "staging", "--path", PREFIX + "secretNames[0]", "only-this");
        Map<String, JsonNode> engine = engineConfig(sandbox, "staging", "Pulumi.staging.yaml");
        assertThat(engine)
                .containsEntry("gcpRegion", tree("us-east1"))
                .containsEntry("secretNames", tree("[\"only-this\"]"));
        assertThat(engine).isEqualTo(offlineConfig(sandbox, "staging", "Pulumi.staging.yaml"));
    }

    private static void run(EngineSandbox sandbox, String... args) throws Exception {
        var result = sandbox.pulumi(args);
        assertThat(result.exit())
                .as("pulumi %s\n%s", List.of(args), result.output())
                .isZero();
    }

    /**
     * {@code pulumi config --json} of the stack, in the program's namespace, keyed without it; lists and maps as
     * JSON trees, since the engine writes a map's keys sorted and the files keep their own order.
     */
    private static Map<String, JsonNode> engineConfig(EngineSandbox sandbox, String stack, String file)
            throws Exception {
        var result = sandbox.pulumi("config", "--json", "--stack", stack, "--config-file", file);
        assertThat(result.exit()).as(result.output()).isZero();
        Map<String, JsonNode> config = new TreeMap<>();
        JsonNode all = JSON.readTree(result.stdout());
        for (String key : (Iterable<String>) all::fieldNames) {
            if (key.startsWith(PREFIX)) {
                config.put(
                        key.substring(PREFIX.length()),
                        tree(all.get(key).path("value").asText()));
            }
        }
        return config;
    }

    private static Map<String, JsonNode> offlineConfig(EngineSandbox sandbox, String stack, String file)
            throws Exception {
        YamlStackConfig config = OfflinePlanner.config(
                sandbox.checkout(), stack, Optional.of(sandbox.checkout().resolve(file)), Map.of());
        Map<String, JsonNode> values = new TreeMap<>();
        for (String key : config.keys()) {
            values.put(key, tree(config.get(key).orElseThrow()));
        }
        return values;
    }

    /** A value as text, or as the JSON tree a list or map is written as. */
    private static JsonNode tree(String value) throws Exception {
        return value.startsWith("[") || value.startsWith("{")
                ? JSON.readTree(value)
                : JSON.getNodeFactory().textNode(value);
    }
}
