package dev.llmsafe.audit;

import java.util.Map;

/** The audit report as GitHub-flavoured Markdown (a job summary, an issue, a file). */
public final class ReportMarkdown {
    private ReportMarkdown() {
    }

    public static String render(AuditReport report) {
        StringBuilder md = new StringBuilder("# Audit report\n\n");
        md.append("Log: `").append(report.source()).append("`\n\n");
        VerifyResult chain = report.chain();
        if (chain.intact()) {
            md.append("**Chain intact**: ").append(chain.records()).append(" records, head `")
                    .append(chain.head()).append("`.\n\n");
        } else {
            md.append("> **CHAIN BROKEN** at ").append(cell(chain.failure().orElseThrow().toString()))
                    .append(". Only the ").append(chain.records())
                    .append(" records before the break are verified; do not rely on the rest.\n\n");
        }
        AuditReport.Totals t = report.totals();
        md.append("## Totals\n\n| | |\n|---|---|\n");
        row(md, "records", t.records());
        row(md, "pull requests", t.pullRequests());
        row(md, "AI-assisted pull requests", t.aiAssistedPullRequests());
        for (Map.Entry<String, Long> e : t.byActorKind().entrySet()) {
            row(md, "records by " + e.getKey() + " actors", e.getValue());
        }
        row(md, "failed policy checks", t.policyFailures());
        row(md, "previews deployed", t.previewsDeployed());
        row(md, "previews destroyed", t.previewsDestroyed());
        row(md, "approvals", t.approvals());
        row(md, "promotions", t.promotions());
        if (t.historyEntries() > 0) {
            row(md, "Pulumi history entries joined", t.historyEntries());
        }
        for (AuditReport.Timeline tl : report.timelines()) {
            md.append("\n## ").append(tl.title());
            if (tl.repository() != null) {
                md.append(" (").append(cell(tl.repository())).append(")");
            }
            md.append("\n\n");
            if (tl.pr() != null) {
                md.append("- AI-assisted: **").append(tl.aiAssisted() ? "yes" : "no").append("**\n");
                md.append("- Approved by: ").append(tl.approvers().isEmpty() ? "nobody"
                        : cell(String.join(", ", tl.approvers()))).append("\n\n");
            }
            md.append("| seq | time | kind | actor | details |\n|---:|---|---|---|---|\n");
            for (AuditReport.Entry e : tl.entries()) {
                md.append("| ").append(e.seq() == 0 ? "" : e.seq()).append(" | ").append(cell(e.time()))
                        .append(" | ").append(e.problem() ? "**" + cell(e.kind()) + "** ⚠" : cell(e.kind()))
                        .append(" | ").append(cell(e.actor())).append(" | ").append(cell(e.summary())).append(" |\n");
            }
        }
        return md.toString();
    }

    private static void row(StringBuilder md, String label, long value) {
        md.append("| ").append(label).append(" | ").append(value).append(" |\n");
    }

    /** Text safe inside a table cell: no pipes, newlines or markup from record content. */
    static String cell(String text) {
        return text.replace("\\", "\\\\").replace("|", "\\|").replace("\r", " ").replace("\n", " ")
                .replace("<", "&lt;").replace(">", "&gt;").replace("`", "\\`").replace("*", "\\*")
                .replace("_", "\\_").replace("[", "\\[").replace("]", "\\]");
    }
}
