package dev.llmsafe.policy.change;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs git in a test repository as a given author, with no signing and {@code main} as the first branch. */
final class TestGit {
    private TestGit() {}

    static void run(Path repo, String name, String email, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                "git",
                "-C",
                repo.toString(),
                "-c",
                "user.name=" + name,
                "-c",
                "user.email=" + email,
                "-c",
                "commit.gpgsign=false",
                "-c",
                "init.defaultBranch=main"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(out).isZero();
    }
}
