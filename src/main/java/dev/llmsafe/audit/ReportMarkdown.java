package dev.llmsafe.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The audit report as GitHub-flavoured Markdown (a job summary, an issue, a file). */
public final class ReportMarkdown {
    private ReportMarkdown() {}

    public static String render(AuditReport report) {
        StringBuilder md = new StringBuilder("# Audit report\n\n");
        md.append("Log: `").append(report.source()).append("`\n\n");
        VerifyResult chain = report.chain();
        md.append(chain.intact() ? "" : "> ")
                .append("**")
                .append(ReportText.headline(chain))
                .append("**")
                .append(chain.intact() ? ": " : " ")
                .append(cell(ReportText.detail(chain)))
                .append("\n\n");
        String filters = ReportText.filters(report.filter());
        if (filters != null) {
            md.append(filters).append("\n\n");
        }
        md.append("## Totals\n\n| | |\n|---|---|\n");
        for (Map.Entry<String, Long> row : ReportText.totals(report.totals())) {
            md.append("| ")
                    .append(row.getKey())
                    .append(" | ")
                    .append(row.getValue())
                    .append(" |\n");
        }
        for (AuditReport.Timeline tl : report.timelines()) {
            md.append("\n## ").append(tl.title());
            if (tl.repository() != null) {
                md.append(" (").append(cell(tl.repository())).append(")");
            }
            md.append("\n\n");
            if (tl.pr() != null) {
                md.append("- AI-assisted: **")
                        .append(tl.aiAssisted() ? "yes" : "no")
                        .append("**\n");
                md.append("- Approved by: ")
                        .append(tl.approvers().isEmpty() ? "nobody" : cell(String.join(", ", tl.approvers())))
                        .append("\n");
            }
            if (!tl.runs().isEmpty()) {
                List<String> runs = new ArrayList<>();
                tl.runs().forEach(r -> runs.add(link(r)));
                md.append("- Workflow runs: ").append(String.join(", ", runs)).append("\n");
            }
            md.append("\n| seq | time | kind | actor | details | run |\n|---:|---|---|---|---|---|\n");
            for (AuditReport.Entry e : tl.entries()) {
                md.append("| ")
                        .append(e.seq() == 0 ? "" : e.seq())
                        .append(" | ")
                        .append(cell(e.time()))
                        .append(" | ")
                        .append(e.problem() ? "**" + cell(e.kind()) + "** ⚠" : cell(e.kind()))
                        .append(" | ")
                        .append(cell(e.actorText()))
                        .append(" | ")
                        .append(e.unverified() ? "⚠ **unverified**: " : "")
                        .append(cell(e.summary()))
                        .append(" | ")
                        .append(e.run() == null ? "" : link(e.run()))
                        .append(" |\n");
            }
        }
        return md.toString();
    }

    /** A run as a link to its page; RunLink admits only URLs and ids that need no escaping. */
    private static String link(RunLink run) {
        return run.url() == null ? cell(run.id()) : "[" + run.id() + "](" + run.url() + ")";
    }

    /** Text safe inside a table cell: no pipes, newlines or markup from record content. */
    static String cell(String text) {
        return text.replace("\\", "\\\\")
                .replace("|", "\\|")
                .replace("\r", " ")
                .replace("\n", " ")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("`", "\\`")
                .replace("*", "\\*")
                .replace("_", "\\_")
                .replace("[", "\\[")
                .replace("]", "\\]");
    }
}
