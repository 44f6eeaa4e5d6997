package dev.llmsafe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A real git repository in a test folder, committed to by a human (Jane) unless a message says otherwise. */
record GitRepo(Path dir) {
    static GitRepo init(Path dir) throws Exception {
        GitRepo repo = new GitRepo(dir);
        repo.git("init", "-q");
        return repo;
    }

    void git(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                "git",
                "-C",
                dir.toString(),
                "-c",
                "user.name=Jane",
                "-c",
                "user.email=jane@acme.io",
                "-c",
                "commit.gpgsign=false"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(out).isZero();
    }

    /** Stages everything and commits it; trailers go in the message. */
    void commitAll(String message) throws Exception {
        git("add", "-A");
        git("commit", "-q", "-m", message);
    }
}
