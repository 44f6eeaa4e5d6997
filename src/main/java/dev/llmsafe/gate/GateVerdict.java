package dev.llmsafe.gate;

import java.util.List;

/**
 * The gate's decision and everything behind it, so a failed deployment says exactly whose approval did not count.
 *
 * @param counted    the distinct people who count, each with the environments they approved
 * @param notCounted every approval that did not count, and why
 * @param authors    who wrote the change (none of them counts)
 * @param failures   why the gate failed; empty exactly when it passed
 */
public record GateVerdict(
        int minHumans,
        List<String> environments,
        List<Counted> counted,
        List<NotCounted> notCounted,
        List<Contribution> authors,
        List<String> failures) {

    public record Counted(GithubUser user, List<String> environments) {
        public Counted {
            environments = List.copyOf(environments);
        }
    }

    public record NotCounted(GithubUser user, List<String> environments, String reason) {
        public NotCounted {
            environments = List.copyOf(environments);
        }
    }

    public GateVerdict {
        environments = List.copyOf(environments);
        counted = List.copyOf(counted);
        notCounted = List.copyOf(notCounted);
        authors = List.copyOf(authors);
        failures = List.copyOf(failures);
    }

    public boolean passed() {
        return failures.isEmpty();
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private int minHumans;
        private List<String> environments;
        private List<Counted> counted;
        private List<NotCounted> notCounted;
        private List<Contribution> authors;
        private List<String> failures;

        private Builder() {}

        public Builder minHumans(int minHumans) {
            this.minHumans = minHumans;
            return this;
        }

        public Builder environments(List<String> environments) {
            this.environments = environments;
            return this;
        }

        public Builder counted(List<Counted> counted) {
            this.counted = counted;
            return this;
        }

        public Builder notCounted(List<NotCounted> notCounted) {
            this.notCounted = notCounted;
            return this;
        }

        public Builder authors(List<Contribution> authors) {
            this.authors = authors;
            return this;
        }

        public Builder failures(List<String> failures) {
            this.failures = failures;
            return this;
        }

        public GateVerdict build() {
            return new GateVerdict(minHumans, environments, counted, notCounted, authors, failures);
        }
    }
}
