package dev.llmsafe.policy.report;

import dev.llmsafe.policy.Finding;
import dev.llmsafe.policy.PolicyReport;
import dev.llmsafe.policy.Verdict;
import java.util.Locale;

/**
 * The report for a terminal or a CI log: the verdict, then one block per rule with its findings and fixes. A rule
 * with nothing of its kind to judge reads {@code N/A} with what it found missing, never {@code PASS}.
 */
public final class TextReport {
    private TextReport() {}

    public static String render(PolicyReport report) {
        StringBuilder out = new StringBuilder();
        out.append("policy check ").append(report.summary()).append('\n');
        for (String input : report.inputs()) {
            out.append("  ").append(Escapes.plain(input)).append('\n');
        }
        out.append('\n');
        for (Verdict v : report.verdicts()) {
            out.append(String.format(
                    Locale.ROOT,
                    "%-8s %s (%s)",
                    label(v.status()),
                    v.rule().id(),
                    v.level().value()));
            if (!v.note().isEmpty()) {
                out.append(": ").append(Escapes.plain(v.note()));
            }
            out.append('\n');
            for (Finding f : v.findings()) {
                out.append("  - ");
                if (!f.location().display().isEmpty()) {
                    out.append(Escapes.plain(f.location().display())).append(": ");
                }
                out.append(Escapes.plain(f.message())).append('\n');
                if (!f.fix().isEmpty()) {
                    out.append("    fix: ").append(Escapes.plain(f.fix())).append('\n');
                }
            }
            for (Verdict.ExceptedFinding e : v.excepted()) {
                out.append("  ~ ")
                        .append(e.how())
                        .append(e.until().isEmpty() ? "" : " until " + e.until())
                        .append(": ")
                        .append(Escapes.plain(e.finding().location().display()))
                        .append(": ")
                        .append(Escapes.plain(e.finding().message()))
                        .append(" (")
                        .append(Escapes.plain(e.reason()))
                        .append(")\n");
            }
        }
        return out.toString();
    }

    static String label(Verdict.Status status) {
        switch (status) {
            case PASS:
                return "PASS";
            case FAIL:
                return "FAIL";
            case WARN:
                return "WARN";
            case NOT_APPLICABLE:
                return "N/A";
            case SKIPPED:
                return "SKIP";
            case DISABLED:
                return "OFF";
            default:
                return "ERROR";
        }
    }
}
