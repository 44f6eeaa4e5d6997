package dev.llmsafe.audit;

import dev.llmsafe.identity.ActorKind;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The log read for people: one timeline per pull request (and one for everything outside pull requests), with
 * Pulumi's stack history joined in where given, plus totals. Every line of the log is shown; those after a break
 * in the chain are marked unverified. Renderers turn it into Markdown, HTML or JSON.
 */
public record AuditReport(
        VerifyResult chain, String source, ReportFilter filter, List<Timeline> timelines, Totals totals) {

    /** Where a row comes from: a record of the log, a joined {@code --history} entry, or a line that is no record. */
    public enum Source {
        LOG,
        HISTORY,
        UNREADABLE
    }

    /**
     * One row of a timeline.
     *
     * @param seq the record's seq; 0 for a joined history entry or a line that is no record
     * @param time when it happened, as written: the record's time, or for a Pulumi update its start
     * @param at {@code time} as an instant; null when it cannot be read (such a row is shown under any filter)
     * @param recorded when the log got the row, where that is not {@code time} (imported history); else null
     * @param actor null where nobody is recorded (Pulumi's history, a line that is no record)
     * @param verified whether the chain vouches for the row: false from a break on, and for joined history
     */
    public record Entry(
            long seq,
            String time,
            Instant at,
            String recorded,
            String kind,
            Actor actor,
            String summary,
            boolean problem,
            boolean verified,
            String commit,
            String stack,
            RunLink run,
            Source source) {
        /** The actor as one cell: login (kind, agent, model). */
        public String actorText() {
            if (actor == null) {
                return source == Source.HISTORY ? "(not recorded by Pulumi)" : "";
            }
            return actor.login() + " (" + actor.kind() + (actor.agent() == null ? "" : ", " + actor.agent())
                    + (actor.model() == null ? "" : ", " + actor.model()) + ")";
        }

        /** A row of the log the chain does not vouch for: shown, and flagged. */
        public boolean unverified() {
            return !verified && source != Source.HISTORY;
        }

        /** Unset fields stay empty: seq 0, false or null. */
        static Builder builder(Source source) {
            return new Builder(source);
        }

        static final class Builder {
            private final Source source;
            private long seq;
            private String time;
            private Instant at;
            private String recorded;
            private String kind;
            private Actor actor;
            private String summary;
            private boolean problem;
            private boolean verified;
            private String commit;
            private String stack;
            private RunLink run;

            private Builder(Source source) {
                this.source = source;
            }

            Builder seq(long seq) {
                this.seq = seq;
                return this;
            }

            Builder time(String time) {
                this.time = time;
                return this;
            }

            Builder at(Instant at) {
                this.at = at;
                return this;
            }

            Builder recorded(String recorded) {
                this.recorded = recorded;
                return this;
            }

            Builder kind(String kind) {
                this.kind = kind;
                return this;
            }

            Builder actor(Actor actor) {
                this.actor = actor;
                return this;
            }

            Builder summary(String summary) {
                this.summary = summary;
                return this;
            }

            Builder problem(boolean problem) {
                this.problem = problem;
                return this;
            }

            Builder verified(boolean verified) {
                this.verified = verified;
                return this;
            }

            Builder commit(String commit) {
                this.commit = commit;
                return this;
            }

            Builder stack(String stack) {
                this.stack = stack;
                return this;
            }

            Builder run(RunLink run) {
                this.run = run;
                return this;
            }

            Entry build() {
                return new Entry(
                        seq, time, at, recorded, kind, actor, summary, problem, verified, commit, stack, run, source);
            }
        }
    }

    /**
     * @param pr null for the timeline of records outside any pull request
     * @param runs the workflow runs its records came from, in the order they first appear
     */
    public record Timeline(
            Integer pr,
            String repository,
            boolean aiAssisted,
            List<String> approvers,
            List<RunLink> runs,
            List<Entry> entries) {
        public String title() {
            return pr == null ? "Outside pull requests" : "Pull request #" + pr;
        }

        /** The {@code entries} shown of a pull request, judged on all its {@code lines} whatever the filter shows. */
        static Timeline of(Integer pr, List<LogLines.Line> lines, List<Entry> entries) {
            TreeSet<String> approvers = new TreeSet<>();
            Map<String, RunLink> runs = new LinkedHashMap<>();
            boolean ai = false;
            String repository = null;
            for (LogLines.Line line : lines) {
                AuditRecord r = line.record();
                if (r == null) {
                    continue;
                }
                ai |= ActorKind.AI.value().equals(r.actor().kind())
                        || r.subject().aiTrailer() != null
                        || RecordKinds.AI_ACTIVITY.equals(r.kind())
                        || aiClassified(r);
                if (RecordKinds.APPROVAL.equals(r.kind())) {
                    approvers.add(r.actor().login() + " (" + r.actor().kind() + (line.verified() ? "" : ", unverified")
                            + ")");
                }
                RunLink run = RecordSummaries.run(r);
                if (run != null) {
                    runs.merge(run.id(), run, (had, now) -> had.url() != null ? had : now);
                }
                repository = repository == null ? r.subject().repository() : repository;
            }
            return new Timeline(
                    pr, repository, ai, List.copyOf(approvers), List.copyOf(runs.values()), List.copyOf(entries));
        }
    }

    /** Counts of the rows shown; {@code historyInLog}: --history entries left out as already imported. */
    public record Totals(
            long records,
            long unverifiedRecords,
            long unreadableLines,
            int pullRequests,
            int aiAssistedPullRequests,
            Map<String, Long> byActorKind,
            long policyFailures,
            long previewsDeployed,
            long previewsDestroyed,
            long approvals,
            long promotions,
            long historyEntries,
            long historyInLog) {

        static Totals count(List<Timeline> timelines, long historyInLog) {
            Map<String, Long> byActor = new TreeMap<>();
            Map<String, Long> byKind = new HashMap<>();
            long records = 0;
            long unverified = 0;
            long unreadable = 0;
            long joined = 0;
            long failures = 0;
            int prs = 0;
            int aiPrs = 0;
            for (Timeline t : timelines) {
                prs += t.pr() == null ? 0 : 1;
                aiPrs += t.pr() != null && t.aiAssisted() ? 1 : 0;
                for (Entry e : t.entries()) {
                    joined += e.source() == Source.HISTORY ? 1 : 0;
                    unreadable += e.source() == Source.UNREADABLE ? 1 : 0;
                    if (e.source() == Source.LOG) {
                        records++;
                        unverified += e.verified() ? 0 : 1;
                        byActor.merge(e.actor().kind(), 1L, Long::sum);
                        byKind.merge(e.kind(), 1L, Long::sum);
                        failures += RecordKinds.POLICY_RESULT.equals(e.kind()) && e.problem() ? 1 : 0;
                    }
                }
            }
            return new Totals(
                    records,
                    unverified,
                    unreadable,
                    prs,
                    aiPrs,
                    byActor,
                    failures,
                    byKind.getOrDefault(RecordKinds.PREVIEW_DEPLOYED, 0L),
                    byKind.getOrDefault(RecordKinds.PREVIEW_DESTROYED, 0L),
                    byKind.getOrDefault(RecordKinds.APPROVAL, 0L),
                    byKind.getOrDefault(RecordKinds.PROMOTION, 0L),
                    joined,
                    historyInLog);
        }
    }

    /**
     * Builds the report from every line of the log; the entries of {@code history} are joined where the log does not
     * hold them already.
     */
    public static AuditReport build(
            VerifyResult chain, String source, List<LogLines.Line> lines, StackHistory history, ReportFilter filter) {
        ReportTimelines shown = ReportTimelines.of(lines, history, filter);
        return new AuditReport(
                chain, source, filter, shown.timelines(), Totals.count(shown.timelines(), shown.alreadyInLog()));
    }

    private static boolean aiClassified(AuditRecord r) {
        return RecordKinds.CHANGE_CLASSIFIED.equals(r.kind())
                && r.payload().path("aiAssisted").asBoolean(false);
    }
}
