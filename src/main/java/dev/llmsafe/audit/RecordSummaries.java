package dev.llmsafe.audit;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * One line per record for reports. Payload fields read here are the conventions of the commands that write
 * each kind (docs/auditor-guide.md, "Payload conventions"); anything else falls back to the payload itself.
 */
final class RecordSummaries {
    private static final int MAX = 160;

    private RecordSummaries() {
    }

    static AuditReport.Entry entry(AuditRecord r) {
        JsonNode p = r.payload();
        String actor = r.actor().login() + " (" + r.actor().kind()
                + (r.actor().agent() == null ? "" : ", " + r.actor().agent())
                + (r.actor().model() == null ? "" : ", " + r.actor().model()) + ")";
        List<String> parts = new ArrayList<>();
        boolean problem = false;
        switch (r.kind()) {
            case RecordKinds.POLICY_RESULT -> {
                problem = policyFailed(r);
                add(parts, "verdict", p.path("verdict"));
                if (p.path("violations").isArray()) {
                    parts.add(p.path("violations").size() + " violation(s)");
                } else {
                    add(parts, "violations", p.path("violations"));
                }
            }
            case RecordKinds.PREVIEW_DEPLOYED, RecordKinds.PREVIEW_DESTROYED, RecordKinds.PROMOTION -> {
                add(parts, "environment", p.path("environment"));
                add(parts, "url", p.path("url"));
            }
            case RecordKinds.APPROVAL -> {
                parts.add("approved by " + r.actor().login());
                add(parts, "environment", p.path("environment"));
            }
            case RecordKinds.CHECKPOINT -> parts.add("head " + p.path("head").path("seq").asText() + ":"
                    + abbreviate(p.path("head").path("hash").asText(), 12));
            case RecordKinds.STACK_HISTORY -> {
                JsonNode e = p.path("entry");
                parts.add("pulumi " + e.path("kind").asText() + " " + e.path("result").asText("")
                        + changes(e.path("resourceChanges")));
                problem = "failed".equals(e.path("result").asText());
            }
            default -> {
            }
        }
        add(parts, "", p.path("summary"));
        if (parts.isEmpty() && !p.isEmpty()) {
            parts.add(p.toString());
        }
        if (r.subject().stack() != null) {
            parts.add("stack " + r.subject().stack());
        }
        if (r.subject().aiTrailer() != null) {
            parts.add(r.subject().aiTrailer());
        }
        return new AuditReport.Entry(r.seq(), r.time(), r.kind(), actor, abbreviate(String.join("; ", parts), MAX),
                problem);
    }

    /** A {@code pulumi stack history --json} entry joined into a timeline; who ran it is not in Pulumi's data. */
    static AuditReport.Entry history(JsonNode h, String stack) {
        String summary = "pulumi " + h.path("kind").asText() + " " + h.path("result").asText("")
                + changes(h.path("resourceChanges")) + (stack == null ? "" : "; stack " + stack)
                + "; " + h.path("message").asText("");
        return new AuditReport.Entry(0, h.path("startTime").asText(""), "stack history",
                "(not recorded by Pulumi)", abbreviate(summary, MAX), "failed".equals(h.path("result").asText()));
    }

    static boolean policyFailed(AuditRecord r) {
        String verdict = r.payload().path("verdict").asText("");
        return verdict.equals("fail") || verdict.equals("failed") || !r.payload().path("passed").asBoolean(true);
    }

    private static String changes(JsonNode changes) {
        if (!changes.isObject() || changes.isEmpty()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        changes.fields().forEachRemaining(e -> parts.add(e.getKey() + " " + e.getValue().asText()));
        return " (" + String.join(", ", parts) + ")";
    }

    private static void add(List<String> parts, String label, JsonNode value) {
        if (value.isValueNode() && !value.isNull() && !value.asText().isEmpty()) {
            parts.add(label.isEmpty() ? value.asText() : label + " " + value.asText());
        }
    }

    static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
