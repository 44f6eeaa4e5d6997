package dev.llmsafe.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link LineRuns}: whole lines in every run, nothing lost or repeated, and the slack the scanner reads into. The
 * sink lends buffers of exactly the size asked, so a request too small to read into loops: the timeout fails it.
 */
@Timeout(20)
class LineRunsTest {
    private static final byte UNTOUCHED = 0x7f;

    @TempDir
    Path dir;

    /** Lends buffers of exactly the size asked, filled with a marker, and keeps a copy of every run. */
    private static final class Recording implements LineRuns.Sink {
        final List<byte[]> runs = new ArrayList<>();
        final List<String> slackProblems = new ArrayList<>();

        @Override
        public byte[] buffer(int minLength) {
            byte[] buf = new byte[minLength];
            Arrays.fill(buf, UNTOUCHED);
            return buf;
        }

        @Override
        public boolean accept(byte[] buf, int length) {
            runs.add(Arrays.copyOf(buf, length));
            if (buf.length - length < LineRuns.SLACK) {
                slackProblems.add("a run of " + length + " bytes in a buffer of " + buf.length);
            }
            for (int i = buf.length - LineRuns.SLACK; i < buf.length; i++) {
                if (buf[i] != UNTOUCHED) {
                    slackProblems.add("byte " + i + " of a buffer of " + buf.length + " was filled");
                }
            }
            return true;
        }
    }

    private Recording read(byte[] content) throws IOException {
        Path file = dir.resolve("log.jsonl");
        Files.write(file, content);
        Recording sink = new Recording();
        try (FileChannel ch = FileChannel.open(file)) {
            LineRuns.read(ch, sink);
        }
        return sink;
    }

    private static byte[] lines(int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append("{\"seq\":")
                    .append(i)
                    .append(",\"pad\":\"")
                    .append("x".repeat(i % 37))
                    .append("\"}\n");
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void everyBufferKeepsItsSlackOutOfTheRuns() throws IOException {
        Recording sink = read(lines(500)); // buffers start at 9 bytes and double: many carries and growths

        assertThat(sink.runs).hasSizeGreaterThan(5);
        assertThat(sink.slackProblems).isEmpty();
    }

    @Test
    void theRunsAreTheFileInWholeLines() throws IOException {
        byte[] content = lines(500);
        byte[] torn = Arrays.copyOf(content, content.length + 5);
        System.arraycopy("{\"se".getBytes(StandardCharsets.US_ASCII), 0, torn, content.length, 4);
        torn[torn.length - 1] = 'q';

        Recording sink = read(torn);

        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        for (int i = 0; i < sink.runs.size(); i++) {
            byte[] run = sink.runs.get(i);
            joined.writeBytes(run);
            if (i < sink.runs.size() - 1) {
                assertThat(run[run.length - 1])
                        .as("run %d ends at a newline", i)
                        .isEqualTo((byte) '\n');
            }
        }
        assertThat(joined.toByteArray()).isEqualTo(torn);
        assertThat(sink.slackProblems).isEmpty();
    }

    @Test
    void aLineThatReachesTheLimitWithoutANewlineEndsTheReading() throws IOException {
        byte[] head = lines(3);
        byte[] content = new byte[head.length + LineRuns.MAX_LINE + 1000 + 2];
        System.arraycopy(head, 0, content, 0, head.length);
        Arrays.fill(content, head.length, content.length - 2, (byte) 'x');
        content[content.length - 2] = '\n';
        content[content.length - 1] = 'y';

        Recording sink = read(content);

        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        sink.runs.forEach(joined::writeBytes);
        byte[] given = joined.toByteArray();
        assertThat(given.length).isEqualTo(head.length + LineRuns.MAX_LINE);
        assertThat(Arrays.copyOf(given, head.length)).isEqualTo(head);
        assertThat(sink.runs.get(sink.runs.size() - 1)).hasSize(LineRuns.MAX_LINE);
    }
}
