package dev.llmsafe.stack;

import java.util.List;
import java.util.stream.Collectors;

/** Every problem found in a stack's configuration, reported together so one run shows them all. */
public final class InvalidConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient List<ConfigProblem> problems;

    public InvalidConfigException(String stack, List<ConfigProblem> problems) {
        super(render(stack, problems));
        this.problems = List.copyOf(problems);
    }

    public List<ConfigProblem> problems() {
        return problems;
    }

    private static String render(String stack, List<ConfigProblem> problems) {
        return "stack " + stack + " has " + problems.size() + " configuration problem"
                + (problems.size() == 1 ? "" : "s") + ":\n"
                + problems.stream().map(p -> "  - " + p.describe()).collect(Collectors.joining("\n"));
    }
}
