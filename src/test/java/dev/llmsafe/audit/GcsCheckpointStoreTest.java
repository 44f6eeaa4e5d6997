package dev.llmsafe.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The checkpoint bucket through the real google-cloud-storage client, against a local fake of the JSON API. */
class GcsCheckpointStoreTest {
    static final String BUCKET = "acme-audit-checkpoints";
    FakeGcsServer gcs;

    @BeforeEach
    void start() throws IOException {
        gcs = new FakeGcsServer();
    }

    @AfterEach
    void stop() {
        gcs.close();
    }

    @Test
    void checkpointsAreCreatedOnceAndListedInSeqOrder() throws IOException {
        GcsCheckpointStore store = new GcsCheckpointStore(gcs.storage(), BUCKET);
        Checkpoint ten = new Checkpoint(10, "ab".repeat(32));
        Checkpoint two = new Checkpoint(2, "cd".repeat(32));
        store.publish(ten);
        store.publish(two);
        store.publish(ten);
        assertThat(gcs.objects().keySet())
                .containsExactly(
                        BUCKET + "/checkpoints/000000000002.checkpoint",
                        BUCKET + "/checkpoints/000000000010.checkpoint");
        assertThat(new String(
                        gcs.objects()
                                .get(BUCKET + "/checkpoints/000000000010.checkpoint")
                                .content(),
                        StandardCharsets.US_ASCII))
                .isEqualTo(ten + "\n");
        assertThat(store.list()).containsExactly(two, ten);

        assertThatThrownBy(() -> store.publish(new Checkpoint(10, "ef".repeat(32))))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("gs://" + BUCKET + "/checkpoints/ already holds checkpoint " + ten);
        assertThat(store.list()).as("the precondition kept the first").containsExactly(two, ten);
    }

    @Test
    void aLogVerifiesAgainstTheBucketsCheckpoints() throws IOException {
        GcsRecordStore log = new GcsRecordStore(gcs.storage(), "acme-audit", TestLogs.CLOCK);
        AuditRecord first = log.append(TestLogs.draft(1));
        log.append(TestLogs.draft(2));
        GcsCheckpointStore store = new GcsCheckpointStore(gcs.storage(), BUCKET);
        store.publish(new Checkpoint(1, first.hash()));
        store.publish(new Checkpoint(3, "ab".repeat(32)));
        VerifyResult result = log.verify(store.list());
        assertThat(result.failure().orElseThrow().reason()).isEqualTo(BreakReason.TRUNCATED);
    }

    @Test
    void anObjectThatIsNoCheckpointIsAnError() {
        gcs.put(BUCKET, "checkpoints/000000000004.checkpoint", "oops\n".getBytes(StandardCharsets.US_ASCII));
        assertThatThrownBy(() -> new GcsCheckpointStore(gcs.storage(), BUCKET).list())
                .isInstanceOf(IOException.class)
                .hasMessageContaining("000000000004.checkpoint, which does not read as SEQ:HASH");
        gcs.put(
                BUCKET,
                "checkpoints/000000000004.checkpoint",
                ("5:" + "ab".repeat(32)).getBytes(StandardCharsets.US_ASCII));
        assertThatThrownBy(() -> new GcsCheckpointStore(gcs.storage(), BUCKET).list())
                .hasMessageContaining("another seq");
    }
}
