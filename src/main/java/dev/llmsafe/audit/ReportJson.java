package dev.llmsafe.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Locale;

/**
 * The audit report as JSON for tools, in the shape docs/auditor-guide.md documents ("The JSON report"): version
 * 1, every key always present (null where unknown), so a reader never guesses between absent and empty. A change
 * that removes or renames a key is a new version.
 */
public final class ReportJson {
    public static final int VERSION = 1;

    private ReportJson() {}

    public static String render(AuditReport report) {
        ObjectNode root =
                AuditJson.MAPPER.createObjectNode().put("version", VERSION).put("log", report.source());
        VerifyResult chain = report.chain();
        ObjectNode c = root.putObject("chain")
                .put("intact", chain.intact())
                .put("verifiedRecords", chain.records())
                .put("head", chain.head());
        chain.failure()
                .ifPresentOrElse(
                        b -> c.putObject("break")
                                .put("seq", b.seq())
                                .put("reason", b.reason().phrase())
                                .put("detail", b.detail()),
                        () -> c.putNull("break"));
        ReportFilter f = report.filter();
        ObjectNode filters = root.putObject("filters");
        if (f.pr() == null) {
            filters.putNull("pr");
        } else {
            filters.put("pr", f.pr());
        }
        filters.put("since", text(f.since())).put("until", text(f.until()));
        AuditReport.Totals t = report.totals();
        ObjectNode totals = root.putObject("totals")
                .put("records", t.records())
                .put("unverifiedRecords", t.unverifiedRecords())
                .put("unreadableLines", t.unreadableLines())
                .put("pullRequests", t.pullRequests())
                .put("aiAssistedPullRequests", t.aiAssistedPullRequests());
        ObjectNode byActor = totals.putObject("byActorKind");
        t.byActorKind().forEach(byActor::put);
        totals.put("policyFailures", t.policyFailures())
                .put("previewsDeployed", t.previewsDeployed())
                .put("previewsDestroyed", t.previewsDestroyed())
                .put("approvals", t.approvals())
                .put("promotions", t.promotions())
                .put("historyEntriesJoined", t.historyEntries())
                .put("historyEntriesInLog", t.historyInLog());
        var timelines = root.putArray("timelines");
        for (AuditReport.Timeline tl : report.timelines()) {
            ObjectNode o = timelines.addObject();
            if (tl.pr() == null) {
                o.putNull("pr");
            } else {
                o.put("pr", tl.pr());
            }
            o.put("repository", tl.repository()).put("aiAssisted", tl.aiAssisted());
            tl.approvers().forEach(o.putArray("approvers")::add);
            var runs = o.putArray("runs");
            tl.runs().forEach(r -> run(runs.addObject(), r));
            var entries = o.putArray("entries");
            tl.entries().forEach(e -> entry(entries.addObject(), e));
        }
        try {
            return AuditJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a report tree always serialises", e);
        }
    }

    private static void entry(ObjectNode o, AuditReport.Entry e) {
        if (e.seq() == 0) {
            o.putNull("seq");
        } else {
            o.put("seq", e.seq());
        }
        o.put("time", e.time().isEmpty() ? null : e.time())
                .put("recorded", e.recorded())
                .put("kind", e.kind());
        if (e.actor() == null) {
            o.putNull("actor");
        } else {
            o.putObject("actor")
                    .put("kind", e.actor().kind())
                    .put("login", e.actor().login())
                    .put("agent", e.actor().agent())
                    .put("model", e.actor().model());
        }
        o.put("summary", e.summary())
                .put("problem", e.problem())
                .put("verified", e.verified())
                .put("source", e.source().name().toLowerCase(Locale.ROOT))
                .put("commit", e.commit())
                .put("stack", e.stack());
        if (e.run() == null) {
            o.putNull("run");
        } else {
            run(o.putObject("run"), e.run());
        }
    }

    private static void run(ObjectNode o, RunLink r) {
        o.put("id", r.id()).put("url", r.url());
    }

    private static String text(Instant at) {
        return at == null ? null : at.toString();
    }
}
