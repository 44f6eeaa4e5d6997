package dev.llmsafe.audit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmsafe.identity.ActorKind;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The log read for people: one timeline per pull request (and one for everything outside pull requests),
 * with Pulumi's stack history joined in where given, plus totals. Renderers turn it into Markdown or HTML.
 */
public record AuditReport(VerifyResult chain, String source, List<Timeline> timelines, Totals totals) {

    /** One row of a timeline: a record, or a joined {@code pulumi stack history} entry (seq 0). */
    public record Entry(long seq, String time, String kind, String actor, String summary, boolean problem) {
    }

    /** @param pr null for the timeline of records outside any pull request */
    public record Timeline(Integer pr, String repository, boolean aiAssisted, List<String> approvers,
                           List<Entry> entries) {
        public String title() {
            return pr == null ? "Outside pull requests" : "Pull request #" + pr;
        }
    }

    public record Totals(long records, int pullRequests, int aiAssistedPullRequests, Map<String, Long> byActorKind,
                         long policyFailures, long previewsDeployed, long previewsDestroyed, long approvals,
                         long promotions, long historyEntries) {
    }

    /** Builds the report; {@code history} holds {@code pulumi stack history --json} entries of {@code historyStack}. */
    public static AuditReport build(VerifyResult chain, String source, List<AuditRecord> records,
                                    List<JsonNode> history, String historyStack) {
        Map<Integer, List<AuditRecord>> byPr = new TreeMap<>(Comparator.nullsLast(Comparator.naturalOrder()));
        Map<String, Integer> prByCommit = new LinkedHashMap<>();
        for (AuditRecord r : records) {
            byPr.computeIfAbsent(r.subject().pr(), k -> new ArrayList<>()).add(r);
            if (r.subject().pr() != null && r.subject().commit() != null) {
                prByCommit.put(r.subject().commit(), r.subject().pr());
            }
        }
        Map<Integer, List<Entry>> joined = new LinkedHashMap<>();
        for (JsonNode h : history) {
            Integer pr = historyPr(h).orElseGet(() -> prByCommit.get(h.path("environment").path("git.head").asText()));
            joined.computeIfAbsent(pr, k -> new ArrayList<>()).add(RecordSummaries.history(h, historyStack));
            byPr.computeIfAbsent(pr, k -> new ArrayList<>());
        }
        List<Timeline> timelines = new ArrayList<>();
        int aiPrs = 0;
        for (Map.Entry<Integer, List<AuditRecord>> e : byPr.entrySet()) {
            List<Entry> entries = new ArrayList<>();
            TreeSet<String> approvers = new TreeSet<>();
            boolean ai = false;
            String repository = null;
            for (AuditRecord r : e.getValue()) {
                entries.add(RecordSummaries.entry(r));
                ai |= ActorKind.AI.value().equals(r.actor().kind()) || r.subject().aiTrailer() != null
                        || RecordKinds.AI_ACTIVITY.equals(r.kind()) || aiClassified(r);
                if (RecordKinds.APPROVAL.equals(r.kind())) {
                    approvers.add(r.actor().login() + " (" + r.actor().kind() + ")");
                }
                repository = repository == null ? r.subject().repository() : repository;
            }
            entries.addAll(joined.getOrDefault(e.getKey(), List.of()));
            entries.sort(Comparator.comparing(Entry::time).thenComparingLong(Entry::seq));
            if (ai && e.getKey() != null) {
                aiPrs++;
            }
            timelines.add(new Timeline(e.getKey(), repository, ai, List.copyOf(approvers), List.copyOf(entries)));
        }
        int prs = (int) byPr.keySet().stream().filter(java.util.Objects::nonNull).count();
        return new AuditReport(chain, source, List.copyOf(timelines), totals(records, prs, aiPrs, history.size()));
    }

    private static boolean aiClassified(AuditRecord r) {
        return RecordKinds.CHANGE_CLASSIFIED.equals(r.kind()) && r.payload().path("aiAssisted").asBoolean(false);
    }

    private static Optional<Integer> historyPr(JsonNode h) {
        String pr = h.path("environment").path("ci.pr.number").asText("");
        return pr.matches("[1-9][0-9]{0,8}") ? Optional.of(Integer.valueOf(pr)) : Optional.empty();
    }

    private static Totals totals(List<AuditRecord> records, int prs, int aiPrs, int historyEntries) {
        Map<String, Long> byActor = new TreeMap<>();
        long failures = 0;
        long deployed = 0;
        long destroyed = 0;
        long approvals = 0;
        long promotions = 0;
        for (AuditRecord r : records) {
            byActor.merge(r.actor().kind(), 1L, Long::sum);
            switch (r.kind()) {
                case RecordKinds.POLICY_RESULT -> failures += RecordSummaries.policyFailed(r) ? 1 : 0;
                case RecordKinds.PREVIEW_DEPLOYED -> deployed++;
                case RecordKinds.PREVIEW_DESTROYED -> destroyed++;
                case RecordKinds.APPROVAL -> approvals++;
                case RecordKinds.PROMOTION -> promotions++;
                default -> {
                }
            }
        }
        return new Totals(records.size(), prs, aiPrs, byActor, failures, deployed, destroyed, approvals, promotions,
                historyEntries);
    }
}
