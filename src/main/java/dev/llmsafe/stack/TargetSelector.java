package dev.llmsafe.stack;

import dev.llmsafe.components.RuntimeTarget;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The runtime toggle of pull-request previews. Precedence, highest first:
 * <ol>
 *   <li>a pull-request label {@code preview:railway} or {@code preview:cloudrun} (a person asked for it);</li>
 *   <li>the first branch rule, in config order, whose pattern matches the head branch;</li>
 *   <li>the stack's default target ({@code runtimeTarget}).</li>
 * </ol>
 */
public final class TargetSelector {
    private TargetSelector() {}

    public static TargetChoice choose(
            RuntimeTarget defaultTarget, List<BranchRule> rules, List<String> labels, String branch) {
        Set<RuntimeTarget> labelled = labelledTargets(labels);
        if (labelled.size() > 1) {
            throw new IllegalArgumentException("the pull request has labels for more than one runtime: "
                    + labelled.stream().map(RuntimeTarget::label).toList() + "; keep one");
        }
        Optional<RuntimeTarget> label = labelled.stream().findFirst();
        if (label.isPresent()) {
            return new TargetChoice(label.get(), "label " + label.get().label());
        }
        for (BranchRule rule : rules) {
            if (rule.matches(branch)) {
                return new TargetChoice(rule.target(), "branch rule " + rule.pattern());
            }
        }
        return TargetChoice.byDefault(defaultTarget);
    }

    /** The targets the labels ask for; more than one is a conflict the caller reports. */
    public static Set<RuntimeTarget> labelledTargets(List<String> labels) {
        Set<RuntimeTarget> targets = new LinkedHashSet<>();
        for (String label : labels) {
            RuntimeTarget.fromLabel(label.trim().toLowerCase(Locale.ROOT)).ifPresent(targets::add);
        }
        return targets;
    }
}
