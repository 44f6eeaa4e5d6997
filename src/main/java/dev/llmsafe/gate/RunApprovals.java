package dev.llmsafe.gate;

import java.util.List;

/**
 * What the gate judges: a workflow run's approvals and who started it.
 *
 * @param actor           the user whose action first triggered the run
 * @param triggeringActor the user who triggered this attempt (differs from {@code actor} on a re-run)
 */
public record RunApprovals(long runId, GithubUser actor, GithubUser triggeringActor, List<Approval> approvals) {
    public RunApprovals {
        approvals = List.copyOf(approvals);
    }
}
