package dev.llmsafe.policy;

import dev.llmsafe.stack.StackKind;
import java.util.Map;
import java.util.Optional;

/** A rule's levels from policy.yaml: one for every stack kind, and overrides for some kinds. */
public record RuleLevels(Optional<EnforcementLevel> level, Map<StackKind, EnforcementLevel> byKind) {
    public RuleLevels {
        byKind = Map.copyOf(byKind);
    }

    public EnforcementLevel resolve(EnforcementLevel defaultLevel, Optional<StackKind> kind) {
        if (kind.isPresent() && byKind.containsKey(kind.get())) {
            return byKind.get(kind.get());
        }
        return level.orElse(defaultLevel);
    }
}
