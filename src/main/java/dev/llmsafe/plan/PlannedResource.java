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
        return deletes(op);
    }

    /** Whether a step with this op removes the resource rather than leaving it in place. */
    public static boolean deletes(String op) {
        return "delete".equals(op)
                || "delete-replaced".equals(op)
                || "discard".equals(op)
                || "discard-replaced".equals(op)
                || "remove-pending-replace".equals(op);
    }

    /** A resource at the top of the stack, with no provider reference, not protected and with no inputs. */
    public static Builder builder(String op, String type, String name, String urn) {
        return new Builder(op, type, name, urn);
    }

    public Builder toBuilder() {
        return builder(op, type, name, urn)
                .parent(parent)
                .provider(provider)
                .custom(custom)
                .protect(protect)
                .inputs(inputs);
    }

    public static final class Builder {
        private String op;
        private final String type;
        private String name;
        private final String urn;
        private String parent;
        private String provider;
        private boolean custom;
        private boolean protect;
        private Map<String, Object> inputs = Map.of();

        private Builder(String op, String type, String name, String urn) {
            this.op = op;
            this.type = type;
            this.name = name;
            this.urn = urn;
        }

        public Builder op(String op) {
            this.op = op;
            return this;
        }

        public Builder name(String name) {
            this.name = name;
            return this;
        }

        public Builder parent(String parent) {
            this.parent = parent;
            return this;
        }

        public Builder provider(String provider) {
            this.provider = provider;
            return this;
        }

        public Builder custom(boolean custom) {
            this.custom = custom;
            return this;
        }

        public Builder protect(boolean protect) {
            this.protect = protect;
            return this;
        }

        public Builder inputs(Map<String, Object> inputs) {
            this.inputs = inputs;
            return this;
        }

        public PlannedResource build() {
            return new PlannedResource(op, type, name, urn, parent, provider, custom, protect, inputs);
        }
    }
}
