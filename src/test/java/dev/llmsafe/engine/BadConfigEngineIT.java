package dev.llmsafe.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmsafe.workflows.Workflows;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad stack config on the real engine: the preview job's own Preview step fails with the key, the bad value and
 * the fix, and nothing of the JVM (a stack trace, an exception class) reaches the engine's output.
 */
class BadConfigEngineIT {
    private static final String WORKFLOW = "pr-env.yml";
    private static final String JOB = "preview";
    /** The engine's JSON for a preview whose program refused its config: diagnostics, no resource steps. */
    static final String GOLDEN = "engine-bad-config-preview.json";

    @TempDir
    Path tmp;

    @Test
    void thePreviewStepFailsWithTheKeyAndTheFix() throws Exception {
        var sandbox = new EngineSandbox(tmp);
        sandbox.env(Workflows.staticEnv(WORKFLOW))
                .env("PR_NUMBER", "9")
                .env("STACK", "pr-9")
                .env("PR_BRANCH", "feature/typo")
                .env("PR_SHA", "89abcdef0123456789abcdef0123456789abcdef")
                .env("PR_LABELS", "")
                .env("PULUMI_SECRETS_PROVIDER", "passphrase")
                .stepExports(WORKFLOW, JOB, "Name the stack's files");
        var configure = sandbox.step(WORKFLOW, JOB, "Select the PR's stack and set its config");
        assertThat(configure.process().exit()).as(configure.process().output()).isZero();
        String configFile = sandbox.environment().get("CONFIG_FILE");
        var set = sandbox.pulumi(
                "config", "set", "--stack", "pr-9", "--config-file", configFile, "llm-safe:maxInstances", "many");
        assertThat(set.exit()).as(set.output()).isZero();

        var preview = sandbox.step(WORKFLOW, JOB, "Preview");

        assertThat(preview.process().exit()).as(preview.process().output()).isNotZero();
        Path json = Path.of(sandbox.environment().get("EVIDENCE"), "preview.json");
        JsonNode result = EngineGolden.live(GOLDEN, Files.readString(json));
        List<String> errors = errors(result);
        assertThat(String.join("\n", errors))
                .as(Files.readString(json))
                .contains("llm-safe:maxInstances = \"many\"")
                .contains("must be a whole number from 1 to 1000");
        String everything = Files.readString(json)
                + preview.process().stdout()
                + preview.process().stderr();
        assertThat(everything)
                .as("no JVM internals in the engine's output")
                .doesNotContain("\tat ", "\\tat ", "Exception", "java.lang.", "dev.llmsafe.");
        assertThat(result.path("steps").findValues("urn").stream().map(JsonNode::asText))
                .as("nothing but the stack itself is planned")
                .allMatch(urn -> urn.contains("pulumi:pulumi:Stack"));
        assertThat(errors(result))
                .as("the kept file holds the same errors")
                .isEqualTo(errors(EngineGolden.read(GOLDEN)));
    }

    private static List<String> errors(JsonNode preview) {
        List<String> errors = new ArrayList<>();
        preview.path("diagnostics").forEach(d -> {
            if ("error".equals(d.path("severity").asText())) {
                errors.add(d.path("message").asText());
            }
        });
        return errors;
    }
}
