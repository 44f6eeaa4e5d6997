package dev.llmsafe.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The words every report format shares: the chain's status, the filters, the totals; renderers only mark them up. */
final class ReportText {
    private ReportText() {}

    static String headline(VerifyResult chain) {
        return chain.intact() ? "Chain intact" : "CHAIN BROKEN";
    }

    static String detail(VerifyResult chain) {
        if (chain.intact()) {
            return chain.records() + " records, head " + chain.head() + ".";
        }
        String before = chain.records() == 0
                ? "No record before the break is verified"
                : chain.records() == 1
                        ? "The record before the break is verified"
                        : "The " + chain.records() + " records before the break are verified";
        return "at " + chain.failure().orElseThrow() + ". " + before + "; every line from the break on is still "
                + "shown, marked unverified: do not rely on those.";
    }

    /** What the filters leave out, or null when there are none. */
    static String filters(ReportFilter f) {
        if (!f.isSet()) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        if (f.pr() != null) {
            parts.add("pull request #" + f.pr());
        }
        if (f.since() != null) {
            parts.add("from " + f.since());
        }
        if (f.until() != null) {
            parts.add("before " + f.until());
        }
        return "Shown: " + String.join(", ", parts) + ". The chain is verified whole, and each pull request is "
                + "judged on all of its records.";
    }

    /** The totals as label and count, in the order shown; counts that are zero and rarely so are left out. */
    static List<Map.Entry<String, Long>> totals(AuditReport.Totals t) {
        List<Map.Entry<String, Long>> rows = new ArrayList<>();
        rows.add(Map.entry("records", t.records()));
        if (t.unverifiedRecords() > 0) {
            rows.add(Map.entry("unverified records (after the break)", t.unverifiedRecords()));
        }
        if (t.unreadableLines() > 0) {
            rows.add(Map.entry("lines that are no record", t.unreadableLines()));
        }
        rows.add(Map.entry("pull requests", (long) t.pullRequests()));
        rows.add(Map.entry("AI-assisted pull requests", (long) t.aiAssistedPullRequests()));
        t.byActorKind().forEach((kind, n) -> rows.add(Map.entry("records by " + kind + " actors", n)));
        rows.add(Map.entry("failed policy checks", t.policyFailures()));
        rows.add(Map.entry("previews deployed", t.previewsDeployed()));
        rows.add(Map.entry("previews destroyed", t.previewsDestroyed()));
        rows.add(Map.entry("approvals", t.approvals()));
        rows.add(Map.entry("promotions", t.promotions()));
        if (t.historyEntries() > 0) {
            rows.add(Map.entry("Pulumi history entries joined", t.historyEntries()));
        }
        if (t.historyInLog() > 0) {
            rows.add(Map.entry("Pulumi history entries already in the log (not joined again)", t.historyInLog()));
        }
        return rows;
    }
}
