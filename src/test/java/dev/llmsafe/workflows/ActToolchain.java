package dev.llmsafe.workflows;

import dev.llmsafe.cli.CliRun;
import dev.llmsafe.engine.EngineToolchain;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * nektos/act as {@code .ci/act-toolchain} builds it, found through {@code LLMSAFE_ACT} (which .ci/run exports);
 * failing that, the toolchain is run here when Go is on PATH (a warm run takes well under a second). Without it,
 * the act tests are skipped with the reason, unless {@code LLMSAFE_REQUIRE_ENGINE=true} (CI), under which they fail.
 */
final class ActToolchain {
    private static Path act;
    private static String unavailable;

    private ActToolchain() {}

    /** The act binary; aborts (or, when required, fails) the calling test when there is none. */
    static synchronized Path act() {
        if (act == null && unavailable == null) {
            try {
                find();
            } catch (IOException e) {
                unavailable = ".ci/act-toolchain could not be run: " + e.getMessage();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                unavailable = "interrupted while building act";
            }
        }
        if (act != null) {
            return act;
        }
        if ("true".equals(System.getenv(EngineToolchain.REQUIRE))) {
            Assertions.fail("act tests are required here (" + EngineToolchain.REQUIRE + "=true), but " + unavailable);
        }
        Assumptions.abort("act test skipped: " + unavailable);
        throw new IllegalStateException("unreachable");
    }

    private static void find() throws IOException, InterruptedException {
        String named = System.getenv("LLMSAFE_ACT");
        if (named == null || named.isBlank()) {
            named = build();
            if (named == null) {
                return;
            }
        }
        if (!Files.isExecutable(Path.of(named))) {
            unavailable = "LLMSAFE_ACT names " + named + ", which is not an executable; run .ci/act-toolchain";
            return;
        }
        act = Path.of(named);
    }

    /** Runs the toolchain, its progress on this test's stderr; the last line it prints is the binary. */
    private static String build() throws IOException, InterruptedException {
        Process process = new ProcessBuilder(
                        CliRun.projectDir().resolve(".ci/act-toolchain").toString())
                .directory(CliRun.projectDir().toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (!process.waitFor(30, TimeUnit.MINUTES) || process.exitValue() != 0) {
            unavailable = ".ci/act-toolchain failed (its output is above; it needs Go 1.26 or newer on PATH)";
            return null;
        }
        return out.substring(out.lastIndexOf('\n') + 1);
    }
}
