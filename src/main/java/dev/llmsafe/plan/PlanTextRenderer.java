package dev.llmsafe.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The plan as an indented resource tree with each resource's inputs, then the stack outputs. */
public final class PlanTextRenderer {
    private static final ObjectMapper JSON = new ObjectMapper();

    private PlanTextRenderer() {}

    public static String render(PlanDocument plan) {
        StringBuilder out = new StringBuilder();
        out.append("Plan for stack ")
                .append(plan.stack())
                .append(" (kind ")
                .append(plan.kind())
                .append(", ")
                .append(plan.source())
                .append("): ")
                .append(plan.resources().size())
                .append(" resources\n\n");
        Map<String, List<PlannedResource>> children = childrenByParent(plan);
        String root = rootUrn(plan);
        renderChildren(out, children, root, 0);
        out.append("\nOutputs:\n");
        plan.outputs()
                .forEach((k, v) -> out.append("  ")
                        .append(k)
                        .append(": ")
                        .append(inline(v))
                        .append('\n'));
        return out.toString();
    }

    static Map<String, List<PlannedResource>> childrenByParent(PlanDocument plan) {
        Map<String, List<PlannedResource>> children = new LinkedHashMap<>();
        for (PlannedResource r : plan.resources()) {
            children.computeIfAbsent(r.parent(), k -> new ArrayList<>()).add(r);
        }
        return children;
    }

    /** The stack's URN: the parent that is not itself a resource of the plan. */
    static String rootUrn(PlanDocument plan) {
        var urns = plan.resources().stream().map(PlannedResource::urn).toList();
        return plan.resources().stream()
                .map(PlannedResource::parent)
                .filter(p -> p != null && !urns.contains(p))
                .findFirst()
                .orElse(null);
    }

    private static void renderChildren(
            StringBuilder out, Map<String, List<PlannedResource>> children, String parent, int depth) {
        for (PlannedResource r : children.getOrDefault(parent, List.of())) {
            String indent = "  ".repeat(depth);
            out.append(indent)
                    .append("+ ")
                    .append(r.type())
                    .append("  ")
                    .append(r.name())
                    .append('\n');
            r.inputs()
                    .forEach((k, v) -> out.append(indent)
                            .append("      ")
                            .append(k)
                            .append(": ")
                            .append(inline(v))
                            .append('\n'));
            renderChildren(out, children, r.urn(), depth + 1);
        }
    }

    static String inline(Object value) {
        if (value instanceof String) {
            return (String) value;
        }
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            return String.valueOf(value);
        }
    }
}
