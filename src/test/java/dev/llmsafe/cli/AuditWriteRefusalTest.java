package dev.llmsafe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmsafe.audit.FakeGcsServer;
import dev.llmsafe.audit.GcsRecordStore;
import dev.llmsafe.audit.LocalFileStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commands that write to the log (append, import-history, checkpoint) write only onto a log that exists and
 * verifies: a typo in --log, an empty bucket or a broken chain is refused with exit 2 and one sentence, and only
 * --new starts a log, and only where none is.
 */
class AuditWriteRefusalTest {
    @TempDir
    Path dir;

    private static AuditCliRun audit(String... args) {
        List<String> all = new ArrayList<>(List.of("audit"));
        all.addAll(List.of(args));
        return AuditCliRun.run(Map.of(), all.toArray(String[]::new));
    }

    private static AuditCliRun append(String where, String log, String... more) {
        List<String> args = new ArrayList<>(List.of("append", "--kind", "ai.activity", "--actor", "ada", where, log));
        args.addAll(List.of(more));
        return audit(args.toArray(String[]::new));
    }

    private Path history() throws IOException {
        return Files.writeString(
                dir.resolve("history.json"),
                "[{\"kind\":\"update\",\"startTime\":"
                        + "\"2026-05-01T10:00:00.000Z\",\"result\":\"succeeded\",\"endTime\":\"2026-05-01T10:01:00.000Z\"}]");
    }

    /** One sentence for the user: the log, the reason, the fix; never a stack trace. */
    private static void oneClearSentence(AuditCliRun run, String command, String log) {
        assertThat(run.exit()).as(run.err()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err().strip())
                .startsWith("llmsafe audit " + command + ": ")
                .contains(log)
                .doesNotContain("Exception", "\tat ", "\n");
    }

    @Test
    void aLogInAFolderThatDoesNotExistIsRefusedNotStartedAtSeqOne() {
        Path typo = dir.resolve("audti").resolve("audit.jsonl");
        AuditCliRun run = append("--log", typo.toString());
        oneClearSentence(run, "append", typo.toString());
        assertThat(run.err()).contains("the folder " + typo.getParent() + " does not exist", "--new");
        assertThat(typo.getParent()).doesNotExist();
    }

    @Test
    void aMissingOrEmptyLogFileIsRefusedUntilNewStartsIt() throws IOException {
        Path log = dir.resolve("audit.jsonl");
        AuditCliRun missing = append("--log", log.toString());
        oneClearSentence(missing, "append", log.toString());
        assertThat(missing.err()).contains("no audit log at " + log, "pass --new to start one");
        assertThat(log).doesNotExist();

        Files.writeString(log, "");
        oneClearSentence(append("--log", log.toString()), "append", log.toString());

        AuditCliRun started = append("--log", log.toString(), "--new");
        assertThat(started.exit()).as(started.err()).isZero();
        assertThat(started.out()).startsWith("1:");
        assertThat(append("--log", log.toString()).out()).startsWith("2:");

        AuditCliRun again = append("--log", log.toString(), "--new");
        oneClearSentence(again, "append", log.toString());
        assertThat(again.err()).contains("--new", "already holds 2 records", "leave out --new");
        assertThat(new LocalFileStore(log).records()).hasSize(2);
    }

    @Test
    void aBrokenChainIsNeverAppendedTo() throws IOException {
        Path log = dir.resolve("audit.jsonl");
        append("--log", log.toString(), "--new");
        append("--log", log.toString());
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        Files.writeString(log, lines.get(0).replace("\"ada\"", "\"eve\"") + "\n" + lines.get(1) + "\n");
        byte[] before = Files.readAllBytes(log);

        AuditCliRun run = append("--log", log.toString());
        oneClearSentence(run, "append", log.toString());
        assertThat(run.err())
                .contains("is broken at seq 1: hash mismatch", "nothing was appended", "llmsafe audit verify");
        AuditCliRun imported = audit(
                "import-history",
                "--stack",
                "dev",
                "--file",
                history().toString(),
                "--actor",
                "ci[bot]",
                "--log",
                log.toString());
        oneClearSentence(imported, "import-history", log.toString());
        assertThat(imported.err()).contains("hash mismatch");
        AuditCliRun started = append("--log", log.toString(), "--new");
        assertThat(started.exit()).as("--new never restarts a log that exists").isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(Files.readAllBytes(log)).isEqualTo(before);
    }

    @Test
    void importHistoryAndCheckpointStartALogOnlyWithNew() throws IOException {
        Path log = dir.resolve("audit.jsonl");
        AuditCliRun imported = audit(
                "import-history",
                "--stack",
                "dev",
                "--file",
                history().toString(),
                "--actor",
                "ci[bot]",
                "--log",
                log.toString());
        oneClearSentence(imported, "import-history", log.toString());
        AuditCliRun checkpoint = audit("checkpoint", "--actor", "ci[bot]", "--log", log.toString());
        oneClearSentence(checkpoint, "checkpoint", log.toString());
        assertThat(log).doesNotExist();

        AuditCliRun started = audit(
                "import-history",
                "--stack",
                "dev",
                "--file",
                history().toString(),
                "--actor",
                "ci[bot]",
                "--log",
                log.toString(),
                "--new");
        assertThat(started.exit()).as(started.err()).isZero();
        assertThat(audit("checkpoint", "--actor", "ci[bot]", "--log", log.toString())
                        .out())
                .startsWith("2:");
    }

    @Test
    void headSaysNoneOnlyWhereNoPublishedCheckpointShowsALogExisted() throws IOException {
        Path log = dir.resolve("audit.jsonl");
        Path checkpoints = dir.resolve("checkpoints");
        AuditCliRun none = audit("head", "--log", log.toString(), "--checkpoints", checkpoints.toString());
        assertThat(none.exit()).as(none.err()).isZero();
        assertThat(none.out().strip()).isEqualTo("none");

        append("--log", log.toString(), "--new");
        AuditCliRun checkpoint =
                audit("checkpoint", "--actor", "ci[bot]", "--log", log.toString(), "--publish", checkpoints.toString());
        assertThat(audit("head", "--log", log.toString()).out()).isEqualTo(checkpoint.out());

        Files.delete(log);
        AuditCliRun gone = audit("head", "--log", log.toString(), "--checkpoints", checkpoints.toString());
        oneClearSentence(gone, "head", log.toString());
        assertThat(gone.err())
                .contains("holds checkpoints up to " + checkpoint.out().strip(), "the log existed");
        assertThat(audit("head", "--log", log.toString()).out().strip())
                .as("without the store, nothing to hold it to")
                .isEqualTo("none");
    }

    @Test
    void aFileAndABucketOnOneCommandLineAreRefusedNotOneOfThemChosen() throws IOException {
        try (FakeGcsServer gcs = new FakeGcsServer()) {
            Path log = dir.resolve("audit.jsonl");
            AuditCliRun appended = append(
                    "--log", log.toString(), "--gcs-bucket", "acme-audit", "--gcs-endpoint", gcs.endpoint(), "--new");
            oneClearSentence(appended, "append", log.toString());
            assertThat(appended.err()).contains("--gcs-bucket acme-audit", "name two logs");
            assertThat(log).doesNotExist();
            assertThat(gcs.objects()).isEmpty();

            AuditCliRun verified = audit(
                    "verify", "--log", log.toString(), "--gcs-bucket", "acme-audit", "--gcs-endpoint", gcs.endpoint());
            oneClearSentence(verified, "verify", log.toString());
            assertThat(verified.err()).contains("name two logs");
        }
    }

    @Test
    void anEmptyBucketIsNoLogUntilNewStartsOne() throws IOException {
        try (FakeGcsServer gcs = new FakeGcsServer()) {
            String[] where = {"--gcs-endpoint", gcs.endpoint()};
            AuditCliRun refused = append("--gcs-bucket", "acme-audit", where);
            oneClearSentence(refused, "append", "gs://acme-audit/records/");
            assertThat(refused.err()).contains("holds no record", "--new");
            assertThat(gcs.objects()).isEmpty();

            assertThat(append("--gcs-bucket", "acme-audit", "--gcs-endpoint", gcs.endpoint(), "--new")
                            .out())
                    .startsWith("1:");
            assertThat(append("--gcs-bucket", "acme-audit", where).out()).startsWith("2:");
            assertThat(append("--gcs-bucket", "acme-audit", "--gcs-endpoint", gcs.endpoint(), "--new")
                            .exit())
                    .isEqualTo(ExitCodes.BAD_INPUT);

            // A record replaced in the bucket (as no writer can, while the retention holds) breaks the chain.
            String first = "acme-audit/" + GcsRecordStore.objectName(1);
            byte[] edited = new String(gcs.objects().get(first).content(), StandardCharsets.UTF_8)
                    .replace("\"ada\"", "\"eve\"")
                    .getBytes(StandardCharsets.UTF_8);
            gcs.put("acme-audit", GcsRecordStore.objectName(1), edited);
            AuditCliRun broken = append("--gcs-bucket", "acme-audit", where);
            oneClearSentence(broken, "append", "gs://acme-audit/records/");
            assertThat(broken.err()).contains("broken at seq 1: hash mismatch");
            assertThat(gcs.objects()).hasSize(2);
        }
    }
}
