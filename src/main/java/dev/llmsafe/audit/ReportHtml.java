package dev.llmsafe.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The audit report as one self-contained HTML page: inline style, no scripts, no external assets. */
public final class ReportHtml {
    private static final String STYLE = """
            body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#1f2328;\
            background:#f6f8fa}main{max-width:1100px;margin:0 auto;padding:24px}h1{margin-top:0}\
            section{background:#fff;border:1px solid #d0d7de;border-radius:8px;padding:16px 20px;margin:16px 0}\
            .status{padding:12px 16px;border-radius:8px;font-weight:600}.ok{background:#dafbe1;color:#116329}\
            .broken{background:#ffebe9;color:#82071e}table{border-collapse:collapse;width:100%;font-size:14px}\
            th,td{text-align:left;padding:6px 8px;border-bottom:1px solid #eaeef2;vertical-align:top}\
            th{background:#f6f8fa}td.num{text-align:right;font-variant-numeric:tabular-nums}\
            tr.problem td{background:#fff8c5}tr.unverified td{background:#ffebe9}.tag{display:inline-block;padding:0 8px;border-radius:10px;\
            font-size:12px;font-weight:600}.ai{background:#ddf4ff;color:#0550ae}.human{background:#eaeef2}\
            code{font:12px ui-monospace,SFMono-Regular,Menlo,monospace;word-break:break-all}\
            .totals td:first-child{width:60%}""";

    private ReportHtml() {}

    public static String render(AuditReport report) {
        StringBuilder h = new StringBuilder(8192);
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">")
                .append("<title>Audit report</title><style>")
                .append(STYLE)
                .append("</style></head><body><main>\n")
                .append("<h1>Audit report</h1><p>Log: <code>")
                .append(esc(report.source()))
                .append("</code></p>\n");
        VerifyResult chain = report.chain();
        h.append("<p class=\"status ")
                .append(chain.intact() ? "ok" : "broken")
                .append("\">")
                .append(esc(ReportText.headline(chain)))
                .append(chain.intact() ? ": " : " ")
                .append(esc(ReportText.detail(chain)))
                .append("</p>\n");
        String filters = ReportText.filters(report.filter());
        if (filters != null) {
            h.append("<p>").append(esc(filters)).append("</p>\n");
        }
        h.append("<section><h2>Totals</h2><table class=\"totals\">");
        for (Map.Entry<String, Long> row : ReportText.totals(report.totals())) {
            h.append("<tr><td>")
                    .append(esc(row.getKey()))
                    .append("</td><td class=\"num\">")
                    .append(row.getValue())
                    .append("</td></tr>");
        }
        h.append("</table></section>\n");
        for (AuditReport.Timeline tl : report.timelines()) {
            h.append("<section><h2>").append(esc(tl.title()));
            if (tl.pr() != null) {
                h.append(" <span class=\"tag ")
                        .append(tl.aiAssisted() ? "ai\">AI-assisted" : "human\">no AI")
                        .append("</span>");
            }
            h.append("</h2>");
            if (tl.repository() != null) {
                h.append("<p>").append(esc(tl.repository())).append("</p>");
            }
            if (tl.pr() != null) {
                h.append("<p>Approved by: ")
                        .append(tl.approvers().isEmpty() ? "nobody" : esc(String.join(", ", tl.approvers())))
                        .append("</p>");
            }
            if (!tl.runs().isEmpty()) {
                List<String> runs = new ArrayList<>();
                tl.runs().forEach(r -> runs.add(link(r)));
                h.append("<p>Workflow runs: ").append(String.join(", ", runs)).append("</p>");
            }
            h.append("<table><thead><tr><th>seq</th><th>time</th><th>kind</th><th>actor</th><th>details</th>")
                    .append("<th>run</th></tr></thead><tbody>\n");
            for (AuditReport.Entry e : tl.entries()) {
                h.append("<tr class=\"")
                        .append(e.unverified() ? "unverified" : e.problem() ? "problem" : "")
                        .append("\"><td class=\"num\">")
                        .append(e.seq() == 0 ? "" : e.seq())
                        .append("</td><td>")
                        .append(esc(e.time()))
                        .append("</td><td>")
                        .append(esc(e.kind()))
                        .append("</td><td>")
                        .append(esc(e.actorText()))
                        .append("</td><td>")
                        .append(e.unverified() ? "<span class=\"tag broken\">unverified</span> " : "")
                        .append(esc(e.summary()))
                        .append("</td><td>")
                        .append(e.run() == null ? "" : link(e.run()))
                        .append("</td></tr>\n");
            }
            h.append("</tbody></table></section>\n");
        }
        return h.append("</main></body></html>\n").toString();
    }

    /** A run as a link to its page (only http(s) URLs RunLink built from checked parts). */
    private static String link(RunLink run) {
        return run.url() == null ? esc(run.id()) : "<a href=\"" + esc(run.url()) + "\">" + esc(run.id()) + "</a>";
    }

    static String esc(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
