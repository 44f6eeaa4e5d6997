package dev.llmsafe.audit;

import java.time.Instant;

/**
 * Which rows a report shows: one pull request's, and those in {@code [since, until)}. The chain is always verified
 * whole, and what a pull request is (AI-assisted, approved by) is judged on all of its records, not the rows shown.
 *
 * @param pr null for every pull request (and the records outside any)
 * @param since null for no lower bound; inclusive
 * @param until null for no upper bound; exclusive, so a day is {@code --since D --until D+1}
 */
public record ReportFilter(Integer pr, Instant since, Instant until) {
    public static final ReportFilter NONE = new ReportFilter(null, null, null);

    public ReportFilter {
        if (since != null && until != null && !since.isBefore(until)) {
            throw new IllegalArgumentException("--since " + since + " is not before --until " + until
                    + ": nothing is in between; give --since the earlier time");
        }
    }

    boolean showsPr(Integer timeline) {
        return pr == null || pr.equals(timeline);
    }

    /** Rows whose time cannot be read are shown, flagged, rather than silently left out. */
    boolean showsTime(Instant at) {
        return at == null || (since == null || !at.isBefore(since)) && (until == null || at.isBefore(until));
    }

    boolean isSet() {
        return pr != null || since != null || until != null;
    }
}
