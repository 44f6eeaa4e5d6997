package dev.llmsafe.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.llmsafe.files.CliFiles;
import dev.llmsafe.policy.input.InputException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a plan file in either form, told apart by content: the offline plan ({@code llmsafe plan --format
 * json}, see {@link PlanJson}) or {@code pulumi preview --json}. Anything else, and any plan with missing or
 * ill-typed fields, ends in a {@link PlanReadException} saying where and what.
 */
public final class PlanReader {
    private PlanReader() {}

    /** A plan and the error diagnostics of the preview that produced it (none for offline plans). */
    public record Result(PlanDocument plan, List<String> previewErrors) {
        public Result {
            previewErrors = List.copyOf(previewErrors);
        }
    }

    public static Result read(String text, String source) throws PlanReadException {
        JsonNode root;
        try {
            root = CliFiles.parseJson(
                    text, source, "a plan: the output of `llmsafe plan --format json` or " + "`pulumi preview --json`");
        } catch (InputException e) {
            throw new PlanReadException(e);
        }
        if (!root.isObject()) {
            throw new PlanReadException(
                    source,
                    "a plan is a JSON object; this is "
                            + root.getNodeType().toString().toLowerCase(Locale.ROOT));
        }
        if (PreviewJsonReader.isPreview(root)) {
            return PreviewJsonReader.read(root, source);
        }
        if (!root.has("resources")) {
            throw new PlanReadException(
                    source,
                    "neither an offline plan (no 'resources') nor `pulumi preview --json` "
                            + "output (no 'steps'); produce it with `llmsafe plan --format json` or `pulumi preview --json`");
        }
        PlanDocument plan;
        try {
            plan = PlanJson.read(root);
        } catch (IOException | IllegalArgumentException e) {
            String message = e instanceof JsonProcessingException
                    ? ((JsonProcessingException) e).getOriginalMessage()
                    : e.getMessage();
            throw new PlanReadException(source, "not an offline plan: " + firstLine(message));
        }
        return new Result(validated(plan, source), List.of());
    }

    /** Checks what Jackson leaves to chance: nulls where the model needs values. */
    private static PlanDocument validated(PlanDocument plan, String source) throws PlanReadException {
        if (plan.formatVersion() != PlanDocument.FORMAT_VERSION) {
            throw new PlanReadException(
                    source,
                    "formatVersion " + plan.formatVersion() + " is not supported (expected "
                            + PlanDocument.FORMAT_VERSION + "); re-run `llmsafe plan --format json` with this version");
        }
        if (plan.resources() == null) {
            throw new PlanReadException(source, "'resources' must be a list");
        }
        List<PlannedResource> resources = new ArrayList<>(plan.resources().size());
        for (int i = 0; i < plan.resources().size(); i++) {
            PlannedResource r = plan.resources().get(i);
            String where = "resources[" + i + "]";
            if (r == null) {
                throw new PlanReadException(source, where + " is null");
            }
            require(r.op(), where + ".op", source);
            require(r.type(), where + ".type", source);
            require(r.urn(), where + ".urn", source);
            String name = r.name() != null
                    ? r.name()
                    : Urns.parse(r.urn()).map(Urns.Parts::name).orElse(r.urn());
            Map<String, Object> inputs = r.inputs() == null ? Map.of() : r.inputs();
            resources.add(
                    r.name() == null || r.inputs() == null
                            ? r.toBuilder().name(name).inputs(inputs).build()
                            : r);
        }
        return plan.toBuilder()
                .resources(resources)
                .outputs(plan.outputs() == null ? Map.of() : plan.outputs())
                .build();
    }

    private static void require(String value, String where, String source) throws PlanReadException {
        if (value == null || value.isEmpty()) {
            throw new PlanReadException(source, where + " is missing");
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
