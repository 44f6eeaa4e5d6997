package dev.llmsafe.policy.workflow;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The local actions and reusable workflows that a repository's workflows call ({@code uses: ./...}), as read
 * from the repository, with why each one that could not be read was not.
 *
 * @param read whether a repository was read at all (a workflow parsed on its own has no repository)
 */
public record LocalActions(
        Map<String, LocalAction> actions,
        Map<String, String> actionProblems,
        Set<String> workflows,
        Map<String, String> workflowProblems,
        boolean read) {
    public static final LocalActions NONE = new LocalActions(Map.of(), Map.of(), Set.of(), Map.of(), false);
    /** GitHub's own limit on composite actions calling composite actions. */
    public static final int MAX_NESTING = 10;

    public LocalActions {
        actions = Map.copyOf(actions);
        actionProblems = Map.copyOf(actionProblems);
        workflows = Set.copyOf(workflows);
        workflowProblems = Map.copyOf(workflowProblems);
    }

    /** Whether {@code uses:} names something of the repository itself. */
    public static boolean isLocal(String uses) {
        return uses != null && uses.trim().startsWith("./");
    }

    /** {@code ./.github/actions/x/} as a path from the repository root: {@code .github/actions/x}. */
    public static String key(String uses) {
        String k = uses.trim().substring(2);
        while (k.endsWith("/")) {
            k = k.substring(0, k.length() - 1);
        }
        return k;
    }

    public Optional<LocalAction> action(String uses) {
        return Optional.ofNullable(actions.get(key(uses)));
    }

    /** Why the action named by {@code uses:} cannot be judged, or empty when it was read. */
    public Optional<String> actionProblem(String uses) {
        String key = key(uses);
        if (actions.containsKey(key)) {
            return Optional.empty();
        }
        return Optional.of(actionProblems.getOrDefault(key, read ? "it was not read" : "no repository was read"));
    }

    /** Why the reusable workflow named by a job's {@code uses:} cannot be judged, or empty when it is judged. */
    public Optional<String> workflowProblem(String uses) {
        String key = key(uses);
        if (workflows.contains(key)) {
            return Optional.empty();
        }
        return Optional.of(workflowProblems.getOrDefault(key, read ? "it was not read" : "no repository was read"));
    }
}
