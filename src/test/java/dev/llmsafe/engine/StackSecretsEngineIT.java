package dev.llmsafe.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.llmsafe.workflows.Workflows;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A preview stack's secrets provider on the real CLI, through the workflow's own steps: {@code stack init} writes
 * it into the stack file, and a later runner, whose checkout has no such file, must keep using the stack's key.
 */
class StackSecretsEngineIT {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String WORKFLOW = "pr-env.yml";
    private static final String JOB = "preview";

    @TempDir
    Path tmp;

    private EngineSandbox sandbox;

    @BeforeEach
    void runner() throws Exception {
        sandbox = new EngineSandbox(tmp);
        prRunner();
    }

    @Test
    void aLaterRunnerKeepsTheStacksSecretsKey() throws Exception {
        configureStack();
        String salt = configFile().path("encryptionsalt").asText();
        assertThat(salt)
                .as("stack init wrote the secrets provider into the file later steps read")
                .isNotEmpty();
        assertThat(stateSalt()).isEqualTo(salt);
        setSecret("first");

        sandbox.freshRunner();
        prRunner();
        configureStack();
        setSecret("second");

        assertThat(configFile().path("encryptionsalt").asText())
                .as("a new runner encrypts with the stack's own key, not a new one")
                .isEqualTo(stateSalt());
        var get = sandbox.pulumi(
                "config", "get", "--stack", "pr-7", "--config-file", configFileName(), "engine-test:probe");
        assertThat(get.stdout().strip()).as(get.output()).isEqualTo("second");
    }

    @Test
    void configuringTwiceOnOneRunnerKeepsTheKeyToo() throws Exception {
        configureStack();
        String salt = configFile().path("encryptionsalt").asText();
        configureStack();
        setSecret("again");
        assertThat(configFile().path("encryptionsalt").asText()).isEqualTo(salt);
    }

    private void prRunner() throws IOException, InterruptedException {
        sandbox.env(Workflows.staticEnv(WORKFLOW))
                .env("PR_NUMBER", "7")
                .env("STACK", "pr-7")
                .env("PR_BRANCH", "feature/engine")
                .env("PR_SHA", "0123456789abcdef0123456789abcdef01234567")
                .env("PR_LABELS", "")
                .env("PULUMI_SECRETS_PROVIDER", "passphrase")
                .stepExports(WORKFLOW, JOB, "Name the stack's files");
    }

    private void configureStack() throws IOException, InterruptedException {
        var step = sandbox.step(WORKFLOW, JOB, "Select the PR's stack and set its config");
        assertThat(step.process().exit()).as(step.process().output()).isZero();
    }

    private void setSecret(String value) throws IOException, InterruptedException {
        var set = sandbox.pulumi(
                "config",
                "set",
                "--secret",
                "--stack",
                "pr-7",
                "--config-file",
                configFileName(),
                "engine-test:probe",
                value);
        assertThat(set.exit()).as(set.output()).isZero();
    }

    private String configFileName() {
        return sandbox.environment().get("CONFIG_FILE");
    }

    private JsonNode configFile() throws IOException {
        return YAML.readTree(sandbox.checkout().resolve(configFileName()).toFile());
    }

    /** The salt the stack's state records for its passphrase secrets manager. */
    private String stateSalt() throws IOException, InterruptedException {
        var export = sandbox.pulumi("stack", "export", "--stack", "pr-7");
        assertThat(export.exit()).as(export.output()).isZero();
        JsonNode providers = JSON.readTree(export.stdout()).path("deployment").path("secrets_providers");
        assertThat(providers.path("type").asText()).isEqualTo("passphrase");
        return providers.path("state").path("salt").asText();
    }
}
