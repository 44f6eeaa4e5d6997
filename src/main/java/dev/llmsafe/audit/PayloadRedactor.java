package dev.llmsafe.audit;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmsafe.plan.SecretRedactor;

import java.util.Collection;
import java.util.Map;

/**
 * Keeps secrets out of records the way the plan model keeps them out of plans ({@link SecretRedactor}):
 * properties that only ever hold secrets and every known secret value become {@code [secret]}, wherever
 * they appear in the payload.
 */
public final class PayloadRedactor {
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };
    private final SecretRedactor redactor;

    public PayloadRedactor(Collection<String> secretValues) {
        this.redactor = new SecretRedactor(secretValues);
    }

    public ObjectNode redact(ObjectNode payload) {
        Map<String, Object> plain = AuditJson.MAPPER.convertValue(payload, MAP);
        return AuditJson.MAPPER.valueToTree(redactor.redact(plain));
    }
}
