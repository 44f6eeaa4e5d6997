package dev.llmsafe.stack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmsafe.cli.CliRun;
import dev.llmsafe.plan.OfflinePlanner;
import dev.llmsafe.policy.PolicyFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * policy.yaml's mainBranch is the one name of the main branch: the policy check's branch rules read it, and so do
 * the platform stack's ruleset and gated environments. A stack that names it too is refused.
 */
class MainBranchHomeTest {

    @Test
    void theRepositorysStackFilesLeaveTheMainBranchToThePolicyFile() throws Exception {
        assertThat(PolicyFile.load(CliRun.projectDir().resolve("policy.yaml")).mainBranch())
                .isEqualTo("main");
        for (String file : new String[] {
            "Pulumi.yaml", "Pulumi.platform.yaml", "Pulumi.staging.yaml", "Pulumi.production.yaml", "Pulumi.review.yaml"
        }) {
            assertThat(YamlStackConfig.load(CliRun.projectDir().resolve(file), Map.of())
                            .get("mainBranch"))
                    .as(file + " names no main branch of its own")
                    .isEmpty();
        }
    }

    @Test
    void thePlatformStackProtectsTheBranchThePolicyFileNames(@TempDir Path project) throws Exception {
        Files.copy(CliRun.projectDir().resolve("Pulumi.platform.yaml"), project.resolve("Pulumi.platform.yaml"));
        Files.copy(CliRun.projectDir().resolve("Pulumi.yaml"), project.resolve("Pulumi.yaml"));
        Files.writeString(project.resolve("policy.yaml"), "mainBranch: trunk\n");

        var settings = OfflinePlanner.settings(project, "platform", Optional.empty(), Map.of());
        assertThat(settings.governance().orElseThrow().mainBranch()).isEqualTo("trunk");

        var run = CliRun.of("plan", "--stack", "platform", "--project-dir", project.toString(), "--format", "json");
        assertThat(run.exitCode()).as(run.err()).isNotEqualTo(2);
        assertThat(run.out())
                .contains("\"trunk (llm-safe)\"")
                .contains("\"branchPattern\" : \"trunk\"")
                .doesNotContain("refs/heads/main\"");
    }

    @Test
    void aStackThatNamesTheMainBranchIsRefusedWithExitTwo() {
        var run = CliRun.of(
                "plan",
                "--stack",
                "platform",
                "--project-dir",
                CliRun.projectDir().toString(),
                "--set",
                "mainBranch=release");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .contains("llm-safe:mainBranch = \"release\"")
                .contains("policy.yaml's mainBranch")
                .doesNotContain("Exception");
    }

    @Test
    void withoutAPolicyFileTheMainBranchIsMain(@TempDir Path project) throws Exception {
        Files.copy(CliRun.projectDir().resolve("Pulumi.platform.yaml"), project.resolve("Pulumi.platform.yaml"));
        Files.copy(CliRun.projectDir().resolve("Pulumi.yaml"), project.resolve("Pulumi.yaml"));
        var settings = OfflinePlanner.settings(project, "platform", Optional.empty(), Map.of());
        assertThat(settings.governance().orElseThrow().mainBranch()).isEqualTo("main");
    }
}
