package dev.llmsafe.engine;

import dev.llmsafe.cli.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A runner's view of the project for the real engine: a checkout (the committed project files and the packaged
 * jar) and a PULUMI_HOME of its own, both thrown away by {@link #freshRunner()}, next to a {@code file://} state
 * backend that outlives runners, as a state bucket does. The passphrase secrets provider stands in for Cloud KMS.
 */
final class EngineSandbox {
    static final String PASSPHRASE = "engine-test-passphrase";
    private static final long TIMEOUT_SECONDS = 300;

    private final Path root;
    private final Path backend;
    private final Map<String, String> extraEnv = new HashMap<>();
    private Path checkout;
    private Path home;
    private int runners;

    EngineSandbox(Path root) throws IOException, InterruptedException {
        this.root = root;
        this.backend = Files.createDirectories(root.resolve("state"));
        freshRunner();
    }

    /** A new runner: a clean checkout and an empty PULUMI_HOME (the plugins are the toolchain's). */
    EngineSandbox freshRunner() throws IOException, InterruptedException {
        runners++;
        checkout = Files.createDirectories(root.resolve("runner-" + runners).resolve("checkout"));
        home = Files.createDirectories(root.resolve("runner-" + runners).resolve("pulumi-home"));
        Files.createSymbolicLink(
                home.resolve("plugins"), Path.of(EngineToolchain.environment().get("PULUMI_HOME"), "plugins"));
        Path project = CliRun.projectDir();
        for (String file : committedFiles()) {
            Path target = checkout.resolve(file);
            Files.createDirectories(target.getParent());
            Files.copy(project.resolve(file), target, StandardCopyOption.COPY_ATTRIBUTES);
        }
        Path jar = Path.of(System.getProperty(
                "llmsafe.jar", project.resolve("target/llm-safe.jar").toString()));
        Files.createDirectories(checkout.resolve("target"));
        Files.createSymbolicLink(checkout.resolve("target/llm-safe.jar"), jar);
        Files.createSymbolicLink(checkout.resolve("target/lib"), jar.resolveSibling("lib"));
        return this;
    }

    /** Sets a variable for every later command, as a workflow's env block does. */
    EngineSandbox env(String name, String value) {
        extraEnv.put(name, value);
        return this;
    }

    EngineSandbox env(Map<String, String> values) {
        extraEnv.putAll(values);
        return this;
    }

    Path checkout() {
        return checkout;
    }

    Path backend() {
        return backend;
    }

    /** The lock files in the state backend: a stack's lock is there while an update holds it, or a killed one left it. */
    List<Path> locks() throws IOException {
        Path dir = backend.resolve(".pulumi/locks");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (var files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    /** The real CLI in the checkout. */
    Subprocess pulumi(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("pulumi"));
        command.addAll(List.of(args));
        return Subprocess.run(command, checkout, environment(), TIMEOUT_SECONDS);
    }

    /** A script text (a workflow step's {@code run:}, or one of our scripts) under bash -e, in the checkout. */
    Subprocess bash(String script) throws IOException, InterruptedException {
        return Subprocess.run(
                List.of("bash", "-eo", "pipefail", "-c", script), checkout, environment(), TIMEOUT_SECONDS);
    }

    /**
     * Runs a workflow step's {@code run:} text as a runner does: with GITHUB_ENV and GITHUB_OUTPUT files, whose
     * {@code NAME=value} lines become the environment of later steps and the step's outputs.
     */
    StepResult step(String workflow, String job, String stepName) throws IOException, InterruptedException {
        Path githubEnv = Files.createTempFile(checkout.getParent(), "github-env", "");
        Path githubOutput = Files.createTempFile(checkout.getParent(), "github-output", "");
        env("GITHUB_ENV", githubEnv.toString()).env("GITHUB_OUTPUT", githubOutput.toString());
        Subprocess result = bash(dev.llmsafe.workflows.Workflows.run(workflow, job, stepName));
        env(keyValues(githubEnv));
        return new StepResult(result, keyValues(githubOutput));
    }

    /** Runs only the lines of a step that write to GITHUB_ENV (a build step's paths, say), for later steps. */
    EngineSandbox stepExports(String workflow, String job, String stepName) throws IOException, InterruptedException {
        Path githubEnv = Files.createTempFile(checkout.getParent(), "github-env", "");
        env("GITHUB_ENV", githubEnv.toString());
        String lines = dev.llmsafe.workflows.Workflows.run(workflow, job, stepName)
                .lines()
                .filter(l -> l.contains(">> \"$GITHUB_ENV\""))
                .reduce("", (a, b) -> a + b + "\n");
        Subprocess result = bash(lines);
        if (result.exit() != 0) {
            throw new AssertionError(result.output());
        }
        return env(keyValues(githubEnv));
    }

    /** A step's process and the outputs it wrote. */
    record StepResult(Subprocess process, Map<String, String> outputs) {}

    private static Map<String, String> keyValues(Path file) throws IOException {
        Map<String, String> values = new HashMap<>();
        for (String line : Files.readAllLines(file)) {
            int eq = line.indexOf('=');
            if (line.contains("<<") || eq <= 0) {
                throw new IllegalStateException("not a NAME=value line in " + file + ": " + line);
            }
            values.put(line.substring(0, eq), line.substring(eq + 1));
        }
        return values;
    }

    Map<String, String> environment() {
        Map<String, String> env = new HashMap<>(EngineToolchain.environment());
        env.put("PULUMI_HOME", home.toString());
        env.put("PULUMI_BACKEND_URL", backend.toUri().toString());
        env.put("PULUMI_CONFIG_PASSPHRASE", PASSPHRASE);
        env.put("PULUMI_SKIP_UPDATE_CHECK", "true");
        env.put("PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION", "true");
        env.put("RUNNER_TEMP", checkout.getParent().toString());
        env.putAll(extraEnv);
        return env;
    }

    /** What a checkout of the repository holds that the engine and the scripts read, as git tracks it. */
    private static List<String> committedFiles() throws IOException, InterruptedException {
        var listed = Subprocess.run(
                List.of("git", "ls-files", "-z", "--", "Pulumi*.yaml", "policy.yaml", ".github"),
                CliRun.projectDir(),
                System.getenv(),
                60);
        if (listed.exit() != 0) {
            throw new IOException("git ls-files failed: " + listed.stderr());
        }
        return List.of(listed.stdout().split("\0"));
    }
}
