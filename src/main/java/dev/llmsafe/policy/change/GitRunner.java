package dev.llmsafe.policy.change;

import dev.llmsafe.policy.input.InputException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs git in a repository and returns its output; any failure is an {@link InputException} with git's words. */
final class GitRunner {
    private static final long TIMEOUT_SECONDS = 300;
    private final Path repository;

    GitRunner(Path repository) {
        this.repository = repository;
    }

    String text(String... args) throws InputException {
        return text(List.of(args));
    }

    String text(List<String> args) throws InputException {
        return new String(bytes(null, args), StandardCharsets.UTF_8);
    }

    byte[] bytes(byte[] stdin, String... args) throws InputException {
        return bytes(stdin, List.of(args));
    }

    byte[] bytes(byte[] stdin, List<String> args) throws InputException {
        List<String> command =
                new ArrayList<>(List.of("git", "--no-pager", "-c", "core.quotepath=off", "-C", repository.toString()));
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("GIT_TERMINAL_PROMPT", "0");
        pb.environment().put("LC_ALL", "C");
        Process process;
        try {
            process = pb.start();
        } catch (IOException e) {
            throw new InputException(
                    "git", "cannot run git (" + e.getMessage() + "); install git or pass --all-files " + "on a folder");
        }
        try {
            CompletableFuture<byte[]> out = drain(process.getInputStream());
            CompletableFuture<byte[]> err = drain(process.getErrorStream());
            try (var in = process.getOutputStream()) {
                if (stdin != null) {
                    in.write(stdin);
                }
            }
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new InputException("git " + args.get(0), "did not finish within " + TIMEOUT_SECONDS + " seconds");
            }
            if (process.exitValue() != 0) {
                String message = new String(err.join(), StandardCharsets.UTF_8).strip();
                throw new InputException(
                        "git " + args.get(0) + " in " + repository,
                        message.isEmpty() ? "failed with exit code " + process.exitValue() : message);
            }
            return out.join();
        } catch (IOException e) {
            throw new InputException("git " + args.get(0), e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new InputException("git " + args.get(0), "interrupted");
        }
    }

    private static CompletableFuture<byte[]> drain(InputStream stream) {
        return CompletableFuture.supplyAsync(() -> {
            try (stream) {
                ByteArrayOutputStream buffer = new ByteArrayOutputStream();
                stream.transferTo(buffer);
                return buffer.toByteArray();
            } catch (IOException e) {
                return new byte[0];
            }
        });
    }
}
