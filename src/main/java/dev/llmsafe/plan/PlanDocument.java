package dev.llmsafe.plan;

import java.util.List;
import java.util.Map;

/**
 * A whole plan: which stack, of what kind, the resources in registration order and the stack outputs
 * (secrets as {@value PlannedResource#SECRET}). The JSON form ({@code llmsafe plan --format json}) is this
 * record as-is; see docs/plan-format.md.
 *
 * @param source {@code offline} for the mock run, {@code pulumi-preview} for {@code pulumi preview --json}
 * @param config the stack config that rules compare the plan with ({@link #TRUSTED_CONFIG}), keys without
 *               the project's namespace; empty when the plan's source did not carry it
 */
public record PlanDocument(
        int formatVersion,
        String source,
        String project,
        String stack,
        String kind,
        List<PlannedResource> resources,
        Map<String, Object> outputs,
        Map<String, String> config) {

    public static final int FORMAT_VERSION = 1;
    /**
     * The config keys a plan carries: the GitHub repository the stack trusts, by numeric id, and whether the
     * stack's config declares a public Cloud Run service ({@code true} or {@code false}).
     */
    public static final String REPOSITORY_ID = "repositoryId";

    public static final String OWNER_ID = "ownerId";
    public static final String ALLOW_PUBLIC_INVOKER = "allowPublicInvoker";
    public static final List<String> TRUSTED_CONFIG = List.of(REPOSITORY_ID, OWNER_ID, ALLOW_PUBLIC_INVOKER);

    public PlanDocument {
        config = config == null ? Map.of() : Map.copyOf(config);
    }

    public PlanDocument withConfig(Map<String, String> values) {
        return toBuilder().config(values).build();
    }

    /** A plan of the current format with no resources, outputs or config yet. */
    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return builder()
                .formatVersion(formatVersion)
                .source(source)
                .project(project)
                .stack(stack)
                .kind(kind)
                .resources(resources)
                .outputs(outputs)
                .config(config);
    }

    public static final class Builder {
        private int formatVersion = FORMAT_VERSION;
        private String source;
        private String project;
        private String stack;
        private String kind;
        private List<PlannedResource> resources = List.of();
        private Map<String, Object> outputs = Map.of();
        private Map<String, String> config; // the compact constructor makes a missing config empty

        private Builder() {}

        public Builder formatVersion(int formatVersion) {
            this.formatVersion = formatVersion;
            return this;
        }

        public Builder source(String source) {
            this.source = source;
            return this;
        }

        public Builder project(String project) {
            this.project = project;
            return this;
        }

        public Builder stack(String stack) {
            this.stack = stack;
            return this;
        }

        public Builder kind(String kind) {
            this.kind = kind;
            return this;
        }

        public Builder resources(List<PlannedResource> resources) {
            this.resources = resources;
            return this;
        }

        public Builder outputs(Map<String, Object> outputs) {
            this.outputs = outputs;
            return this;
        }

        public Builder config(Map<String, String> config) {
            this.config = config;
            return this;
        }

        public PlanDocument build() {
            return new PlanDocument(formatVersion, source, project, stack, kind, resources, outputs, config);
        }
    }
}
