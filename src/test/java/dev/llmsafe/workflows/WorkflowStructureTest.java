package dev.llmsafe.workflows;

import static dev.llmsafe.workflows.Workflows.job;
import static dev.llmsafe.workflows.Workflows.load;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmsafe.cli.CliRun;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** What the workflows promise, read from the YAML itself. */
class WorkflowStructureTest {
    private static final Pattern USES = Pattern.compile("^\\s*(?:-\\s+)?uses:\\s*(\\S+)(.*)$");
    private static final Pattern PINNED = Pattern.compile("[A-Za-z0-9_.-]+/[A-Za-z0-9_./-]+@[0-9a-f]{40}");

    /**
     * A step without {@code shell:} runs under {@code bash -e {0}} on GitHub (and act), which has no pipefail: the
     * record job's {@code audit-log.sh append ... | tee} passed with no record written, and the comment then failed
     * for want of the hash. The step tests run every step under pipefail ({@link RunnerStep}), as this declares.
     */
    @Test
    void everyWorkflowRunsItsStepsUnderPipefail() {
        for (String file : Workflows.files()) {
            assertThat(load(file).path("defaults").path("run").path("shell").asText())
                    .as(file)
                    .isEqualTo("bash");
            Workflows.load(file)
                    .path("jobs")
                    .forEach(job -> job.path("steps")
                            .forEach(step -> assertThat(step.path("shell").asText("bash"))
                                    .as(file + " " + step.path("name").asText())
                                    .isEqualTo("bash")));
        }
    }

    @Test
    void stateBucketIsEnsuredBeforePulumiLogin() {
        JsonNode preview = job("pr-env.yml", "preview");
        int bucket = Workflows.indexOfStepRunning(preview, "ensure-state-bucket.sh");
        int login = Workflows.indexOfStepRunning(preview, "pulumi login");
        assertThat(bucket).isNotNegative();
        assertThat(login).isGreaterThan(bucket);
    }

    @Test
    void policyCheckRunsOnThePreviewBeforeAnythingIsDeployed() {
        JsonNode preview = job("pr-env.yml", "preview");
        int previewStep = Workflows.indexOfStepRunning(preview, "pulumi preview");
        int policy = Workflows.indexOfStepRunning(preview, "policy check --plan");
        int up = Workflows.indexOfStepRunning(preview, "pulumi up");
        assertThat(previewStep).isNotNegative().isLessThan(policy);
        assertThat(policy).isLessThan(up);
    }

    @Test
    void everyDeployJobRunsInItsEnvironment() {
        assertThat(job("pr-env.yml", "preview").path("environment").asText()).isEqualTo("review");
        assertThat(job("pr-env.yml", "destroy").path("environment").asText()).isEqualTo("review");
        assertThat(job("reaper.yml", "reap").path("environment").asText()).isEqualTo("review");
        assertThat(job("promote.yml", "staging").path("environment").asText()).isEqualTo("staging");
        assertThat(job("promote.yml", "production-approval").path("environment").asText())
                .isEqualTo("production-approval");
        assertThat(job("promote.yml", "production").path("environment").asText())
                .isEqualTo("production");
    }

    @Test
    void productionNeedsStagingAndTheFirstApprovalAndTwoHumans() {
        assertThat(job("promote.yml", "staging").path("needs").asText()).isEqualTo("build");
        assertThat(job("promote.yml", "production-approval").path("needs").asText())
                .isEqualTo("staging");
        List<String> needs = new ArrayList<>();
        job("promote.yml", "production").path("needs").forEach(n -> needs.add(n.asText()));
        assertThat(needs).containsExactlyInAnyOrder("staging", "production-approval");

        JsonNode production = job("promote.yml", "production");
        int gate = Workflows.indexOfStepRunning(production, "gate approvals");
        assertThat(production.path("steps").get(gate).path("run").asText())
                .contains("--environments production-approval,production", "--min-humans 2");
        assertThat(gate).isLessThan(Workflows.indexOfStepRunning(production, "promote-stack.sh"));
        JsonNode staging = job("promote.yml", "staging");
        assertThat(staging.path("steps")
                        .get(Workflows.indexOfStepRunning(staging, "gate approvals"))
                        .path("run")
                        .asText())
                .contains("--min-humans 1");
    }

    @Test
    void workflowPermissionsAreReadOnlyAndIdTokenOnlyWhereCiAuthenticates() {
        for (String file : Workflows.files()) {
            assertThat(load(file).path("permissions").toString()).as(file).isEqualTo("{\"contents\":\"read\"}");
            load(file).path("jobs").fields().forEachRemaining(e -> {
                boolean authenticates = e.getValue().path("steps").toString().contains("google-github-actions/auth@");
                boolean idToken = "write"
                        .equals(e.getValue()
                                .path("permissions")
                                .path("id-token")
                                .asText());
                assertThat(idToken)
                        .as(file + " job " + e.getKey() + " id-token")
                        .isEqualTo(authenticates);
            });
        }
        // The deploy job cannot comment: the record job, which runs no PR code either, writes the evidence.
        assertThat(job("pr-env.yml", "preview").path("permissions").toString())
                .isEqualTo("{\"contents\":\"read\",\"id-token\":\"write\"}");
    }

    @Test
    void forksGetNoPreviewAndNoCredentials() {
        String guard = "github.event.pull_request.head.repo.full_name == github.repository";
        assertThat(job("pr-env.yml", "preview").path("if").asText()).contains(guard);
        assertThat(job("pr-env.yml", "destroy").path("if").asText()).contains(guard);
        JsonNode notice = job("fork-notice.yml", "notice");
        assertThat(notice.path("if").asText()).contains("!= github.repository");
        assertThat(notice.toString()).doesNotContain("actions/checkout", "id-token");
    }

    @Test
    void deploysAndDestroysOfAPullRequestQueueInOneGroupAndAreNeverCancelled() {
        JsonNode deploy = job("pr-env.yml", "preview").path("concurrency");
        JsonNode destroy = job("pr-env.yml", "destroy").path("concurrency");
        assertThat(deploy.path("cancel-in-progress").asBoolean(true)).isFalse();
        assertThat(destroy.path("cancel-in-progress").asBoolean(true)).isFalse();
        assertThat(deploy.path("group").asText())
                .contains("github.event.pull_request.number")
                .isEqualTo(destroy.path("group").asText());
        assertThat(load("pr-env.yml")
                        .path("on")
                        .path("pull_request")
                        .path("types")
                        .toString())
                .contains("opened", "synchronize", "reopened", "labeled", "closed");
    }

    @Test
    void everyThirdPartyActionIsPinnedToACommitWithItsVersion() throws Exception {
        for (String file : Workflows.files()) {
            for (String line : Files.readAllLines(Workflows.dir().resolve(file))) {
                var m = USES.matcher(line);
                if (m.matches() && !m.group(1).startsWith("./")) {
                    assertThat(m.group(1)).as(file + ": " + line).matches(PINNED);
                    assertThat(m.group(2)).as(file + ": version comment").matches("\\s+# v[0-9][0-9.]*.*");
                }
            }
        }
    }

    @Test
    void untrustedEventTextNeverReachesAShellDirectly() {
        for (String file : Workflows.files()) {
            load(file)
                    .path("jobs")
                    .fields()
                    .forEachRemaining(e -> e.getValue()
                            .path("steps")
                            .forEach(step -> assertThat(step.path("run").asText())
                                    .as(file + " " + e.getKey())
                                    .doesNotContain("${{")));
        }
    }

    @Test
    void workflowsReadOnlyTheVariablesThePlatformSets() throws Exception {
        var platformSets = Set.of(
                "GCP_WORKLOAD_IDENTITY_PROVIDER",
                "GCP_SERVICE_ACCOUNT",
                "GCP_PROJECT",
                "GCP_REGION",
                "PULUMI_STATE_BUCKET",
                "PULUMI_SECRETS_PROVIDER",
                "AUDIT_BUCKET",
                "AUDIT_CHECKPOINT_BUCKET");
        var used = new TreeSet<String>();
        for (String file : Workflows.files()) {
            Pattern.compile("vars\\.([A-Z_]+)")
                    .matcher(Files.readString(Workflows.dir().resolve(file)))
                    .results()
                    .forEach(m -> used.add(m.group(1)));
        }
        // PlatformGovernanceTest proves the platform stack sets each of these in every deploying environment.
        assertThat(platformSets).containsAll(used);
    }

    @Test
    void productionAndTheReaperCheckpointTheAuditLogEvenOnFailure() {
        for (JsonNode job : List.of(job("promote.yml", "production"), job("reaper.yml", "reap"))) {
            int checkpoint = Workflows.indexOfStepRunning(job, "audit-log.sh checkpoint");
            assertThat(checkpoint).isNotNegative();
            assertThat(job.path("steps").get(checkpoint).path("if").asText()).isEqualTo("always()");
            assertThat(checkpoint).isGreaterThan(Workflows.indexOfStepRunning(job, "audit-log.sh append"));
            JsonNode step = job.path("steps").get(checkpoint);
            assertThat(step.path("run").asText())
                    .as("published where the log's writers cannot rewrite it")
                    .contains("audit-log.sh checkpoint --publish \"$AUDIT_CHECKPOINTS\"");
            assertThat(job.path("env").path("AUDIT_CHECKPOINTS").asText())
                    .isEqualTo("gs://${{ vars.AUDIT_CHECKPOINT_BUCKET }}");
        }
    }

    @Test
    void deployJobsNeverRunOnPullRequestTarget() {
        for (String file : Workflows.files()) {
            boolean prTarget = load(file).path("on").has("pull_request_target");
            if (prTarget) {
                assertThat(load(file).toString())
                        .as(file)
                        .doesNotContain("pulumi", "google-github-actions/auth", "actions/checkout");
            }
        }
    }

    @Test
    void everyWorkflowRunsTheCliTheEngineTestsBuild() throws Exception {
        String goMod = Files.readString(CliRun.projectDir().resolve(".ci/engine/go.mod"));
        Matcher pin = Pattern.compile("(?m)^\\s*github\\.com/pulumi/pulumi/pkg/v3 v(\\S+)( // indirect)?$")
                .matcher(goMod);
        assertThat(pin.find()).as(".ci/engine/go.mod requires the CLI module").isTrue();
        for (String file : Workflows.files()) {
            JsonNode env = load(file).path("env");
            if (load(file).toString().contains("pulumi/actions")) {
                assertThat(env.path("PULUMI_VERSION").asText()).as(file).isEqualTo(pin.group(1));
                assertThat(env.path("PULUMI_FALLBACK_TO_STATE_SECRETS_MANAGER").asText())
                        .as(file)
                        .isEqualTo("true");
            }
        }
    }
}
