package dev.llmsafe.plan;

import java.util.Map;

/**
 * One resource a stack would create, keep, change or delete: the model every policy rule reads, filled from
 * the offline mock run or from {@code pulumi preview --json}. Secret inputs are the string
 * {@value #SECRET}; values Pulumi does not know yet are {@value #UNKNOWN}. Documented in docs/plan-format.md.
 *
 * @param op       the step: {@code create} (or {@code import} for an adopted resource) in the offline plan;
 *                 otherwise Pulumi's op ({@code same}, {@code update}, {@code delete}, {@code replace}, ...)
 * @param parent   the parent's URN, or null for the stack itself
 * @param provider the provider reference ({@code urn::id}), or null for component resources and default providers
 * @param protect  whether Pulumi refuses to delete it
 */
public record PlannedResource(
        String op,
        String type,
        String name,
        String urn,
        String parent,
        String provider,
        boolean custom,
        boolean protect,
        Map<String, Object> inputs) {

    public static final String SECRET = "[secret]";
    public static final String UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

    /** The package of the type token: {@code gcp} for {@code gcp:storage/bucket:Bucket}. */
    public String packageName() {
        int colon = type.indexOf(':');
        return colon < 0 ? type : type.substring(0, colon);
    }

    /** Whether this step removes the resource rather than leaving it in place. */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isDeletion() {
        return "delete".equals(op) || "delete-replaced".equals(op) || "discard".equals(op)
                || "discard-replaced".equals(op) || "remove-pending-replace".equals(op);
    }
}
