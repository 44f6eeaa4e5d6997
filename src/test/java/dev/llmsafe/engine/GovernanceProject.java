package dev.llmsafe.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@link GovernanceProgram} as a Pulumi project in a runner's checkout: a Pulumi.yaml whose Java runtime runs a
 * {@link ProgramJar}, and a stack config file written from scratch, as a checkout holds only committed config.
 */
final class GovernanceProject {
    static final String STACK = "github-governance";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final String PROGRAM_JAR = "target/governance-program.jar";

    private GovernanceProject() {}

    /** Writes the project and the stack's config (key without namespace to value) into the runner's checkout. */
    static void write(EngineSandbox sandbox, Map<String, Object> config) throws IOException {
        Path checkout = sandbox.checkout();
        Path build = Path.of(System.getProperty(
                        "llmsafe.jar",
                        dev.llmsafe.cli.CliRun.projectDir()
                                .resolve("target/llm-safe.jar")
                                .toString()))
                .getParent();
        ProgramJar.write(checkout.resolve(PROGRAM_JAR), GovernanceProgram.class, build);
        Files.writeString(checkout.resolve("Pulumi.yaml"), """
                name: %s
                description: The GitHub governance component alone, for the engine tests.
                runtime:
                  name: java
                  options:
                    binary: %s
                """.formatted(GovernanceProgram.PROJECT, PROGRAM_JAR));
        Map<String, Object> namespaced = new LinkedHashMap<>();
        config.forEach((key, value) -> namespaced.put(GovernanceProgram.PROJECT + ":" + key, value));
        YAML.writeValue(checkout.resolve("Pulumi." + STACK + ".yaml").toFile(), Map.of("config", namespaced));
    }

    /**
     * A runner of this workflow (its static env) with the provider pointed at the stand-in, and the stack created
     * with this config: where the engine tests that need a deployable stack start.
     */
    static EngineSandbox initialised(Path tmp, GithubStandIn github, String workflow, Map<String, Object> config)
            throws IOException, InterruptedException {
        EngineSandbox sandbox = new EngineSandbox(tmp)
                .env(dev.llmsafe.workflows.Workflows.staticEnv(workflow))
                .env("GITHUB_BASE_URL", github.baseUrl())
                .env("GITHUB_TOKEN", GovernanceConfig.TOKEN);
        write(sandbox, config);
        pulumi(sandbox, github, "stack", "init", "--secrets-provider", "passphrase");
        return sandbox;
    }

    /** The real CLI on the stack, failing the test with the engine's output when it fails. */
    static Subprocess pulumi(EngineSandbox sandbox, GithubStandIn github, String... args)
            throws IOException, InterruptedException {
        String[] withStack = new String[args.length + 2];
        System.arraycopy(args, 0, withStack, 0, args.length);
        withStack[args.length] = "--stack";
        withStack[args.length + 1] = STACK;
        Subprocess result = sandbox.pulumi(withStack);
        if (result.exit() != 0) {
            throw new AssertionError("pulumi " + String.join(" ", args) + " failed; requests the stand-in did not"
                    + " implement: " + github.unknown() + "\n" + result.output());
        }
        return result;
    }
}
