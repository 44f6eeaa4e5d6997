package dev.llmsafe.audit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * A record before the store places it in the chain: the store adds {@code seq}, {@code time}, {@code prev}
 * and {@code hash} while it holds the log (a file lock or a create-only precondition). The payload must
 * already be redacted ({@link PayloadRedactor}).
 */
public record RecordDraft(String kind, Actor actor, Subject subject, ObjectNode payload) {
    public RecordDraft {
        if (!RecordKinds.isValid(kind)) {
            throw new IllegalArgumentException("record kind must be dotted lowercase words such as "
                    + RecordKinds.POLICY_RESULT + ", got " + kind);
        }
        Objects.requireNonNull(actor, "actor");
        subject = subject == null ? Subject.NONE : subject;
        payload = payload == null ? AuditJson.MAPPER.createObjectNode() : payload;
    }
}
