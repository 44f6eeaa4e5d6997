package dev.llmsafe.stack;

import dev.llmsafe.components.RuntimeTarget;

/**
 * The runtime a stack deploys to and why: {@code label preview:cloudrun}, {@code branch rule release/*} or
 * {@code default}. Both end up in the stack outputs and in {@code llmsafe plan}.
 */
public record TargetChoice(RuntimeTarget target, String reason) {
    public static final String DEFAULT_REASON = "default";

    public static TargetChoice byDefault(RuntimeTarget target) {
        return new TargetChoice(target, DEFAULT_REASON);
    }
}
