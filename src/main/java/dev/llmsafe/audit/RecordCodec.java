package dev.llmsafe.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * Seals drafts into canonical, hashed log lines and reads lines back into records. A sealed line is judged by
 * the verifier's own checks before it is handed to a store, so a store never writes a record verify refuses.
 */
public final class RecordCodec {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private RecordCodec() {}

    /** A record in its chain position, with the exact line (no newline) that stores it. */
    public record Sealed(AuditRecord record, byte[] line) {}

    public static String formatTime(Instant time) {
        return TIME.format(time.truncatedTo(ChronoUnit.MILLIS));
    }

    public static Sealed seal(RecordDraft draft, long seq, String prev, Instant time) {
        if (seq < 1 || seq > RecordLimits.MAX_SEQ) {
            throw new IllegalArgumentException(
                    "seq must be from 1 to 2^53, got " + seq + (seq > RecordLimits.MAX_SEQ ? ": the log is full" : ""));
        }
        if (!HashChain.HASH.matcher(prev).matches()) {
            throw new IllegalArgumentException("prev must be 64 lowercase hex digits, got " + prev);
        }
        ObjectNode body = AuditJson.MAPPER.createObjectNode();
        body.set("actor", AuditJson.MAPPER.valueToTree(draft.actor()));
        body.put("kind", draft.kind());
        body.set("payload", draft.payload());
        body.put("prev", prev);
        body.put("seq", seq);
        body.set("subject", AuditJson.MAPPER.valueToTree(draft.subject()));
        body.put("time", formatTime(time));
        String canonical = CanonicalJson.canonicalize(body);
        String hash = HashChain.sha256Hex(canonical.getBytes(StandardCharsets.UTF_8));
        String line = withHash(canonical, hash);
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > RecordLimits.MAX_RECORD_BYTES) {
            throw new IllegalArgumentException(
                    "the record is " + bytes.length + " bytes; records are at most " + RecordLimits.MAX_RECORD_BYTES
                            + " bytes: record a summary and a digest of large artefacts instead");
        }
        String refused = refusal(bytes);
        if (refused != null) {
            throw new IllegalArgumentException(
                    "the record cannot be written, because verify would refuse it: " + refused);
        }
        AuditRecord record = AuditRecord.builder()
                .seq(seq)
                .time(formatTime(time))
                .actor(draft.actor())
                .kind(draft.kind())
                .subject(draft.subject())
                .payload(draft.payload().deepCopy())
                .prev(prev)
                .hash(hash)
                .build();
        return new Sealed(record, bytes);
    }

    /** Why verify would refuse the line as a record (judged alone, not in its chain), or null. */
    private static String refusal(byte[] line) {
        LineFacts facts =
                new LineFacts().examine(LineFacts.Tools.fresh(RecordMeaning.DEFAULT_CLASSIFIER), line, 0, line.length);
        if (!facts.scanned) {
            return facts.problem;
        }
        return facts.complete() ? facts.meaning : "it lacks a record field";
    }

    /**
     * The canonical record with {@code hash} added. Keys sort as actor, hash, kind, ...; the actor object holds
     * only strings, so the first {@code },"kind":} closes it and the hash member goes right there. This is
     * the same text edit, reversed, that the auditor guide's jq recipe makes.
     */
    static String withHash(String canonicalBody, String hash) {
        String actorStart = "{\"actor\":{";
        int actorEnd = canonicalBody.indexOf("},\"kind\":");
        if (!canonicalBody.startsWith(actorStart) || actorEnd < 0) {
            throw new IllegalStateException("record body does not start with the actor object: " + canonicalBody);
        }
        return canonicalBody.substring(0, actorEnd + 1) + ",\"hash\":\"" + hash + "\""
                + canonicalBody.substring(actorEnd + 1);
    }

    /** Parses a stored line; throws IOException naming what is wrong. Does not check the chain. */
    public static AuditRecord parse(byte[] line) throws IOException {
        return parse(new String(line, StandardCharsets.UTF_8));
    }

    public static AuditRecord parse(String line) throws IOException {
        JsonNode node = AuditJson.MAPPER.readTree(line);
        if (node == null || !node.isObject()) {
            throw new IOException("a record is a JSON object");
        }
        for (String field : new String[] {"seq", "time", "actor", "kind", "subject", "payload", "prev", "hash"}) {
            if (!node.has(field)) {
                throw new IOException("the record has no " + field);
            }
        }
        if (!node.get("payload").isObject()) {
            throw new IOException("payload must be a JSON object");
        }
        try {
            return AuditRecord.builder()
                    .seq(node.get("seq").asLong())
                    .time(node.get("time").asText())
                    .actor(AuditJson.MAPPER.treeToValue(node.get("actor"), Actor.class))
                    .kind(node.get("kind").asText())
                    .subject(AuditJson.MAPPER.treeToValue(node.get("subject"), Subject.class))
                    .payload((ObjectNode) node.get("payload"))
                    .prev(node.get("prev").asText())
                    .hash(node.get("hash").asText())
                    .build();
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
    }
}
