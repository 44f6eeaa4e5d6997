package dev.llmsafe.policy.rules;

import dev.llmsafe.policy.Judgement;
import dev.llmsafe.policy.PolicyInput;
import dev.llmsafe.stack.StackKind;

/** The preview rules judge review stacks only: on a stack of another kind there is nothing of theirs to judge. */
final class ReviewOnly {
    private ReviewOnly() {}

    static boolean outside(PolicyInput input) {
        return !input.isKind(StackKind.REVIEW);
    }

    static Judgement notApplicable(PolicyInput input) {
        return Judgement.notApplicable("judges review stacks only; this is a "
                + input.kind().map(StackKind::configValue).orElse("unknown") + " stack");
    }
}
