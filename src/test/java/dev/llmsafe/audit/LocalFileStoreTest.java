package dev.llmsafe.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmsafe.identity.ActorKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalFileStoreTest {
    @TempDir
    Path dir;

    @Test
    void appendsLinkEachRecordToTheLastAndEndEveryLineWithANewline() throws IOException {
        Path file = dir.resolve("sub/dir/audit.jsonl");
        LocalFileStore store = new LocalFileStore(file, TestLogs.CLOCK);
        AuditRecord first = store.append(TestLogs.draft(1));
        AuditRecord second = store.append(TestLogs.draft(2));

        assertThat(first.seq()).isEqualTo(1);
        assertThat(first.prev()).isEqualTo(HashChain.GENESIS);
        assertThat(first.time()).isEqualTo("2026-05-01T12:00:00.123Z");
        assertThat(second.seq()).isEqualTo(2);
        assertThat(second.prev()).isEqualTo(first.hash());
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(text).endsWith("\n").hasLineCount(2);
        assertThat(store.records()).containsExactly(first, second);
        assertThat(store.verify(List.of()).head()).isEqualTo("2:" + second.hash());
    }

    @Test
    void anEmptyOrMissingLogIsIntactWithTheGenesisHead() throws IOException {
        VerifyResult result = new LocalFileStore(dir.resolve("none.jsonl")).verify(List.of());
        assertThat(result.intact()).isTrue();
        assertThat(result.records()).isZero();
        assertThat(result.headHash()).isEqualTo(HashChain.GENESIS);
        assertThat(result.head()).isEqualTo("0:" + HashChain.GENESIS);
    }

    @Test
    void refusesToAppendAfterATornLineAndLeavesItInPlace() throws IOException {
        Path file = TestLogs.write(dir, 3);
        String intact = Files.readString(file);
        String torn = intact + "{\"actor\":{\"kind\":\"hu";
        Files.writeString(file, torn);
        LocalFileStore store = new LocalFileStore(file, TestLogs.CLOCK);
        assertThatThrownBy(() -> store.append(TestLogs.draft(4)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("torn line")
                .hasMessageContaining("auditor-guide");
        assertThat(Files.readString(file)).isEqualTo(torn);
        assertThat(store.verify(List.of()).failure().orElseThrow().reason()).isEqualTo(BreakReason.TORN_LINE);
    }

    @Test
    void refusesToAppendAfterALastLineThatIsNoRecord() throws IOException {
        Path file = TestLogs.write(dir, 2);
        Files.writeString(file, Files.readString(file) + "garbage\n");
        assertThatThrownBy(() -> new LocalFileStore(file).append(TestLogs.draft(3)))
                .hasMessageContaining("not a valid record");
    }

    @Test
    void refusesRecordsOverTheSizeLimit() {
        var payload = AuditJson.MAPPER.createObjectNode().put("blob", "x".repeat(RecordLimits.MAX_RECORD_BYTES));
        var draft = new RecordDraft("ai.activity", Actor.of(ActorKind.HUMAN, "ada"), null, payload);
        assertThatThrownBy(() -> new LocalFileStore(dir.resolve("a.jsonl")).append(draft))
                .hasMessageContaining("at most " + RecordLimits.MAX_RECORD_BYTES);
    }

    @Test
    void threadsAppendingAtOnceLoseNothingAndDuplicateNothing() throws Exception {
        Path file = dir.resolve("audit.jsonl");
        int perWriter = 60;
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<List<Long>>> results = new ArrayList<>();
            for (int w = 0; w < 3; w++) {
                String name = "writer-" + w;
                Callable<List<Long>> job = () -> {
                    LocalFileStore store = new LocalFileStore(file); // one store each, as separate commands would
                    List<Long> seqs = new ArrayList<>();
                    for (int i = 0; i < perWriter; i++) {
                        seqs.add(store.append(new RecordDraft(
                                        "ai.activity",
                                        Actor.of(ActorKind.BOT, name),
                                        null,
                                        AuditJson.MAPPER
                                                .createObjectNode()
                                                .put("writer", name)
                                                .put("n", i)))
                                .seq());
                    }
                    return seqs;
                };
                results.add(pool.submit(job));
            }
            List<Long> all = new ArrayList<>();
            for (Future<List<Long>> r : results) {
                all.addAll(r.get(2, TimeUnit.MINUTES));
            }
            assertThat(all).doesNotHaveDuplicates().hasSize(3 * perWriter);
        } finally {
            pool.shutdownNow();
        }
        assertIntactWithEveryWritersRecordsInOrder(
                file, Map.of("writer-0", perWriter, "writer-1", perWriter, "writer-2", perWriter));
    }

    @Test
    void twoProcessesAppendingAtOnceLoseNothingAndDuplicateNothing() throws Exception {
        Path file = dir.resolve("audit.jsonl");
        int perWriter = 80;
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        AppendWorker.class.getName(),
                        file.toString(),
                        String.valueOf(perWriter),
                        "child")
                .redirectErrorStream(true)
                .start();
        AppendWorker.main(new String[] {file.toString(), String.valueOf(perWriter), "parent"});
        String childOutput = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(child.exitValue()).as(childOutput).isZero();
        assertIntactWithEveryWritersRecordsInOrder(file, Map.of("parent", perWriter, "child", perWriter));
    }

    private static void assertIntactWithEveryWritersRecordsInOrder(Path file, Map<String, Integer> expected)
            throws IOException {
        LocalFileStore store = new LocalFileStore(file);
        VerifyResult result = store.verify(List.of());
        assertThat(result.intact()).as(String.valueOf(result.failure())).isTrue();
        int total = expected.values().stream().mapToInt(Integer::intValue).sum();
        assertThat(result.records()).isEqualTo(total);
        Map<String, List<Integer>> byWriter = new HashMap<>();
        for (AuditRecord r : store.records()) {
            byWriter.computeIfAbsent(r.payload().get("writer").asText(), k -> new ArrayList<>())
                    .add(r.payload().get("n").asInt());
        }
        expected.forEach((writer, count) -> assertThat(byWriter.get(writer))
                .as(writer)
                .containsExactlyElementsOf(IntStream.range(0, count).boxed().toList()));
    }
}
