package dev.llmsafe.plan;

import java.util.List;
import java.util.Map;

/**
 * A whole plan: which stack, of what kind, the resources in registration order and the stack outputs
 * (secrets as {@value PlannedResource#SECRET}). The JSON form ({@code llmsafe plan --format json}) is this
 * record as-is; see docs/plan-format.md.
 *
 * @param source {@code offline} for the mock run, {@code pulumi-preview} for {@code pulumi preview --json}
 */
public record PlanDocument(
        int formatVersion,
        String source,
        String project,
        String stack,
        String kind,
        List<PlannedResource> resources,
        Map<String, Object> outputs) {

    public static final int FORMAT_VERSION = 1;
}
