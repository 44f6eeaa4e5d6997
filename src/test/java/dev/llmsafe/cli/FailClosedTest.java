package dev.llmsafe.cli;

import static dev.llmsafe.cli.PolicyCheckCommandTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.llmsafe.plan.PlanDocument;
import dev.llmsafe.plan.PlanJson;
import dev.llmsafe.plan.PlannedResource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the check cannot judge is never a pass: each attack here exited 0 before. */
class FailClosedTest {
    @TempDir
    Path dir;

    private Path plan(String kind) throws Exception {
        PlanDocument plan = PlanDocument.builder()
                .source("offline")
                .project("llm-safe")
                .stack("pr-7")
                .kind(kind)
                .resources(List.of(PlannedResource.builder(
                                "create",
                                "gcp:storage/bucket:Bucket",
                                "r",
                                "urn:pulumi:pr-7::llm-safe::gcp:storage/bucket:Bucket::r")
                        .custom(true)
                        .build()))
                .build();
        Path file = dir.resolve("plan-" + kind + ".json");
        Files.writeString(file, PlanJson.write(plan));
        return file;
    }

    @Test
    void anUnknownOrMissingStackKindIsBadInputNotAPassWithTheReviewRulesSkipped() throws Exception {
        PolicyCheckCommandTest.Run unknown = run(
                "policy",
                "check",
                "--project-dir",
                dir.toString(),
                "--plan",
                plan("sandbox").toString());
        assertThat(unknown.exit()).as(unknown.out() + unknown.err()).isEqualTo(2);
        assertThat(unknown.err())
                .contains("the plan's stack kind 'sandbox' is not a stack kind; use one of platform, review");

        Path noKind = dir.resolve("no-kind.json");
        Files.writeString(
                noKind,
                "{\"steps\": [{\"op\": \"create\", \"urn\": \"urn:pulumi:scratch::llm-safe::gcp:storage/bucket:Bucket::b\","
                        + " \"newState\": {\"type\": \"gcp:storage/bucket:Bucket\", \"inputs\": {}}}]}");
        PolicyCheckCommandTest.Run missing =
                run("policy", "check", "--project-dir", dir.toString(), "--plan", noKind.toString());
        assertThat(missing.exit()).as(missing.out() + missing.err()).isEqualTo(2);
        assertThat(missing.err()).contains("the plan does not say its stack kind; pass --kind");
        assertThat(run(
                                "policy",
                                "check",
                                "--project-dir",
                                dir.toString(),
                                "--plan",
                                noKind.toString(),
                                "--kind",
                                "review")
                        .exit())
                .as("--kind supplies a missing kind")
                .isNotEqualTo(2);

        PolicyCheckCommandTest.Run disagree = run(
                "policy",
                "check",
                "--project-dir",
                dir.toString(),
                "--plan",
                plan("review").toString(),
                "--kind",
                "production");
        assertThat(disagree.exit()).isEqualTo(2);
        assertThat(disagree.err()).contains("--kind production disagrees with the plan's stack kind review");

        Path numeric = dir.resolve("numeric-kind.json");
        Files.writeString(
                numeric,
                "{\"config\": {\"llm-safe:kind\": 5}, \"steps\": [{\"op\": \"create\", \"urn\":"
                        + " \"urn:pulumi:pr-7::llm-safe::gcp:storage/bucket:Bucket::b\", \"newState\": {\"type\": \"gcp:storage/bucket:Bucket\"}}]}");
        PolicyCheckCommandTest.Run malformed =
                run("policy", "check", "--project-dir", dir.toString(), "--plan", numeric.toString());
        assertThat(malformed.exit()).isEqualTo(2);
        assertThat(malformed.err()).contains("config.llm-safe:kind must be a string");
    }

    @Test
    void aDuplicateKeyInAStackConfigIsRefusedWithTheFileLineAndKey() throws Exception {
        Path project = Path.of(System.getProperty("llmsafe.projectDir", ".")).toAbsolutePath();
        Files.copy(project.resolve("Pulumi.yaml"), dir.resolve("Pulumi.yaml"));
        String config = Files.readString(project.resolve("Pulumi.staging.yaml"));
        // The second runtimeTarget would win silently; the engine itself refuses the file.
        Files.writeString(dir.resolve("Pulumi.staging.yaml"), config + "  llm-safe:runtimeTarget: cloudrun\n");
        PolicyCheckCommandTest.Run run = run(
                "policy",
                "check",
                "--project-dir",
                dir.toString(),
                "--stack",
                "staging",
                "--config-file",
                dir.resolve("Pulumi.staging.yaml").toString());
        assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(2);
        assertThat(run.err())
                .contains("Pulumi.staging.yaml")
                .contains("duplicate key 'llm-safe:runtimeTarget'")
                .containsPattern("line [0-9]+");
    }

    @Test
    void aDuplicateKeyInAWorkflowIsRefusedWithTheFileLineAndKey() throws Exception {
        Path workflows = Files.createDirectories(dir.resolve(".github/workflows"));
        Files.writeString(
                workflows.resolve("ci.yml"),
                "on: push\npermissions: write-all\n\"permissions\": {contents: read}\njobs: {}\n");
        PolicyCheckCommandTest.Run run =
                run("policy", "check", "--project-dir", dir.toString(), "--workflows", workflows.toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("ci.yml").contains("line 3: duplicate key 'permissions'");
    }

    @Test
    void aScriptTheScannerCannotReadIsAViolationUnlessAllowlistedWithAReason() throws Exception {
        GitRepo repo = GitRepo.init(dir);
        Files.writeString(dir.resolve("README.md"), "x\n");
        repo.commitAll("base");
        // bash runs this: only its first line is checked for NUL. The scanner skipped it as binary.
        Files.write(dir.resolve("deploy.sh"), "#!/bin/sh\n\0\naws s3 cp x s3://bucket/\n".getBytes());
        Files.write(dir.resolve("logo.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2});
        Files.write(dir.resolve("big.txt"), "a".repeat(1024 * 1024 + 1).getBytes());
        repo.commitAll("add files");
        PolicyCheckCommandTest.Run run =
                run("policy", "check", "--project-dir", dir.toString(), "--diff", "HEAD~1..HEAD");
        assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(1);
        assertThat(run.out())
                .contains("FAIL     forbidden-references")
                .contains("deploy.sh cannot be scanned: it has a NUL byte at offset 10")
                .contains("logo.png cannot be scanned: it has a NUL byte at offset 4")
                .contains("big.txt cannot be scanned: it is larger than 1048576 bytes");

        Files.writeString(
                dir.resolve("policy.yaml"),
                "allowlist:\n"
                        + "  - {rule: forbidden-references, path: logo.png, reason: the project's logo}\n"
                        + "  - {rule: forbidden-references, path: big.txt, reason: test data}\n"
                        + "  - {rule: forbidden-references, path: deploy.sh, reason: reviewed}\n");
        repo.commitAll("allowlist");
        PolicyCheckCommandTest.Run allowed =
                run("policy", "check", "--project-dir", dir.toString(), "--diff", "HEAD~2..HEAD~1", "--format", "json");
        assertThat(allowed.exit()).as("the base has no allowlist yet").isEqualTo(1);
        PolicyCheckCommandTest.Run tree =
                run("policy", "check", "--project-dir", dir.toString(), "--all-files", "--format", "json");
        assertThat(tree.exit()).as(tree.out() + tree.err()).isZero();
        assertThat(tree.out()).contains("the project's logo");
    }

    @Test
    void aSubmoduleAtAProtectedFolderIsRefusedWhateverGitmodulesSays() throws Exception {
        GitRepo repo = GitRepo.init(dir);
        Files.writeString(dir.resolve("README.md"), "x\n");
        repo.commitAll("base");
        Files.writeString(
                dir.resolve(".gitmodules"),
                "[submodule \"vendor\"]\n\tpath = vendor/lib\n\turl = https://example.com/lib.git\n");
        repo.git("update-index", "--add", "--cacheinfo", "160000," + "a".repeat(40) + ",.mvn");
        repo.git("add", ".gitmodules");
        repo.git("commit", "-q", "-m", "Vendor a library\n\nAssisted-by: some-model");
        PolicyCheckCommandTest.Run run =
                run("policy", "check", "--project-dir", dir.toString(), "--diff", "HEAD~1..HEAD");
        assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(1);
        assertThat(run.out())
                .contains("FAIL     ai-allowed-paths")
                .contains("submodule .mvn")
                .contains("protected path (matches .mvn/**)");
    }

    @Test
    void retargetingAnExistingSymlinkOntoAProtectedPathTouchesIt() throws Exception {
        GitRepo repo = GitRepo.init(dir);
        Files.createDirectories(dir.resolve("docs"));
        Files.writeString(dir.resolve("docs/guide.md"), "x\n");
        Files.createSymbolicLink(dir.resolve("docs/current"), Path.of("guide.md"));
        repo.commitAll("base");
        Files.delete(dir.resolve("docs/current"));
        Files.createSymbolicLink(dir.resolve("docs/current"), Path.of("../.github/workflows/ci.yml"));
        repo.commitAll("Point the link elsewhere\n\nAssisted-by: some-model");
        PolicyCheckCommandTest.Run run =
                run("policy", "check", "--project-dir", dir.toString(), "--diff", "HEAD~1..HEAD");
        assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(1);
        assertThat(run.out())
                .contains("retargets symbolic link docs/current onto protected path .github/workflows/ci.yml");
    }
}
