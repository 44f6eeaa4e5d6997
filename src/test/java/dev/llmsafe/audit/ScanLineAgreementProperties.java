package dev.llmsafe.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * {@link CanonicalScanner#scanLine}, which finds a record's line end by scanning into the rest of a batch, accepts
 * exactly the lines that {@link CanonicalScanner#scan} of the line alone accepts, and ends them at their newline:
 * over real records with bytes replaced, inserted or removed (newlines, quotes, braces, control and non-ASCII bytes
 * among them), followed by more lines.
 */
class ScanLineAgreementProperties {
    private static final byte[] HOSTILE = {
        '\n',
        '\r',
        '"',
        '\\',
        '{',
        '}',
        '[',
        ']',
        ',',
        ':',
        0,
        1,
        0x7f,
        (byte) 0xc3,
        (byte) 0xa9,
        (byte) 0xff,
        '0',
        '-',
        'e',
        ' '
    };

    @Provide
    Arbitrary<byte[]> batches() {
        Arbitrary<Tuple.Tuple3<Integer, Integer, Byte>> edits = Arbitraries.integers()
                .between(0, 2)
                .flatMap(kind -> Arbitraries.integers()
                        .between(0, 700)
                        .flatMap(at -> Arbitraries.of(toList()).map(b -> Tuple.of(kind, at, b))));
        return Arbitraries.integers()
                .between(1, 40)
                .flatMap(seq -> edits.list().ofMaxSize(4).map(list -> mutate(line(seq), list)));
    }

    private static List<Byte> toList() {
        Byte[] boxed = new Byte[HOSTILE.length];
        for (int i = 0; i < HOSTILE.length; i++) {
            boxed[i] = HOSTILE[i];
        }
        return Arrays.asList(boxed);
    }

    private static byte[] line(int seq) {
        byte[] record = RecordCodec.seal(TestLogs.draft(seq), seq, HashChain.GENESIS, Instant.EPOCH)
                .line();
        byte[] batch = Arrays.copyOf(record, record.length * 2 + 2);
        batch[record.length] = '\n';
        System.arraycopy(record, 0, batch, record.length + 1, record.length);
        batch[batch.length - 1] = '\n';
        return batch;
    }

    private static byte[] mutate(byte[] batch, List<Tuple.Tuple3<Integer, Integer, Byte>> edits) {
        byte[] b = batch;
        for (var edit : edits) {
            int at = Math.min(edit.get2(), b.length - 1);
            byte value = edit.get3();
            switch (edit.get1()) {
                case 0 -> b[at] = value;
                case 1 -> {
                    byte[] longer = new byte[b.length + 1];
                    System.arraycopy(b, 0, longer, 0, at);
                    longer[at] = value;
                    System.arraycopy(b, at, longer, at + 1, b.length - at);
                    b = longer;
                }
                default -> {
                    byte[] shorter = new byte[b.length - 1];
                    System.arraycopy(b, 0, shorter, 0, at);
                    System.arraycopy(b, at + 1, shorter, at, b.length - at - 1);
                    b = shorter;
                }
            }
        }
        return b;
    }

    @Property(tries = 2000)
    void scanLineAgreesWithTheOneLineScan(@ForAll("batches") byte[] batch) {
        CanonicalScanner openEnded = new CanonicalScanner();
        CanonicalScanner oneLine = new CanonicalScanner();
        int newline = LineRuns.nextNewline(batch, 0, batch.length);
        int lineLength = newline >= 0 ? newline : batch.length;

        boolean fast = openEnded.scanLine(batch, 0, batch.length);
        boolean exact = newline >= 0 && oneLine.scan(batch, 0, lineLength);

        assertThat(fast)
                .as("scanLine accepts exactly what scan of the line accepts")
                .isEqualTo(exact);
        if (fast) {
            assertThat(openEnded.lineEnd).isEqualTo(newline);
            assertThat(openEnded.hashMemberStart).isEqualTo(oneLine.hashMemberStart);
            assertThat(openEnded.hashMemberEnd).isEqualTo(oneLine.hashMemberEnd);
            assertThat(openEnded.seq).isEqualTo(oneLine.seq);
            assertThat(openEnded.topLevelMembers).isEqualTo(oneLine.topLevelMembers);
        }
    }

    /**
     * The scanner reads strings eight bytes at a time up to the array's end, past the end of the text it is given
     * (LineRuns leaves slack for it): what follows the text never changes a verdict, a problem or a position. Each
     * mutated batch is cut anywhere and scanned alone and with the rest of the batch after the cut.
     */
    @Property(tries = 2000)
    void bytesPastTheEndNeverMatter(
            @ForAll("batches") byte[] batch, @ForAll @net.jqwik.api.constraints.IntRange(min = 1, max = 1500) int cut) {
        int length = Math.min(cut, batch.length);
        CanonicalScanner alone = new CanonicalScanner();
        CanonicalScanner followed = new CanonicalScanner();

        boolean exact = alone.scan(Arrays.copyOf(batch, length), 0, length);
        boolean withRest = followed.scan(batch, 0, length);

        assertThat(withRest).as("verdict").isEqualTo(exact);
        assertThat(followed.problem()).as("problem").isEqualTo(alone.problem());
        assertThat(followed.pos).as("where the scan stopped").isEqualTo(alone.pos);
        if (exact) {
            assertThat(followed.hashMemberStart).isEqualTo(alone.hashMemberStart);
            assertThat(followed.hashMemberEnd).isEqualTo(alone.hashMemberEnd);
            assertThat(followed.seq).isEqualTo(alone.seq);
        }
    }
}
