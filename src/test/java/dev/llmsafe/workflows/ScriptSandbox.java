package dev.llmsafe.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmsafe.cli.CliRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the workflows' shell (a step's {@code run:} text or one of our scripts) for real in bash from the project
 * folder, with stand-ins for external CLIs first on PATH. Each stand-in records its arguments in $CALLS and may keep
 * what it needs in $STATE, the sandbox folder.
 */
final class ScriptSandbox {
    /** A run: its exit code, its output (stdout and stderr) and the stand-ins' calls in order. */
    record Result(int exit, String output, List<String> calls) {}

    private final Path dir;

    ScriptSandbox(Path dir) {
        this.dir = dir;
    }

    Path dir() {
        return dir;
    }

    /** A stand-in for the command {@code name}: it records its call, then runs {@code body}. */
    ScriptSandbox fake(String name, String body) throws IOException {
        Path f = Files.createDirectories(dir.resolve("bin")).resolve(name);
        Files.writeString(f, "#!/usr/bin/env bash\necho \"" + name + " $*\" >> \"$CALLS\"\n" + body + "\n");
        f.toFile().setExecutable(true);
        return this;
    }

    Result bash(String script, Map<String, String> env) throws IOException, InterruptedException {
        return run(script, env, false);
    }

    /**
     * The same with nothing of this machine's environment: only what a runner gives every step (PATH with the
     * stand-ins first, HOME, RUNNER_TEMP, CI, GITHUB_ACTIONS) and {@code env}, so a variable the script reads
     * but the job does not set shows.
     */
    Result bashOnRunner(String script, Map<String, String> env) throws IOException, InterruptedException {
        return run(script, env, true);
    }

    private Result run(String script, Map<String, String> env, boolean runnerOnly)
            throws IOException, InterruptedException {
        Path calls = dir.resolve("calls.txt");
        Files.deleteIfExists(calls);
        Files.createFile(calls);
        var pb = new ProcessBuilder("bash", "-eo", "pipefail", "-c", script)
                .directory(CliRun.projectDir().toFile())
                .redirectErrorStream(true);
        Path bin = Files.createDirectories(dir.resolve("bin"));
        if (runnerOnly) {
            pb.environment().clear();
            pb.environment().put("PATH", bin + ":/usr/bin:/bin");
            pb.environment().put("HOME", dir.toString());
            pb.environment()
                    .put(
                            "RUNNER_TEMP",
                            Files.createDirectories(dir.resolve("runner-temp")).toString());
            pb.environment().put("CI", "true");
            pb.environment().put("GITHUB_ACTIONS", "true");
        } else {
            pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        }
        pb.environment().put("CALLS", calls.toString());
        pb.environment().put("STATE", dir.toString());
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), out, new ArrayList<>(Files.readAllLines(calls)));
    }
}
