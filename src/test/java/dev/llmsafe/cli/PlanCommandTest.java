package dev.llmsafe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmsafe.plan.PlanJson;
import dev.llmsafe.plan.PlannedResource;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanCommandTest {
    private static final String DIR = CliRun.projectDir().toString();

    @Test
    void platformPlanListsTheExpectedResourceTypes() {
        var run = CliRun.of("plan", "--stack", "platform", "--project-dir", DIR);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains(
                        "Plan for stack platform (kind platform, offline)",
                        "llmsafe:components:StateBackend",
                        "gcp:storage/bucket:Bucket",
                        "gcp:iam/workloadIdentityPool:WorkloadIdentityPool",
                        "gcp:iam/workloadIdentityPoolProvider:WorkloadIdentityPoolProvider",
                        "gcp:serviceaccount/account:Account",
                        "gcp:secretmanager/secret:Secret",
                        "gcp:secretmanager/secretIamMember:SecretIamMember",
                        "publicAccessPrevention: enforced",
                        "Outputs:",
                        "workloadIdentityProvider:");
    }

    @Test
    void jsonParsesBackIntoThePlanModel() throws Exception {
        var run = CliRun.of("plan", "--stack", "platform", "--project-dir", DIR, "--format", "json");
        assertThat(run.exitCode()).as(run.err()).isZero();

        var plan = PlanJson.read(run.out());
        assertThat(plan.stack()).isEqualTo("platform");
        assertThat(plan.source()).isEqualTo("offline");
        assertThat(plan.resources()).extracting(PlannedResource::type).contains("gcp:storage/bucket:Bucket");
        assertThat(plan.resources()).allSatisfy(r -> assertThat(r.urn()).startsWith("urn:pulumi:platform::llm-safe::"));
        assertThat(PlanJson.write(plan)).isEqualTo(run.out().strip());
    }

    @Test
    void markdownHasATypeTable() {
        var run = CliRun.of("plan", "--stack", "platform", "--project-dir", DIR, "--format", "markdown");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .contains("### Plan for `platform`", "| `gcp:iam/workloadIdentityPool:WorkloadIdentityPool` | 1 |");
    }

    @Test
    void badConfigExitsTwoNamingTheKeyWithoutAStackTrace() {
        var run = CliRun.of(
                "plan",
                "--stack",
                "platform",
                "--project-dir",
                DIR,
                "--set",
                "repositoryId=shop",
                "--set",
                "gcpRegion=mars-north1");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .contains("llm-safe:repositoryId = \"shop\"", "llm-safe:gcpRegion = \"mars-north1\"")
                .doesNotContain("Exception", "\tat ");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void missingConfigFileExitsTwo(@TempDir Path empty) {
        var run = CliRun.of("plan", "--stack", "platform", "--project-dir", empty.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .contains(
                        "--stack platform: has no config file Pulumi.platform.yaml in " + empty,
                        "it has no Pulumi.<stack>.yaml files at all");
    }

    @Test
    void unknownFormatAndMissingStackAreUsageErrors() {
        assertThat(CliRun.of("plan", "--stack", "platform", "--format", "yaml").exitCode())
                .isEqualTo(2);
        var run = CliRun.of("plan");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--stack");
    }

    @Test
    void helpAndVersionAreTrue() {
        var help = CliRun.of("--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("plan", "Shows what a stack would create, offline.");
        assertThat(CliRun.of("plan", "--help").out())
                .contains("--stack", "--config-file", "--set", "--format", "text, json, markdown");
        assertThat(CliRun.of("--version").out()).startsWith("llmsafe ");
    }

    @Test
    void anotherConfigFileCanBeGiven(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("custom.yaml");
        Files.copy(CliRun.projectDir().resolve("Pulumi.platform.yaml"), file);
        var run = CliRun.of(
                "plan",
                "--stack",
                "platform",
                "--config-file",
                file.toString(),
                "--set",
                "appName=crm",
                "--project-dir",
                DIR);
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("crm-deploy-review@acme-shop-prod.iam.gserviceaccount.com");
    }
}
