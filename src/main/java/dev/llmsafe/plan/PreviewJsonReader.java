package dev.llmsafe.plan;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmsafe.naming.StackNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads the one JSON object {@code pulumi preview --json} prints into the same {@link PlanDocument} the
 * offline plan produces. Each step becomes a {@link PlannedResource} with Pulumi's op; a deletion takes the
 * old state (it is judged as a deletion), every other step the new state, so a {@code same} step is judged
 * like a create. The stack resource itself is left out, as in the offline plan. Error diagnostics are kept:
 * a preview that failed is not a plan to pass.
 */
public final class PreviewJsonReader {
    public static final String SOURCE = "pulumi-preview";
    private static final String STACK_TYPE = "pulumi:pulumi:Stack";

    private PreviewJsonReader() {}

    /** Whether a JSON tree looks like {@code pulumi preview --json} output. */
    public static boolean isPreview(JsonNode root) {
        return root != null && root.isObject() && root.has("steps");
    }

    public static PlanReader.Result read(JsonNode root, String source) throws PlanReadException {
        JsonNode steps = root.get("steps");
        if (steps == null || !steps.isArray()) {
            throw new PlanReadException(source, "'steps' must be a list of preview steps");
        }
        List<PlannedResource> resources = new ArrayList<>();
        String stack = null;
        String project = null;
        for (int i = 0; i < steps.size(); i++) {
            JsonNode step = steps.get(i);
            String where = "steps[" + i + "]";
            if (!step.isObject()) {
                throw new PlanReadException(source, where + " must be an object");
            }
            String op = text(step, "op", source, where);
            String urn = text(step, "urn", source, where);
            Urns.Parts parts = Urns.parse(urn)
                    .orElseThrow(() -> new PlanReadException(
                            source,
                            where + ".urn '" + urn + "' is not a Pulumi URN (urn:pulumi:stack::project::type::name)"));
            stack = stack == null ? parts.stack() : stack;
            project = project == null ? parts.project() : project;
            boolean deletion = PlannedResource.deletes(op);
            JsonNode state = deletion
                    ? firstObject(step.get("oldState"), step.get("newState"))
                    : firstObject(step.get("newState"), step.get("oldState"));
            if (state == null) {
                throw new PlanReadException(
                        source, where + " (" + op + " " + urn + ") has neither newState nor oldState");
            }
            String type = optionalText(state, "type", source, where);
            type = type == null ? parts.type() : type;
            if (type.equals(STACK_TYPE)) {
                continue;
            }
            String provider = optionalText(state, "provider", source, where);
            provider = provider == null ? optionalText(step, "provider", source, where) : provider;
            JsonNode inputs = state.get("inputs");
            if (inputs != null && !inputs.isNull() && !inputs.isObject()) {
                throw new PlanReadException(source, where + ".inputs must be an object");
            }
            Map<String, Object> in = inputs == null || inputs.isNull() ? Map.of() : JsonValues.map(inputs);
            resources.add(PlannedResource.builder(op, type, parts.name(), urn)
                    .parent(optionalText(state, "parent", source, where))
                    .provider(provider)
                    .custom(bool(state, "custom", provider != null))
                    .protect(bool(state, "protect", false))
                    .inputs(in)
                    .build());
        }
        String kind = kind(root, project, stack, source);
        var plan = PlanDocument.builder()
                .source(SOURCE)
                .project(project)
                .stack(stack)
                .kind(kind)
                .resources(List.copyOf(resources))
                .config(trustedConfig(root, project))
                .build();
        return new PlanReader.Result(plan, errors(root));
    }

    /** The stack's kind: the {@code <project>:kind} config Pulumi echoes, else what the stack's name implies. */
    private static String kind(JsonNode root, String project, String stack, String source) throws PlanReadException {
        JsonNode config = root.get("config");
        if (config != null && config.isObject() && project != null) {
            JsonNode kind = config.get(project + ":kind");
            if (kind != null && kind.isTextual()) {
                return kind.asText();
            }
            if (kind != null) {
                // A kind Pulumi echoes but the check cannot read would leave the review rules undecided.
                throw new PlanReadException(
                        source, "config." + project + ":kind must be a string, not " + kind.getNodeType());
            }
        }
        if (stack == null) {
            return null;
        }
        if (StackNames.isReview(stack)) {
            return "review";
        }
        return List.of("platform", "staging", "production").contains(stack) ? stack : null;
    }

    /** The {@link PlanDocument#TRUSTED_CONFIG} values Pulumi echoes under {@code config}, as text. */
    private static Map<String, String> trustedConfig(JsonNode root, String project) {
        Map<String, String> out = new TreeMap<>();
        JsonNode config = root.get("config");
        if (config != null && config.isObject() && project != null) {
            for (String key : PlanDocument.TRUSTED_CONFIG) {
                JsonNode value = config.get(project + ":" + key);
                if (value != null && value.isValueNode() && !value.isNull()) {
                    out.put(key, value.asText());
                }
            }
        }
        return out;
    }

    private static List<String> errors(JsonNode root) {
        List<String> errors = new ArrayList<>();
        JsonNode diagnostics = root.get("diagnostics");
        if (diagnostics != null && diagnostics.isArray()) {
            for (JsonNode d : diagnostics) {
                if (d.isObject() && "error".equals(d.path("severity").asText())) {
                    errors.add(d.path("message").asText("").strip());
                }
            }
        }
        return errors;
    }

    private static JsonNode firstObject(JsonNode a, JsonNode b) {
        if (a != null && a.isObject()) {
            return a;
        }
        return b != null && b.isObject() ? b : null;
    }

    private static String text(JsonNode node, String key, String source, String where) throws PlanReadException {
        String value = optionalText(node, key, source, where);
        if (value == null || value.isEmpty()) {
            throw new PlanReadException(source, where + "." + key + " is missing");
        }
        return value;
    }

    private static String optionalText(JsonNode node, String key, String source, String where)
            throws PlanReadException {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new PlanReadException(source, where + "." + key + " must be a string, not " + value.getNodeType());
        }
        return value.asText();
    }

    private static boolean bool(JsonNode node, String key, boolean fallback) {
        JsonNode value = node.get(key);
        return value != null && value.isBoolean() ? value.booleanValue() : fallback;
    }
}
