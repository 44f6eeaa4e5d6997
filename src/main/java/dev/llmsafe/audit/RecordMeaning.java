package dev.llmsafe.audit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.llmsafe.identity.ActorClassifier;
import dev.llmsafe.identity.ActorKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Month;
import java.time.Year;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What a record's fields must mean, beyond canonical form, checked on the bytes the scanner located: the time
 * is an RFC 3339 instant in UTC with milliseconds (the form every store writes), the kind is a record kind,
 * subject and payload are objects, and the actor is one {@link ActorResolver} could have recorded: a known
 * kind, a login, agent and model only for AI, and never a kind the classifier contradicts (a {@code [bot]}
 * login is never human). {@link ChainVerifier} asks it of every record and {@link RecordCodec#seal} of every
 * record it writes, so verify and append agree. Not thread-safe: one instance per thread.
 */
final class RecordMeaning {
    /** Classifies actors with the built-in rules only (bots by their {@code [bot]} suffix). */
    static final ActorClassifier DEFAULT_CLASSIFIER = ActorClassifier.withDefaults(Set.of());

    private static final Set<String> ACTOR_FIELDS = Set.of("agent", "kind", "login", "model");
    private static final String OK = "";
    private static final int RECENT = 16;

    private final ActorClassifier classifier;
    /**
     * Verdicts on the actor objects and kinds seen last, by their bytes: a log repeats a few of each many times,
     * and comparing bytes costs far less than reading them again.
     */
    private final byte[][] recentValues = new byte[RECENT][];

    private final String[] recentVerdicts = new String[RECENT];
    private int nextSlot;

    RecordMeaning(ActorClassifier classifier) {
        this.classifier = classifier;
    }

    /** Why the scanned record means nothing a store could write, or null when it is sound. */
    String problem(byte[] b, CanonicalScanner s) {
        String time = time(b, s.timeStart, s.timeEnd);
        if (time != null) {
            return time;
        }
        String kind = remembered(b, s.kindStart, s.kindEnd, false);
        if (!kind.isEmpty()) {
            return kind;
        }
        if (b[s.subjectStart] != '{') {
            return "subject is not an object";
        }
        if (b[s.payloadStart] != '{') {
            return "payload is not an object";
        }
        return actor(b, s.actorStart, s.actorEnd);
    }

    /** {@code "uuuu-MM-ddTHH:mm:ss.SSSZ"}, a real date and time of day. */
    private static String time(byte[] b, int start, int end) {
        return isTime(b, start, end)
                ? null
                : "time " + text(b, start, end) + " is not an RFC 3339 instant in UTC "
                        + "with milliseconds (such as 2026-05-01T12:00:00.000Z)";
    }

    private static boolean isTime(byte[] b, int start, int end) {
        if (end - start != 26 || b[start] != '"' || b[end - 1] != '"') {
            return false;
        }
        int t = start + 1;
        for (int i = 0; i < TIME_SHAPE.length; i++) {
            byte want = TIME_SHAPE[i];
            byte got = b[t + i];
            if (want == 'd' ? got < '0' || got > '9' : got != want) {
                return false;
            }
        }
        int year = number(b, t, 4);
        int month = number(b, t + 5, 2);
        int day = number(b, t + 8, 2);
        if (month < 1 || month > 12 || day < 1 || day > Month.of(month).length(Year.isLeap(year))) {
            return false;
        }
        return number(b, t + 11, 2) < 24 && number(b, t + 14, 2) < 60 && number(b, t + 17, 2) < 60;
    }

    private static final byte[] TIME_SHAPE = "dddd-dd-ddTdd:dd:dd.dddZ".getBytes(StandardCharsets.US_ASCII);

    private static boolean isKind(byte[] b, int start, int end) {
        if (end - start < 3 || b[start] != '"' || b[end - 1] != '"') {
            return false;
        }
        return RecordKinds.isValid(new String(b, start + 1, end - start - 2, StandardCharsets.US_ASCII));
    }

    private String actor(byte[] b, int start, int end) {
        if (b[start] != '{') {
            return "actor is not an object";
        }
        String verdict = remembered(b, start, end, true);
        return verdict.isEmpty() ? null : verdict;
    }

    /** The verdict on the value {@code b[start, end)}: remembered from an earlier equal value, or judged now. */
    private String remembered(byte[] b, int start, int end, boolean actor) {
        for (int i = 0; i < RECENT; i++) {
            byte[] seen = recentValues[i];
            if (seen != null && sameBytes(seen, b, start, end)) {
                return recentVerdicts[i];
            }
        }
        String verdict = actor
                ? judgeActor(b, start, end)
                : isKind(b, start, end)
                        ? OK
                        : "kind " + text(b, start, end) + " is not a record kind (dotted lowercase words such as "
                                + RecordKinds.POLICY_RESULT + ")";
        recentValues[nextSlot] = Arrays.copyOfRange(b, start, end);
        recentVerdicts[nextSlot] = verdict;
        nextSlot = (nextSlot + 1) % RECENT;
        return verdict;
    }

    private static boolean sameBytes(byte[] seen, byte[] b, int start, int end) {
        if (seen.length != end - start) {
            return false;
        }
        for (int i = 0; i < seen.length; i++) {
            if (seen[i] != b[start + i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Reads the actor with Jackson's streaming parser, not the object mapper: building the mapper on the first
     * record cost a verify about 80 ms on its critical path (its date formats load the calendar and locale data).
     */
    private String judgeActor(byte[] b, int start, int end) {
        Map<String, String> fields = new HashMap<>();
        try (JsonParser parser = ACTOR_JSON.createParser(b, start, end - start)) {
            parser.nextToken(); // the scanner saw an object here
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (!ACTOR_FIELDS.contains(name) || value != JsonToken.VALUE_STRING) {
                    long from = parser.currentTokenLocation().getByteOffset();
                    parser.skipChildren();
                    long to = parser.currentLocation().getByteOffset();
                    return "actor has " + name + " " + text(b, start + (int) from, start + (int) to)
                            + "; an actor has the strings kind, login, and for AI agent and model";
                }
                fields.put(name, parser.getText());
            }
        } catch (IOException e) {
            return "actor cannot be read: " + e.getMessage().lines().findFirst().orElse("");
        }
        String login = fields.getOrDefault("login", "");
        if (login.isBlank()) {
            return "actor has no login";
        }
        ActorKind kind;
        try {
            kind = ActorKind.valueOf(fields.getOrDefault("kind", "").toUpperCase(Locale.ROOT));
            new Actor(fields.getOrDefault("kind", ""), login, fields.get("agent"), fields.get("model"));
        } catch (IllegalArgumentException e) {
            return "actor " + login
                    + " is not a valid actor: kind must be human, ai or bot, and only ai has agent or model";
        }
        ActorKind classified = classifier.classify(login, null);
        if (!ActorResolver.agrees(classified, kind)) {
            return "actor " + login + " is recorded as " + kind.value() + ", but is classified as " + classified.value()
                    + ": an ai or bot account is never recorded as anything else";
        }
        return OK;
    }

    private static final JsonFactory ACTOR_JSON = new JsonFactory();

    private static int number(byte[] b, int at, int digits) {
        int v = 0;
        for (int i = 0; i < digits; i++) {
            v = v * 10 + (b[at + i] - '0');
        }
        return v;
    }

    private static String text(byte[] b, int start, int end) {
        String value = new String(b, start, Math.min(end - start, 80), StandardCharsets.UTF_8);
        return end - start > 80 ? value + "..." : value;
    }
}
