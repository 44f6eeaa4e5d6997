package dev.llmsafe.gate;

import java.util.List;

/**
 * What the gate judges: a workflow run's approvals, who started it, which attempt this is, and who wrote the
 * change it deploys.
 *
 * @param attempt         the run's {@code run_attempt}: 1, or more after a re-run
 * @param actor           the user whose action first triggered the run
 * @param triggeringActor the user who triggered this attempt (differs from {@code actor} on a re-run)
 */
public record RunApprovals(
        long runId,
        int attempt,
        GithubUser actor,
        GithubUser triggeringActor,
        ChangeAuthors change,
        List<Approval> approvals) {
    public RunApprovals {
        approvals = List.copyOf(approvals);
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private long runId;
        private int attempt;
        private GithubUser actor;
        private GithubUser triggeringActor;
        private ChangeAuthors change;
        private List<Approval> approvals;

        private Builder() {}

        public Builder runId(long runId) {
            this.runId = runId;
            return this;
        }

        public Builder attempt(int attempt) {
            this.attempt = attempt;
            return this;
        }

        public Builder actor(GithubUser actor) {
            this.actor = actor;
            return this;
        }

        public Builder triggeringActor(GithubUser triggeringActor) {
            this.triggeringActor = triggeringActor;
            return this;
        }

        public Builder change(ChangeAuthors change) {
            this.change = change;
            return this;
        }

        public Builder approvals(List<Approval> approvals) {
            this.approvals = approvals;
            return this;
        }

        public RunApprovals build() {
            return new RunApprovals(runId, attempt, actor, triggeringActor, change, approvals);
        }
    }
}
