package dev.llmsafe.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The parallel verifier gives exactly the one-pass verdict, on logs spanning several batches, whether the log is
 * intact or tampered with early, across a batch boundary, or late.
 */
class ParallelChainVerifierTest {
    private static final int RECORDS = 24_000; // about 15 MB: four batches

    @TempDir
    static Path dir;

    static List<String> lines;

    @BeforeAll
    static void writeLog() throws IOException {
        Path file = dir.resolve("big.jsonl");
        AuditBenchmark.run(file, RECORDS, line -> {});
        lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(Files.size(file)).isGreaterThan(3L * ParallelChainVerifier.BATCH_BYTES);
    }

    private static VerifyResult sequential(Path file, List<Checkpoint> checkpoints) throws IOException {
        ChainVerifier verifier = new ChainVerifier(checkpoints);
        new LocalFileStore(file).read(verifier);
        return verifier.finish();
    }

    @ParameterizedTest(name = "{0} at line {1}")
    @CsvSource({
        "none, 0",
        "edit, 3",
        "edit, 1700",
        "edit, 5999",
        "delete, 1",
        "delete, 3000",
        "swap, 4500",
        "duplicate, 2100",
        "torn, 24000",
        "reorder-keys, 5000",
        "long-line, 9000",
        "crlf, 12000",
        "empty-line, 15000",
        "raw-bytes, 19999",
        "edit, 24000"
    })
    void sameVerdictAsOnePass(String tamper, int at) throws IOException {
        List<String> copy = new ArrayList<>(lines);
        boolean torn = false;
        switch (tamper) {
            case "edit" ->
                copy.set(at - 1, copy.get(at - 1).replace("pass", "PASS").replace("fail", "FAIL"));
            case "delete" -> copy.remove(at - 1);
            case "swap" -> copy.set(at, copy.set(at - 1, copy.get(at)));
            case "duplicate" -> copy.add(at, copy.get(at - 1));
            case "torn" -> torn = true;
            case "reorder-keys" -> copy.set(at - 1, copy.get(at - 1).replaceFirst("^\\{\"actor\"", "{ \"actor\""));
            case "long-line" -> copy.set(at - 1, "x".repeat(ParallelChainVerifier.BATCH_BYTES + 12_345));
            case "crlf" -> copy.set(at - 1, copy.get(at - 1) + "\r");
            case "empty-line" -> copy.add(at - 1, "");
            case "raw-bytes" ->
                copy.set(at - 1, copy.get(at - 1).replace("pass", "p\u0001ss").replace("fail", "f\u0001il"));
            default -> {}
        }
        Path file = dir.resolve(tamper + "-" + at + ".jsonl");
        String text = String.join("\n", copy) + (torn ? "" : "\n");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        List<Checkpoint> checkpoints = List.of();

        VerifyResult expected = sequential(file, checkpoints);
        VerifyResult parallel = new LocalFileStore(file).verify(checkpoints);

        assertThat(parallel).isEqualTo(expected);
        assertThat(parallel.intact()).isEqualTo(tamper.equals("none"));
        if (!tamper.equals("none")) {
            assertThat(parallel.failure().orElseThrow().seq()).isLessThanOrEqualTo(at + 1);
        }
    }

    /**
     * A record whose own hash is right but whose prev is not the record before's hash, as an insertion that re-seals
     * its record gives: a worker checks links inside a batch and the judge the first line of each, so the record is
     * put at the last line of the first batch, the first of the second, and inside a batch.
     */
    @Test
    void aRecordLinkedToTheWrongRecordIsFoundWhereverItFallsInABatch() throws IOException {
        int firstOfSecondBatch = 0; // 1-based line number
        long read = 0;
        while (read + lines.get(firstOfSecondBatch).length() + 1
                <= ParallelChainVerifier.BATCH_BYTES - LineRuns.SLACK) {
            read += lines.get(firstOfSecondBatch).length() + 1;
            firstOfSecondBatch++;
        }
        firstOfSecondBatch++;
        for (int at : new int[] {firstOfSecondBatch - 1, firstOfSecondBatch, 3}) {
            List<String> copy = new ArrayList<>(lines);
            ObjectNode body = (ObjectNode) AuditJson.MAPPER.readTree(copy.get(at - 1));
            body.remove("hash");
            body.put(
                    "prev",
                    AuditJson.MAPPER.readTree(copy.get(at - 3)).get("hash").asText());
            String canonical = CanonicalJson.canonicalize(body);
            copy.set(
                    at - 1,
                    RecordCodec.withHash(canonical, HashChain.sha256Hex(canonical.getBytes(StandardCharsets.UTF_8))));
            Path file = dir.resolve("relinked-" + at + ".jsonl");
            Files.writeString(file, String.join("\n", copy) + "\n", StandardCharsets.UTF_8);

            VerifyResult parallel = new LocalFileStore(file).verify(List.of());

            assertThat(parallel).as("line %d", at).isEqualTo(sequential(file, List.of()));
            assertThat(parallel.failure().orElseThrow().seq()).isEqualTo(at);
            assertThat(parallel.failure().orElseThrow().reason()).isEqualTo(BreakReason.BROKEN_LINK);
        }
    }

    /**
     * A line of more than {@link LineRuns#MAX_LINE} bytes in the middle of a log ends the reading there: it is
     * refused as too large, never as a torn end of the log, which the file goes on past.
     */
    @Test
    void aGiantLineInTheMiddleIsTooLargeNotATornEnd() throws IOException {
        Path file = dir.resolve("giant.jsonl");
        try (var out = Files.newOutputStream(file)) {
            for (int i = 0; i < 3; i++) {
                out.write((lines.get(i) + "\n").getBytes(StandardCharsets.UTF_8));
            }
            byte[] junk = new byte[1 << 20];
            java.util.Arrays.fill(junk, (byte) 'x');
            for (int i = 0; i < LineRuns.MAX_LINE / junk.length + 2; i++) {
                out.write(junk);
            }
            out.write(("\n" + lines.get(3) + "\n").getBytes(StandardCharsets.UTF_8));
        }

        VerifyResult parallel = new LocalFileStore(file).verify(List.of());

        assertThat(parallel).isEqualTo(sequential(file, List.of()));
        assertThat(parallel.failure().orElseThrow().seq()).isEqualTo(4);
        assertThat(parallel.failure().orElseThrow().reason()).isEqualTo(BreakReason.MALFORMED);
        assertThat(parallel.failure().orElseThrow().detail()).contains("the record is at least ", "bytes");
    }
}
