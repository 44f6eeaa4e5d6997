package dev.llmsafe.policy.report;

import dev.llmsafe.policy.Finding;
import dev.llmsafe.policy.PolicyReport;
import dev.llmsafe.policy.Verdict;

/**
 * The report as a pull-request comment: the verdict and a table of every rule first, details after. GitHub
 * refuses comments over 65,536 characters, so the comment never exceeds {@value #LIMIT}: details are trimmed
 * first, with a note saying how many findings are not shown. All input-derived text is escaped.
 */
public final class MarkdownReport {
    public static final int LIMIT = 60_000;
    /** Room kept for the note that says what was trimmed. */
    private static final int NOTE_ROOM = 400;

    private MarkdownReport() {}

    public static String render(PolicyReport report) {
        StringBuilder head = new StringBuilder();
        String verdict =
                report.hasError() ? "could not be evaluated" : report.hasMandatoryViolation() ? "failed" : "passed";
        head.append("## ")
                .append(report.hasError() || report.hasMandatoryViolation() ? "❌" : "✅")
                .append(" llm-safe policy check ")
                .append(verdict)
                .append("\n\n")
                .append(Escapes.markdown(report.summary()))
                .append("\n\n")
                .append("| | rule | level | verdict | findings |\n|---|---|---|---|---|\n");
        for (Verdict v : report.verdicts()) {
            head.append("| ")
                    .append(icon(v.status()))
                    .append(" | ")
                    .append(Escapes.markdown(v.rule().id()))
                    .append(" | ")
                    .append(v.level().value())
                    .append(" | ")
                    .append(v.status().words())
                    .append(v.note().isEmpty() ? "" : ": " + Escapes.markdown(v.note()))
                    .append(" | ")
                    .append(v.findings().size())
                    .append(v.excepted().isEmpty() ? "" : " (+" + v.excepted().size() + " excepted)")
                    .append(" |\n");
        }
        head.append("\n<details><summary>Inputs</summary>\n\n");
        for (String input : report.inputs()) {
            head.append("- ").append(Escapes.markdown(input)).append('\n');
        }
        head.append("\n</details>\n");
        if (head.length() > LIMIT) {
            return head.substring(0, LIMIT - 40) + "\n\n_(report trimmed)_\n";
        }

        StringBuilder out = new StringBuilder(head);
        int total = (int) report.verdicts().stream()
                .mapToLong(v -> v.findings().size() + v.excepted().size())
                .sum();
        if (total == 0) {
            return out.toString();
        }
        out.append("\n### Details\n");
        int shown = 0;
        boolean full = false;
        for (Verdict v : report.verdicts()) {
            if (v.findings().isEmpty() && v.excepted().isEmpty() || full) {
                continue;
            }
            String section = "\n#### " + icon(v.status()) + " "
                    + Escapes.markdown(v.rule().id()) + ": "
                    + Escapes.markdown(v.rule().description()) + "\n\n";
            if (out.length() + section.length() > LIMIT - NOTE_ROOM) {
                full = true;
                continue;
            }
            out.append(section);
            for (Finding f : v.findings()) {
                String line = "- " + where(f) + Escapes.markdown(f.message())
                        + (f.fix().isEmpty() ? "" : "<br>Fix: " + Escapes.markdown(f.fix())) + "\n";
                if (out.length() + line.length() > LIMIT - NOTE_ROOM) {
                    full = true;
                    break;
                }
                out.append(line);
                shown++;
            }
            for (Verdict.ExceptedFinding e : v.excepted()) {
                String line = "- _" + e.how() + (e.until().isEmpty() ? "" : " until " + e.until()) + "_: "
                        + where(e.finding()) + Escapes.markdown(e.finding().message()) + " ("
                        + Escapes.markdown(e.reason()) + ")\n";
                if (full || out.length() + line.length() > LIMIT - NOTE_ROOM) {
                    full = true;
                    break;
                }
                out.append(line);
                shown++;
            }
        }
        if (shown < total) {
            out.append("\n_")
                    .append(total - shown)
                    .append(" of ")
                    .append(total)
                    .append(" findings are not shown to keep this comment under GitHub's size limit; the job log and ")
                    .append("the SARIF report list them all._\n");
        }
        return out.toString();
    }

    private static String where(Finding f) {
        String display = f.location().display();
        return display.isEmpty() ? "" : "**" + Escapes.markdown(display) + "**: ";
    }

    private static String icon(Verdict.Status status) {
        switch (status) {
            case PASS:
                return "✅";
            case FAIL:
                return "❌";
            case WARN:
                return "⚠️";
            case ERROR:
                return "💥";
            case NOT_APPLICABLE:
                return "⚪";
            default:
                return "➖";
        }
    }
}
