package dev.llmsafe.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmsafe.audit.FakeGcsServer;
import dev.llmsafe.audit.GcsRecordStore;
import dev.llmsafe.audit.RecordCodec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The workflows' audit steps, run as a runner runs them with the program under test, against a storage emulator
 * holding the audit and checkpoint buckets: a repository's very first record starts the log, every later one
 * appends to it after verifying, and an empty log bucket beside published checkpoints (a wrong AUDIT_BUCKET, lost
 * records) or a broken chain fails the step without writing anything. Every audit write of every workflow goes
 * through that one script.
 */
class AuditLogStepsTest {
    private static final String LOG = "acme-audit";
    private static final String CHECKPOINTS = "acme-audit-checkpoints";
    private static final Pattern DIRECT_WRITE =
            Pattern.compile("llm-safe\\.jar audit (append|checkpoint|import-history)");

    @TempDir
    Path dir;

    private Path workspace;
    private FakeGcsServer gcs;

    @BeforeEach
    void checkout() throws IOException {
        workspace = Files.createDirectories(dir.resolve("workspace"));
        CliJar.write(workspace);
        Workflows.checkOutScripts(workspace);
        gcs = new FakeGcsServer();
    }

    @AfterEach
    void stop() {
        gcs.close();
    }

    private RunnerStep.Result run(String file, String job, String step, String logBucket) throws Exception {
        return RunnerStep.of(file, job, step)
                .var("AUDIT_BUCKET", logBucket)
                .var("AUDIT_CHECKPOINT_BUCKET", CHECKPOINTS)
                .machine("STORAGE_EMULATOR_HOST", gcs.endpoint())
                .run(workspace);
    }

    private List<String> objects(String bucket) {
        return gcs.objects().keySet().stream()
                .filter(k -> k.startsWith(bucket + "/"))
                .toList();
    }

    private JsonNode record(long seq) throws IOException {
        byte[] line =
                gcs.objects().get(LOG + "/" + GcsRecordStore.objectName(seq)).content();
        return dev.llmsafe.audit.AuditJson.MAPPER.valueToTree(
                RecordCodec.parse(new String(line, StandardCharsets.UTF_8).strip()));
    }

    @Test
    void theFirstRecordOfARepositoryStartsTheLogAndEveryLaterOneAppends() throws Exception {
        var first = run("promote.yml", "staging", "Record the promotion in the audit log", LOG);
        assertThat(first.exit()).as(first.output()).isZero();
        assertThat(first.output())
                .contains(
                        "none yet and no checkpoint published, so this append starts it",
                        "starting a new audit log at gs://" + LOG + "/records/");
        assertThat(record(1).path("kind").asText()).isEqualTo("promotion");

        var second = run("promote.yml", "production", "Record the promotion in the audit log", LOG);
        assertThat(second.exit()).as(second.output()).isZero();
        assertThat(second.output()).doesNotContain("starts it").startsWith("2:");
        var checkpoint =
                run("promote.yml", "production", "Checkpoint the audit log (head printed to the job summary)", LOG);
        assertThat(checkpoint.exit()).as(checkpoint.output()).isZero();
        assertThat(objects(CHECKPOINTS)).containsExactly(CHECKPOINTS + "/checkpoints/000000000003.checkpoint");

        var preview = RunnerStep.of("pr-env.yml", "record", "Record the deployment in the audit log")
                .var("AUDIT_BUCKET", LOG)
                .var("AUDIT_CHECKPOINT_BUCKET", CHECKPOINTS)
                .machine("STORAGE_EMULATOR_HOST", gcs.endpoint())
                .needs("image", "success")
                .needs("preview", "success")
                .needs("checks", "failure")
                .run(workspace);
        assertThat(preview.exit()).as(preview.output()).isZero();
        String outputs = Files.readString(RunnerStep.runnerTemp(workspace).resolve("output"));
        assertThat(outputs).as("the evidence comment's audit hash").matches("hash=4:[0-9a-f]{64}\\n");
        assertThat(record(4).path("payload").toString()).contains("\"outcome\":\"success\"", "\"checks\":\"failure\"");
    }

    @Test
    void anEmptyLogBucketBesidePublishedCheckpointsIsNeverStartedAgain() throws Exception {
        assertThat(run("promote.yml", "staging", "Record the promotion in the audit log", LOG)
                        .exit())
                .isZero();
        assertThat(run("reaper.yml", "reap", "Checkpoint the audit log (head printed to the job summary)", LOG)
                        .exit())
                .isZero();

        // AUDIT_BUCKET naming another, empty bucket looks just like a first run, but for the checkpoints.
        var wrongBucket = run("pr-env.yml", "destroy", "Record the destroy in the audit log", "acme-audit-2");
        assertThat(wrongBucket.exit()).as(wrongBucket.output()).isEqualTo(2);
        assertThat(wrongBucket.output())
                .contains(
                        "no audit log at gs://acme-audit-2/records/", "holds checkpoints up to 2:", "the log existed");
        var checkpoint =
                run("reaper.yml", "reap", "Checkpoint the audit log (head printed to the job summary)", "acme-audit-2");
        assertThat(checkpoint.exit()).isEqualTo(2);
        assertThat(objects("acme-audit-2")).isEmpty();
        assertThat(objects(CHECKPOINTS)).hasSize(1);
    }

    @Test
    void aBrokenChainFailsTheStepAndNothingIsAppended() throws Exception {
        assertThat(run("promote.yml", "staging", "Record the promotion in the audit log", LOG)
                        .exit())
                .isZero();
        assertThat(run("promote.yml", "production", "Record the promotion in the audit log", LOG)
                        .exit())
                .isZero();
        String name = GcsRecordStore.objectName(1);
        String edited = new String(gcs.objects().get(LOG + "/" + name).content(), StandardCharsets.UTF_8)
                .replace("\"staging\"", "\"stagin9\"");
        gcs.put(LOG, name, edited.getBytes(StandardCharsets.UTF_8));

        var append = run("pr-env.yml", "destroy", "Record the destroy in the audit log", LOG);
        assertThat(append.exit()).as(append.output()).isEqualTo(2);
        assertThat(append.output())
                .contains(
                        "the audit log at gs://" + LOG + "/records/ is broken at seq 1: hash " + "mismatch",
                        "nothing was appended")
                .doesNotContain("starts it");
        assertThat(objects(LOG)).hasSize(2);
    }

    @Test
    void everyAuditWriteOfEveryWorkflowGoesThroughTheScriptWithBothBuckets() throws IOException {
        int writes = 0;
        for (String file : Workflows.files()) {
            assertThat(DIRECT_WRITE
                            .matcher(Files.readString(Workflows.dir().resolve(file)))
                            .find())
                    .as("%s writes to the audit log without .github/scripts/audit-log.sh", file)
                    .isFalse();
            for (var job : (Iterable<Map.Entry<String, JsonNode>>)
                    () -> Workflows.load(file).path("jobs").fields()) {
                for (JsonNode step : job.getValue().path("steps")) {
                    if (step.path("run").asText().contains(".github/scripts/audit-log.sh ")) {
                        writes++;
                        JsonNode env = job.getValue().path("env");
                        assertThat(env.path("LLMSAFE_AUDIT_BUCKET").asText())
                                .as(file + " " + job.getKey())
                                .isEqualTo("${{ vars.AUDIT_BUCKET }}");
                        assertThat(env.path("AUDIT_CHECKPOINTS").asText())
                                .as(file + " " + job.getKey())
                                .isEqualTo("gs://${{ vars.AUDIT_CHECKPOINT_BUCKET }}");
                    }
                }
            }
        }
        assertThat(writes)
                .as("deploy and destroy records, promotions, reaper destroys, checkpoints")
                .isEqualTo(7);
    }
}
