package dev.llmsafe.reaper;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** Points in time as people type them on a command line: a date (midnight UTC), an instant, or one with an offset. */
public final class Moments {
    private Moments() {}

    public static Instant parse(String option, String text) {
        String t = text == null ? "" : text.strip();
        try {
            if (t.length() == 10) {
                return LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return OffsetDateTime.parse(t).toInstant(); // Z or an offset such as +02:00
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(option + " '" + text + "' is neither a date (2025-01-31, midnight UTC) "
                    + "nor an instant (2025-01-31T12:00:00Z or 2025-01-31T14:00:00+02:00)");
        }
    }
}
