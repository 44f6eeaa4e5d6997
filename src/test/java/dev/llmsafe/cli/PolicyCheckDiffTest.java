package dev.llmsafe.cli;

import static dev.llmsafe.cli.PolicyCheckCommandTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.llmsafe.cli.PolicyCheckCommandTest.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code llmsafe policy check --diff BASE..HEAD} in a git repository: an AI-assisted change may not touch a protected
 * path, and it is judged by the policy file as of its base, never by the one it brings.
 */
class PolicyCheckDiffTest {
    @TempDir
    Path dir;

    @Test
    void anAiAssistedDiffTouchingAProtectedPathFails() throws Exception {
        GitRepo repo = GitRepo.init(dir);
        Files.writeString(dir.resolve("policy.yaml"), "aiIdentities: []\n");
        repo.commitAll("base");
        Files.writeString(dir.resolve("policy.yaml"), "aiIdentities: []\nauditRetentionDays: 30\n");
        repo.git("commit", "-q", "-am", "Relax retention\n\nAssisted-by: some-model");
        Run run = run("policy", "check", "--project-dir", dir.toString(), "--diff", "HEAD~1..HEAD");
        assertThat(run.exit()).as(run.err()).isEqualTo(1);
        assertThat(run.out())
                .contains("FAIL     ai-allowed-paths")
                .contains("has trailer 'Assisted-by: some-model'")
                .contains("modifies protected path policy.yaml");
        assertThat(run.err()).contains("reading change HEAD~1..HEAD");
    }

    @Test
    void aChangeIsJudgedByTheBasesPolicyNotByTheOneItBrings() throws Exception {
        GitRepo repo = GitRepo.init(dir);
        Files.createDirectories(dir.resolve(".github/workflows"));
        Files.writeString(dir.resolve(".github/workflows/ci.yml"), "on: push\n");
        Files.writeString(dir.resolve("policy.yaml"), "aiIdentities: []\n");
        repo.commitAll("base");
        Files.writeString(dir.resolve("policy.yaml"), "rules:\n  ai-allowed-paths: disabled\n");
        Files.writeString(dir.resolve(".github/workflows/ci.yml"), "on: [push, pull_request]\n");
        repo.git("commit", "-q", "-am", "Tidy CI\n\nAssisted-by: some-model");

        Run run = run("policy", "check", "--project-dir", dir.toString(), "--diff", "HEAD~1..HEAD");
        assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(1);
        assertThat(run.out())
                .contains("FAIL     ai-allowed-paths")
                .contains("modifies protected path .github/workflows/ci.yml")
                .contains("modifies protected path policy.yaml");
        assertThat(run.err()).contains("policy.yaml as of the base HEAD~1");
        assertThat(run.out()).contains("policy: policy.yaml (as of the base HEAD~1, ");

        Run named = run(
                "policy",
                "check",
                "--project-dir",
                dir.toString(),
                "--diff",
                "HEAD~1..HEAD",
                "--policy",
                dir.resolve("policy.yaml").toString());
        assertThat(named.exit())
                .as("--policy names a path, which is read at the base")
                .isEqualTo(1);
    }

    @Test
    void aPolicyPathTheBaseDoesNotHaveMeansDefaultsAndOneOutsideTheRepositoryIsBadInput() throws Exception {
        GitRepo repo = GitRepo.init(dir);
        Files.writeString(dir.resolve("README.md"), "x\n");
        repo.commitAll("base");
        Files.writeString(dir.resolve("policy.yaml"), "rules:\n  ai-allowed-paths: disabled\n");
        repo.commitAll("Add a policy\n\nAssisted-by: some-model");
        Run added = run("policy", "check", "--project-dir", dir.toString(), "--diff", "HEAD~1..HEAD");
        assertThat(added.exit()).as(added.out() + added.err()).isEqualTo(1);
        assertThat(added.out()).contains("adds protected path policy.yaml");
        assertThat(added.err()).contains("the base HEAD~1 has no policy.yaml; every rule at its default level");

        Path outside = Files.createTempFile("policy", ".yaml");
        try {
            Run bad = run(
                    "policy",
                    "check",
                    "--project-dir",
                    dir.toString(),
                    "--diff",
                    "HEAD~1..HEAD",
                    "--policy",
                    outside.toString());
            assertThat(bad.exit()).isEqualTo(2);
            assertThat(bad.err()).contains("is outside the repository, so it cannot be read at the base");
        } finally {
            Files.delete(outside);
        }
    }
}
