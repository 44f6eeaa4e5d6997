package dev.llmsafe.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.cloud.storage.BlobId;
import com.google.cloud.storage.BlobInfo;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageException;
import dev.llmsafe.identity.ActorKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The GCS store through the real google-cloud-storage client, against a local fake of the JSON API. */
class GcsRecordStoreTest {
    static final String BUCKET = "acme-audit";
    FakeGcsServer gcs;
    Storage storage;

    @BeforeEach
    void start() throws IOException {
        gcs = new FakeGcsServer();
        storage = gcs.storage();
    }

    @AfterEach
    void stop() {
        gcs.close();
    }

    private GcsRecordStore store() {
        return new GcsRecordStore(storage, BUCKET, TestLogs.CLOCK);
    }

    @Test
    void writesOneObjectPerRecordNamedByZeroPaddedSeq() throws IOException {
        GcsRecordStore store = store();
        AuditRecord first = store.append(TestLogs.draft(1));
        AuditRecord second = store.append(TestLogs.draft(2));

        assertThat(gcs.objects().keySet())
                .containsExactly(BUCKET + "/records/000000000001.json", BUCKET + "/records/000000000002.json");
        byte[] content =
                gcs.objects().get(BUCKET + "/records/000000000002.json").content();
        assertThat(new String(content, StandardCharsets.UTF_8)).endsWith("\n");
        assertThat(RecordCodec.parse(new String(content, StandardCharsets.UTF_8).trim()))
                .isEqualTo(second);
        assertThat(second.prev()).isEqualTo(first.hash());
        VerifyResult result = store.verify(List.of(new Checkpoint(2, second.hash())));
        assertThat(result.intact()).isTrue();
        assertThat(result.records()).isEqualTo(2);
        assertThat(store.records()).containsExactly(first, second);
    }

    @Test
    void theFakeRefusesToOverwriteAnObjectWithTheDoesNotExistPrecondition() throws IOException {
        store().append(TestLogs.draft(1));
        BlobInfo first = BlobInfo.newBuilder(BlobId.of(BUCKET, GcsRecordStore.objectName(1)))
                .build();
        assertThatThrownBy(() -> storage.create(
                        first, "forged\n".getBytes(StandardCharsets.UTF_8), Storage.BlobTargetOption.doesNotExist()))
                .isInstanceOfSatisfying(
                        StorageException.class, e -> assertThat(e.getCode()).isEqualTo(412));
        assertThat(store().verify(List.of()).intact()).isTrue();
    }

    @Test
    void aLosingAppenderReReadsTheHeadAndTakesTheNextSeq() throws IOException {
        GcsRecordStore a = store();
        GcsRecordStore b = store();
        a.append(TestLogs.draft(1));
        b.append(TestLogs.draft(2)); // b's head search must find seq 1 written by a
        a.append(TestLogs.draft(3)); // a's cached head (1) is stale: it must not overwrite seq 2
        assertThat(a.verify(List.of()).records()).isEqualTo(3);
        assertThat(a.verify(List.of()).intact()).isTrue();
    }

    @Test
    void appendersRacingFromManyThreadsProduceNoGapsDuplicatesOrLostRecords() throws Exception {
        int writers = 3;
        int perWriter = 15;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                String name = "writer-" + w;
                GcsRecordStore store = store();
                Callable<Void> job = () -> {
                    for (int i = 0; i < perWriter; i++) {
                        store.append(new RecordDraft(
                                "ai.activity",
                                Actor.of(ActorKind.BOT, name),
                                null,
                                AuditJson.MAPPER
                                        .createObjectNode()
                                        .put("writer", name)
                                        .put("n", i)));
                    }
                    return null;
                };
                futures.add(pool.submit(job));
            }
            for (Future<?> f : futures) {
                f.get(3, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        VerifyResult result = store().verify(List.of());
        assertThat(result.intact()).as(String.valueOf(result.failure())).isTrue();
        assertThat(result.records()).isEqualTo(writers * perWriter);
        Map<String, List<Integer>> byWriter = new HashMap<>();
        for (AuditRecord r : store().records()) {
            byWriter.computeIfAbsent(r.payload().get("writer").asText(), k -> new ArrayList<>())
                    .add(r.payload().get("n").asInt());
        }
        byWriter.values()
                .forEach(ns -> assertThat(ns).isSorted().doesNotHaveDuplicates().hasSize(perWriter));
        assertThat(gcs.preconditionFailures.get())
                .as("the race was real: some creates lost")
                .isPositive();
    }

    @Test
    void readsEveryPageOfALongListing() throws IOException {
        gcs.listPageSize.set(3);
        GcsRecordStore store = store();
        for (int i = 1; i <= 10; i++) {
            store.append(TestLogs.draft(i));
        }
        assertThat(store.verify(List.of()).records()).isEqualTo(10);
    }

    @Test
    void aDeletedObjectIsAGapAndAStrayObjectIsMalformed() throws IOException {
        GcsRecordStore store = store();
        for (int i = 1; i <= 5; i++) {
            store.append(TestLogs.draft(i));
        }
        gcs.remove(BUCKET, GcsRecordStore.objectName(3));
        assertThat(store.verify(List.of()).failure().orElseThrow())
                .extracting(VerifyResult.Break::seq, VerifyResult.Break::reason)
                .containsExactly(3L, BreakReason.GAP);

        gcs.put(BUCKET, GcsRecordStore.objectName(3), "x\n".getBytes(StandardCharsets.UTF_8));
        gcs.put(BUCKET, "records/notes.txt", "hello\n".getBytes(StandardCharsets.UTF_8));
        assertThat(store.verify(List.of()).failure().orElseThrow().reason()).isEqualTo(BreakReason.MALFORMED);
    }

    @Test
    void aLogWhoseObjectsAreMisnamedDoesNotVerifyForAppendWouldBreakIt() throws IOException {
        GcsRecordStore store = store();
        store.append(TestLogs.draft(1));
        store.append(TestLogs.draft(2));
        byte[] second =
                gcs.objects().get(BUCKET + "/" + GcsRecordStore.objectName(2)).content();
        gcs.remove(BUCKET, GcsRecordStore.objectName(2));
        gcs.put(BUCKET, GcsRecordStore.objectName(3), second); // seq 2 under seq 3's name: the chain itself is whole
        VerifyResult result = store().verify(List.of());
        if (result.intact()) {
            store().append(TestLogs.draft(3)); // a log that verifies must take the next record and still verify
            assertThat(store().verify(List.of()).intact()).isTrue();
        }
        assertThat(result.failure().orElseThrow().reason()).isEqualTo(BreakReason.MALFORMED);
        assertThat(result.failure().orElseThrow().detail()).contains("holds seq 2");
    }

    @Test
    void anEmptyBucketIsAnEmptyLog() throws IOException {
        assertThat(store().verify(List.of()).records()).isZero();
        assertThat(store().append(TestLogs.draft(1)).prev()).isEqualTo(HashChain.GENESIS);
    }

    @Test
    void unreachableStorageIsAnIOExceptionNamingTheBucket() throws IOException {
        GcsRecordStore store = new GcsRecordStore(gcs.storage(1), BUCKET, TestLogs.CLOCK);
        gcs.close();
        assertThatThrownBy(() -> store.verify(List.of()))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("gs://" + BUCKET);
    }
}
