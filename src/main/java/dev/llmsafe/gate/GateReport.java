package dev.llmsafe.gate;

import java.util.LinkedHashMap;
import java.util.Map;

/** The verdict as people read it in a job log: who counted, who did not and why, and why the gate failed. */
public final class GateReport {
    private GateReport() {}

    public static String render(String repository, long runId, GateVerdict v) {
        StringBuilder out = new StringBuilder();
        out.append("gate approvals: ")
                .append(v.passed() ? "PASSED" : "FAILED")
                .append(" for ")
                .append(repository)
                .append(" run ")
                .append(runId)
                .append(" (environments ")
                .append(String.join(", ", v.environments()))
                .append("; ")
                .append(v.minHumans())
                .append(" distinct human")
                .append(v.minHumans() == 1 ? "" : "s")
                .append(" required)\n");
        out.append("counted (").append(v.counted().size()).append("):\n");
        if (v.counted().isEmpty()) {
            out.append("  nobody\n");
        }
        v.counted()
                .forEach(c -> out.append("  ")
                        .append(c.user().describe())
                        .append(": approved ")
                        .append(String.join(", ", c.environments()))
                        .append('\n'));
        if (!v.notCounted().isEmpty()) {
            out.append("not counted (").append(v.notCounted().size()).append("):\n");
            v.notCounted()
                    .forEach(n -> out.append("  ")
                            .append(n.user().describe())
                            .append(": ")
                            .append(n.reason())
                            .append(" [")
                            .append(String.join(", ", n.environments()))
                            .append("]\n"));
        }
        // Each identity once, with the first part it had: a long pull request repeats its author on every commit.
        Map<String, String> authors = new LinkedHashMap<>();
        v.authors().forEach(a -> authors.putIfAbsent(a.describe(), a.role()));
        if (!authors.isEmpty()) {
            out.append("wrote the change, so never counted (")
                    .append(authors.size())
                    .append("):\n");
            authors.forEach((who, role) ->
                    out.append("  ").append(who).append(": ").append(role).append('\n'));
        }
        if (!v.passed()) {
            out.append("why it failed:\n");
            v.failures().forEach(f -> out.append("  ").append(f).append('\n'));
        }
        return out.toString();
    }
}
