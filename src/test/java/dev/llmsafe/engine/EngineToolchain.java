package dev.llmsafe.engine;

import dev.llmsafe.cli.CliRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The real Pulumi engine, as {@code .ci/engine-toolchain} builds it: the environment its env file sets (PATH with
 * the CLI and the Java host, the toolchain's PULUMI_HOME). Found through {@code LLMSAFE_ENGINE_ENV}; failing
 * that, the toolchain is run here when Go is on PATH (a warm run takes seconds). Without it, engine tests are
 * skipped with the reason, unless {@code LLMSAFE_REQUIRE_ENGINE=true} (CI), under which they fail.
 */
public final class EngineToolchain {
    public static final String REQUIRE = "LLMSAFE_REQUIRE_ENGINE";
    private static Map<String, String> environment;
    private static String unavailable;

    private EngineToolchain() {}

    /** The toolchain's environment; aborts (or, when required, fails) the calling test when there is none. */
    public static synchronized Map<String, String> environment() {
        if (environment == null && unavailable == null) {
            try {
                load();
            } catch (IOException e) {
                unavailable = "the engine toolchain could not be loaded: " + e.getMessage();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                unavailable = "interrupted while building the engine toolchain";
            }
        }
        if (environment != null) {
            return environment;
        }
        if ("true".equals(System.getenv(REQUIRE))) {
            Assertions.fail("engine tests are required here (" + REQUIRE + "=true), but " + unavailable);
        }
        Assumptions.abort("engine test skipped: " + unavailable);
        throw new IllegalStateException("unreachable");
    }

    private static void load() throws IOException, InterruptedException {
        String envFile = System.getenv("LLMSAFE_ENGINE_ENV");
        if (envFile == null || envFile.isBlank()) {
            if (!onPath("go")) {
                unavailable = "Go is not on PATH; the engine is built from Go modules by .ci/engine-toolchain"
                        + " (install Go 1.26 or newer, see docs/testing.md)";
                return;
            }
            envFile = runToolchain();
            if (envFile == null) {
                return;
            }
        }
        if (!Files.isRegularFile(Path.of(envFile))) {
            unavailable = "LLMSAFE_ENGINE_ENV names " + envFile + ", which is not a file; run .ci/engine-toolchain";
            return;
        }
        Map<String, String> env = sourced(envFile);
        String expected = env.get("LLMSAFE_ENGINE_CLI_VERSION");
        var version = Subprocess.run(List.of("pulumi", "version"), CliRun.projectDir(), env, 60);
        if (version.exit() != 0 || !version.stdout().strip().equals(expected)) {
            unavailable = "the toolchain's pulumi reports '" + version.stdout().strip() + "', expected " + expected;
            return;
        }
        environment = Map.copyOf(env);
    }

    /** Runs the toolchain, its progress on this test's stderr; the last line it prints is the env file. */
    private static String runToolchain() throws IOException, InterruptedException {
        Process process = new ProcessBuilder(
                        CliRun.projectDir().resolve(".ci/engine-toolchain").toString())
                .directory(CliRun.projectDir().toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (!process.waitFor(60, TimeUnit.MINUTES) || process.exitValue() != 0) {
            unavailable = ".ci/engine-toolchain failed (its output is above)";
            return null;
        }
        return out.substring(out.lastIndexOf('\n') + 1);
    }

    /** The whole environment after sourcing the env file, as a shell that sources it sees it. */
    private static Map<String, String> sourced(String envFile) throws IOException, InterruptedException {
        var result = Subprocess.run(
                List.of("bash", "-c", ". \"$1\" && env -0", "bash", envFile), CliRun.projectDir(), System.getenv(), 60);
        if (result.exit() != 0) {
            throw new IOException("sourcing " + envFile + " failed: " + result.stderr());
        }
        Map<String, String> env = new HashMap<>();
        for (String entry : result.stdout().split("\0")) {
            int eq = entry.indexOf('=');
            if (eq > 0) {
                env.put(entry.substring(0, eq), entry.substring(eq + 1));
            }
        }
        return env;
    }

    private static boolean onPath(String command) {
        return !Subprocess.onPath(command, System.getenv().getOrDefault("PATH", ""))
                .equals(command);
    }
}
