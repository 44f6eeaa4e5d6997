package dev.llmsafe.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** One finished subprocess: its exit code and everything it printed. */
record Subprocess(int exit, String stdout, String stderr) {

    /** Runs a command in a directory with exactly this environment; kills it after the timeout. */
    static Subprocess run(List<String> command, Path dir, Map<String, String> env, long timeoutSeconds)
            throws IOException, InterruptedException {
        List<String> resolved = new ArrayList<>(command);
        resolved.set(0, onPath(command.get(0), env.getOrDefault("PATH", "")));
        ProcessBuilder builder = new ProcessBuilder(resolved).directory(dir.toFile());
        builder.environment().clear();
        builder.environment().putAll(env);
        Process process = builder.start();
        process.getOutputStream().close();
        CompletableFuture<String> out = drain(process.getInputStream());
        CompletableFuture<String> err = drain(process.getErrorStream());
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor();
            throw new AssertionError("timed out after " + timeoutSeconds + "s: " + command + "\nstdout: "
                    + out.getNow("") + "\nstderr: " + err.getNow(""));
        }
        return new Subprocess(process.exitValue(), out.join(), err.join());
    }

    /** The program as the child's own PATH finds it (ProcessBuilder would search the parent's). */
    static String onPath(String program, String path) {
        if (program.contains("/")) {
            return program;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, program);
            if (java.nio.file.Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return program;
    }

    private static CompletableFuture<String> drain(InputStream stream) {
        return CompletableFuture.supplyAsync(() -> {
            try (stream) {
                return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Both streams, for assertion messages. */
    String output() {
        return "exit " + exit + "\n--- stdout\n" + stdout + "\n--- stderr\n" + stderr;
    }
}
