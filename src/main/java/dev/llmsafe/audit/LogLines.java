package dev.llmsafe.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Every line of a log as a report shows it: parsed where it can be, and verified only before the first break. */
public final class LogLines {
    private LogLines() {}

    /**
     * One stored line: its record, or why it is none (then {@code text} is its start).
     *
     * @param line the line's position in the log, from 1
     * @param verified whether the chain was verified up to and including this line
     */
    public record Line(long line, AuditRecord record, String text, String problem, boolean verified) {}

    private static final int SHOWN = 120;

    /** Reads every line of {@code store}; the first {@code verified} lines are the ones verification passed. */
    public static List<Line> read(RecordStore store, long verified) throws IOException {
        List<Line> out = new ArrayList<>();
        store.read((buf, off, len, terminated) -> {
            long n = out.size() + 1;
            String text = new String(buf, off, len, StandardCharsets.UTF_8);
            String excerpt = text.length() > SHOWN ? text.substring(0, SHOWN) + "..." : text;
            if (!terminated) {
                out.add(new Line(n, null, excerpt, "a torn line (no newline: an append was interrupted)", false));
                return false;
            }
            try {
                out.add(new Line(n, RecordCodec.parse(text), null, null, n <= verified));
            } catch (com.fasterxml.jackson.core.exc.StreamReadException e) {
                out.add(new Line(n, null, excerpt, "no record (not JSON)", false));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                out.add(new Line(n, null, excerpt, "no record (JSON, but not the record format)", false));
            } catch (IOException | RuntimeException e) {
                out.add(new Line(
                        n, null, excerpt, "no record (" + Objects.toString(e.getMessage(), "unreadable") + ")", false));
            }
            return true;
        });
        return out;
    }
}
