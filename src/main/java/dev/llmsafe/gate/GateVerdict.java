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
public record GateVerdict(int minHumans, List<String> environments, List<Counted> counted, List<NotCounted> notCounted,
                          List<Contribution> authors, List<String> failures) {

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
}
