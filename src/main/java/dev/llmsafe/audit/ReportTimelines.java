package dev.llmsafe.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The timelines an {@link AuditReport} shows: the log's lines grouped by pull request, with the entries of Pulumi's
 * stack history joined in where the log does not hold them already, each kept or left out by the report's filter.
 *
 * @param alreadyInLog the history entries left out because the log holds them as imported records
 */
record ReportTimelines(List<AuditReport.Timeline> timelines, long alreadyInLog) {
    static ReportTimelines of(List<LogLines.Line> lines, StackHistory history, ReportFilter filter) {
        Map<Integer, List<LogLines.Line>> byPr = new TreeMap<>(Comparator.nullsLast(Comparator.naturalOrder()));
        Map<String, Integer> prByCommit = new LinkedHashMap<>();
        List<AuditRecord> records = new ArrayList<>();
        for (LogLines.Line line : lines) {
            AuditRecord r = line.record();
            byPr.computeIfAbsent(r == null ? null : r.subject().pr(), k -> new ArrayList<>())
                    .add(line);
            if (r != null) {
                records.add(r);
                if (r.subject().pr() != null && r.subject().commit() != null) {
                    prByCommit.put(r.subject().commit(), r.subject().pr());
                }
            }
        }
        // An entry imported already is in the log as a stack.history record: joining it again would show it twice.
        Map<String, Integer> inLog = StackHistoryImport.present(records, history.stack());
        Map<String, Integer> seen = new HashMap<>();
        Map<Integer, List<AuditReport.Entry>> joined = new LinkedHashMap<>();
        long alreadyInLog = 0;
        for (JsonNode h : history.entries()) {
            String key = StackHistoryImport.key(h);
            if (seen.merge(key, 1, Integer::sum) <= inLog.getOrDefault(key, 0)) {
                alreadyInLog++;
                continue;
            }
            Integer pr = historyPr(h)
                    .orElseGet(() -> prByCommit.get(
                            h.path("environment").path("git.head").asText()));
            joined.computeIfAbsent(pr, k -> new ArrayList<>()).add(RecordSummaries.history(h, history.stack()));
            byPr.computeIfAbsent(pr, k -> new ArrayList<>());
        }
        List<AuditReport.Timeline> timelines = new ArrayList<>();
        for (Map.Entry<Integer, List<LogLines.Line>> e : byPr.entrySet()) {
            if (!filter.showsPr(e.getKey())) {
                continue;
            }
            List<AuditReport.Entry> entries = new ArrayList<>();
            for (LogLines.Line line : e.getValue()) {
                entries.add(
                        line.record() == null
                                ? RecordSummaries.unreadable(line)
                                : RecordSummaries.entry(line.record(), line.verified()));
            }
            entries.addAll(joined.getOrDefault(e.getKey(), List.of()));
            entries.removeIf(entry -> !filter.showsTime(entry.at()));
            entries.sort(Comparator.comparing(AuditReport.Entry::at, Comparator.nullsLast(Comparator.naturalOrder()))
                    .thenComparingLong(AuditReport.Entry::seq));
            if (!entries.isEmpty()) {
                timelines.add(AuditReport.Timeline.of(e.getKey(), e.getValue(), entries));
            }
        }
        return new ReportTimelines(List.copyOf(timelines), alreadyInLog);
    }

    private static Optional<Integer> historyPr(JsonNode h) {
        String pr = h.path("environment").path("ci.pr.number").asText("");
        return pr.matches("[1-9][0-9]{0,8}") ? Optional.of(Integer.valueOf(pr)) : Optional.empty();
    }
}
