package dev.llmsafe.audit;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One line of the audit log, exactly as stored: every field of the record is covered by {@code hash}, the
 * SHA-256 of the record's canonical JSON (RFC 8785) without {@code hash}; {@code prev} is the previous
 * record's hash, or {@link HashChain#GENESIS} for seq 1.
 *
 * @param time UTC, RFC 3339 with milliseconds ({@code 2026-05-01T12:00:00.000Z}): when the store placed it
 */
@JsonPropertyOrder(alphabetic = true)
public record AuditRecord(long seq, String time, Actor actor, String kind, Subject subject, ObjectNode payload,
                          String prev, String hash) {
}
