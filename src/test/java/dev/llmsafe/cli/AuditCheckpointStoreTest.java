package dev.llmsafe.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmsafe.audit.AuditRecord;
import dev.llmsafe.audit.Checkpoint;
import dev.llmsafe.audit.LocalCheckpointStore;
import dev.llmsafe.audit.LocalFileStore;
import dev.llmsafe.audit.RecordCodec;
import dev.llmsafe.audit.RecordDraft;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checkpoints published apart from the log: a writer who edits a record and recomputes every later hash leaves
 * a chain that verifies on its own, and is caught only against a checkpoint it could not rewrite.
 */
class AuditCheckpointStoreTest {
    @TempDir
    Path dir;

    Path log;
    Path store;

    @BeforeEach
    void paths() {
        log = dir.resolve("audit.jsonl");
        store = dir.resolve("checkpoints");
    }

    private AuditCliRun audit(String... args) {
        List<String> all = new ArrayList<>(List.of("audit"));
        all.addAll(List.of(args));
        all.addAll(List.of("--log", log.toString()));
        return AuditCliRun.run(Map.of(), all.toArray(String[]::new));
    }

    private void append(int n) {
        for (int i = 0; i < n; i++) {
            List<String> args = new ArrayList<>(List.of(
                    "append", "--kind", "ai.activity", "--actor", "ada", "--payload-json", "{\"step\":" + i + "}"));
            if (!Files.exists(log)) {
                args.add("--new"); // the first record starts the log
            }
            assertThat(audit(args.toArray(String[]::new)).exit()).isZero();
        }
    }

    /** Edits record 2 and re-seals every record after it, as a writer with the file in hand can. */
    private void rewriteFromSeq2() throws IOException {
        List<AuditRecord> records = new LocalFileStore(log).records();
        List<String> lines = new ArrayList<>(Files.readAllLines(log, StandardCharsets.UTF_8));
        String prev = records.get(0).hash();
        for (int i = 1; i < records.size(); i++) {
            AuditRecord r = records.get(i);
            var payload = i == 1 ? r.payload().deepCopy().put("step", 99) : r.payload();
            var sealed = RecordCodec.seal(
                    new RecordDraft(r.kind(), r.actor(), r.subject(), payload), r.seq(), prev, Instant.parse(r.time()));
            lines.set(i, new String(sealed.line(), StandardCharsets.UTF_8));
            prev = sealed.record().hash();
        }
        Files.writeString(log, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    }

    @Test
    void aLogRewrittenWithRecomputedHashesFailsOnlyAgainstThePublishedCheckpoints() throws IOException {
        append(3);
        AuditCliRun first = audit("checkpoint", "--actor", "ci-bot[bot]", "--publish", store.toString());
        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(first.out().trim()).startsWith("4:");
        append(2);
        assertThat(audit("checkpoint", "--actor", "ci-bot[bot]", "--publish", store.toString())
                        .exit())
                .isZero();
        assertThat(new LocalCheckpointStore(store).list())
                .extracting(Checkpoint::seq)
                .containsExactly(4L, 7L);
        assertThat(audit("verify", "--checkpoints", store.toString()).out())
                .contains("intact: 7 records")
                .contains("2 checkpoint(s) matched (2 from " + store.toAbsolutePath());

        rewriteFromSeq2();
        AuditCliRun alone = audit("verify");
        assertThat(alone.exit())
                .as("a consistently recomputed chain verifies on its own")
                .isZero();
        AuditCliRun against = audit("verify", "--checkpoints", store.toString());
        assertThat(against.exit()).isEqualTo(ExitCodes.FAILED);
        assertThat(against.out()).contains("BROKEN at seq 4: checkpoint mismatch");

        long size = Files.size(log);
        AuditCliRun refused = audit("checkpoint", "--actor", "ci-bot[bot]", "--publish", store.toString());
        assertThat(refused.exit()).isEqualTo(ExitCodes.FAILED);
        assertThat(refused.out()).contains("no checkpoint recorded or published");
        assertThat(Files.size(log)).as("nothing appended").isEqualTo(size);
        assertThat(new LocalCheckpointStore(store).list()).hasSize(2);
    }

    @Test
    void aLogCutBeforeAPublishedCheckpointFails() throws IOException {
        append(2);
        assertThat(audit("checkpoint", "--actor", "ci-bot[bot]", "--publish", store.toString())
                        .exit())
                .isZero();
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        Files.writeString(log, String.join("\n", lines.subList(0, 2)) + "\n", StandardCharsets.UTF_8);
        assertThat(audit("verify").exit()).isZero();
        assertThat(audit("verify", "--checkpoints", store.toString()).out())
                .contains("tail shorter than the checkpoint");
    }

    @Test
    void aPublishedCheckpointIsNeverReplaced() throws IOException {
        LocalCheckpointStore checkpoints = new LocalCheckpointStore(store);
        Checkpoint c = new Checkpoint(3, "ab".repeat(32));
        checkpoints.publish(c);
        checkpoints.publish(c);
        assertThatThrownBy(() -> checkpoints.publish(new Checkpoint(3, "cd".repeat(32))))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("already holds checkpoint 3:abab");
        assertThat(checkpoints.list()).containsExactly(c);
    }

    @Test
    void aStoreThatCannotBeJudgedIsBadInput() throws IOException {
        append(1);
        AuditCliRun empty = audit("verify", "--checkpoints", store.toString());
        assertThat(empty.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(empty.err()).contains("holds no checkpoint");

        Files.createDirectories(store);
        Files.writeString(store.resolve("notes.txt"), "hello\n");
        AuditCliRun junk = audit("verify", "--checkpoints", store.toString());
        assertThat(junk.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(junk.err()).contains("notes.txt", "not a checkpoint");

        Files.delete(store.resolve("notes.txt"));
        Files.writeString(store.resolve("000000000002.checkpoint"), "3:" + "ab".repeat(32) + "\n");
        assertThat(audit("verify", "--checkpoints", store.toString()).err()).contains("for another seq");

        AuditCliRun bucket = audit("verify", "--checkpoints", "gs://Not_A_Bucket");
        assertThat(bucket.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(bucket.err()).contains("gs://Not_A_Bucket", "does not name a bucket");
    }

    @Test
    void verifyClassifiesActorsWithThePolicysAiIdentities() throws IOException {
        assertThat(audit("append", "--new", "--kind", "approval", "--actor", "code-agent", "--actor-kind", "human")
                        .exit())
                .isZero();
        assertThat(audit("verify").exit()).isZero();
        Path policy = dir.resolve("policy.yaml");
        Files.writeString(policy, "aiIdentities: [code-agent]\n");
        AuditCliRun run = audit("verify", "--policy", policy.toString());
        assertThat(run.exit()).isEqualTo(ExitCodes.FAILED);
        assertThat(run.out()).contains("BROKEN at seq 1: invalid value", "code-agent is recorded as human");
        assertThat(audit("verify", "--ai-identities", "code-agent").exit()).isEqualTo(ExitCodes.FAILED);
    }
}
