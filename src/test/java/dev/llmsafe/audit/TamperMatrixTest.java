package dev.llmsafe.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every way of tampering with a log is detected, at the right seq, with the right reason. */
class TamperMatrixTest {
    @TempDir
    Path dir;

    Path file;
    List<String> lines;

    @BeforeEach
    void writeLog() throws IOException {
        file = TestLogs.write(dir, 10);
        lines = TestLogs.lines(file);
    }

    private VerifyResult.Break broken(Checkpoint... checkpoints) throws IOException {
        VerifyResult result = TestLogs.verify(TestLogs.rewrite(file, lines), checkpoints);
        assertThat(result.intact()).as("tampered log must not verify").isFalse();
        return result.failure().orElseThrow();
    }

    private String hashOf(int seq) throws IOException {
        return RecordCodec.parse(lines.get(seq - 1)).hash();
    }

    @Test
    void untouchedLogIsIntactWithItsHead() throws IOException {
        VerifyResult result = TestLogs.verify(file, new Checkpoint(10, hashOf(10)), new Checkpoint(3, hashOf(3)));
        assertThat(result.intact()).isTrue();
        assertThat(result.records()).isEqualTo(10);
        assertThat(result.headHash()).isEqualTo(hashOf(10));
        assertThat(result.bytes()).isEqualTo(Files.size(file));
    }

    @Test
    void editingOneByteIsAHashMismatch() throws IOException {
        lines.set(3, lines.get(3).replace("note-4", "note-5"));
        assertThat(broken())
                .extracting(VerifyResult.Break::seq, VerifyResult.Break::reason)
                .containsExactly(4L, BreakReason.HASH_MISMATCH);
    }

    @Test
    void deletingARecordIsAGap() throws IOException {
        lines.remove(4);
        var b = broken();
        assertThat(b.seq()).isEqualTo(5);
        assertThat(b.reason()).isEqualTo(BreakReason.GAP);
        assertThat(b.detail()).contains("seq 5 is missing");
    }

    @Test
    void insertingAForgedRecordIsADuplicateSeq() throws IOException {
        var forged = RecordCodec.seal(TestLogs.draft(99), 6, hashOf(5), TestLogs.CLOCK.instant());
        lines.add(5, new String(forged.line(), StandardCharsets.UTF_8));
        var b = broken();
        assertThat(b.seq()).isEqualTo(6);
        assertThat(b.reason()).isEqualTo(BreakReason.DUPLICATE);
        assertThat(b.detail()).contains("different content");
    }

    @Test
    void swappingTwoRecordsIsOutOfOrder() throws IOException {
        String third = lines.get(2);
        lines.set(2, lines.get(3));
        lines.set(3, third);
        assertThat(broken())
                .extracting(VerifyResult.Break::seq, VerifyResult.Break::reason)
                .containsExactly(3L, BreakReason.OUT_OF_ORDER);
    }

    @Test
    void repeatingARecordIsADuplicate() throws IOException {
        lines.add(6, lines.get(5));
        var b = broken();
        assertThat(b.seq()).isEqualTo(6);
        assertThat(b.reason()).isEqualTo(BreakReason.DUPLICATE);
        assertThat(b.detail()).contains("a copy");
    }

    @Test
    void truncatingTheTailIsCaughtByAnEarlierCheckpoint() throws IOException {
        Checkpoint atTen = new Checkpoint(10, hashOf(10));
        lines.subList(8, 10).clear();
        assertThat(TestLogs.verify(TestLogs.rewrite(file, lines)).intact())
                .as("without a checkpoint a shorter log is indistinguishable from a younger one")
                .isTrue();
        var b = broken(atTen);
        assertThat(b.seq()).isEqualTo(9);
        assertThat(b.reason()).isEqualTo(BreakReason.TRUNCATED);
        assertThat(b.reason().phrase()).isEqualTo("tail shorter than the checkpoint");
    }

    @Test
    void rewritingARecordAndItsHashBreaksTheNextLink() throws IOException {
        AuditRecord seven = RecordCodec.parse(lines.get(6));
        ObjectNode payload = seven.payload().deepCopy();
        payload.put("note", "nothing to see");
        var rewritten = RecordCodec.seal(
                new RecordDraft(seven.kind(), seven.actor(), seven.subject(), payload),
                7,
                seven.prev(),
                TestLogs.CLOCK.instant());
        lines.set(6, new String(rewritten.line(), StandardCharsets.UTF_8));
        assertThat(broken())
                .extracting(VerifyResult.Break::seq, VerifyResult.Break::reason)
                .containsExactly(8L, BreakReason.BROKEN_LINK);
    }

    @Test
    void reSerialisingARecordIsNonCanonicalEvenWithItsContentIntact() throws IOException {
        var tree = AuditJson.MAPPER.readTree(lines.get(1));
        lines.set(
                1,
                AuditJson.MAPPER
                        .writerWithDefaultPrettyPrinter()
                        .writeValueAsString(tree)
                        .replace("\n", ""));
        var b = broken();
        assertThat(b.seq()).isEqualTo(2);
        assertThat(b.reason()).isEqualTo(BreakReason.NON_CANONICAL);
        assertThat(b.detail()).contains("re-serialised, not edited");
    }

    @Test
    void reorderingKeysIsNonCanonical() throws IOException {
        String line = lines.get(4);
        var tree = (ObjectNode) AuditJson.MAPPER.readTree(line);
        ObjectNode reordered = AuditJson.MAPPER.createObjectNode();
        reordered.set("seq", tree.get("seq"));
        tree.fields().forEachRemaining(e -> reordered.set(e.getKey(), e.getValue()));
        lines.set(4, AuditJson.MAPPER.writeValueAsString(reordered));
        assertThat(broken())
                .extracting(VerifyResult.Break::seq, VerifyResult.Break::reason)
                .containsExactly(5L, BreakReason.NON_CANONICAL);
    }

    @Test
    void aTornLastLineIsReportedAsSuchAndLeftInPlace() throws IOException {
        String all = String.join("\n", lines) + "\n";
        String torn = all.substring(0, all.length() - 30);
        Files.writeString(file, torn, StandardCharsets.UTF_8);
        VerifyResult result = TestLogs.verify(file);
        assertThat(result.failure().orElseThrow())
                .extracting(VerifyResult.Break::seq, VerifyResult.Break::reason)
                .containsExactly(10L, BreakReason.TORN_LINE);
        assertThat(result.records()).isEqualTo(9);
        assertThat(Files.readString(file)).as("verify never repairs").isEqualTo(torn);
    }

    @Test
    void aRewrittenTailWithAConsistentChainFailsTheCheckpoint() throws IOException {
        Checkpoint atTen = new Checkpoint(10, hashOf(10));
        String prev = hashOf(7);
        for (int seq = 8; seq <= 10; seq++) {
            var forged = RecordCodec.seal(TestLogs.draft(100 + seq), seq, prev, TestLogs.CLOCK.instant());
            lines.set(seq - 1, new String(forged.line(), StandardCharsets.UTF_8));
            prev = forged.record().hash();
        }
        assertThat(TestLogs.verify(TestLogs.rewrite(file, lines)).intact()).isTrue();
        assertThat(broken(atTen))
                .extracting(VerifyResult.Break::seq, VerifyResult.Break::reason)
                .containsExactly(10L, BreakReason.CHECKPOINT_MISMATCH);
    }

    @Test
    void aFirstRecordNotLinkedToGenesisIsABrokenLink() throws IOException {
        var orphan = RecordCodec.seal(TestLogs.draft(1), 1, "1".repeat(64), TestLogs.CLOCK.instant());
        lines.set(0, new String(orphan.line(), StandardCharsets.UTF_8));
        var b = broken();
        assertThat(b.reason()).isEqualTo(BreakReason.BROKEN_LINK);
        assertThat(b.detail()).contains("genesis");
    }

    @Test
    void aLineThatIsNotJsonIsMalformedAndAnExtraFieldIsToo() throws IOException {
        lines.set(2, "{not json");
        assertThat(broken().reason()).isEqualTo(BreakReason.MALFORMED);
        lines = TestLogs.lines(TestLogs.write(dir.resolve("b"), 3));
        file = dir.resolve("b/audit.jsonl");
        var tree = (ObjectNode) AuditJson.MAPPER.readTree(lines.get(1));
        tree.put("extra", 1);
        lines.set(1, CanonicalJson.canonicalize(tree));
        assertThat(broken())
                .extracting(VerifyResult.Break::seq, VerifyResult.Break::reason)
                .containsExactly(2L, BreakReason.MALFORMED);
    }
}
