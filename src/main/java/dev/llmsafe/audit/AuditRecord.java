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
public record AuditRecord(
        long seq,
        String time,
        Actor actor,
        String kind,
        Subject subject,
        ObjectNode payload,
        String prev,
        String hash) {

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private long seq;
        private String time;
        private Actor actor;
        private String kind;
        private Subject subject;
        private ObjectNode payload;
        private String prev;
        private String hash;

        private Builder() {}

        public Builder seq(long seq) {
            this.seq = seq;
            return this;
        }

        public Builder time(String time) {
            this.time = time;
            return this;
        }

        public Builder actor(Actor actor) {
            this.actor = actor;
            return this;
        }

        public Builder kind(String kind) {
            this.kind = kind;
            return this;
        }

        public Builder subject(Subject subject) {
            this.subject = subject;
            return this;
        }

        public Builder payload(ObjectNode payload) {
            this.payload = payload;
            return this;
        }

        public Builder prev(String prev) {
            this.prev = prev;
            return this;
        }

        public Builder hash(String hash) {
            this.hash = hash;
            return this;
        }

        public AuditRecord build() {
            return new AuditRecord(seq, time, actor, kind, subject, payload, prev, hash);
        }
    }
}
