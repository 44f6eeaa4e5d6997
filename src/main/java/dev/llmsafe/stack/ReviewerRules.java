package dev.llmsafe.stack;

import dev.llmsafe.stack.GovernanceSettings.ReviewerSet;
import java.util.HashSet;
import java.util.Set;

/**
 * What reviewer configuration can guarantee before anyone has approved anything. Teams never count here: their
 * members are unknown offline and can change after deployment, so only individually listed users can prove
 * that a second person exists. The {@code gate approvals} command checks the real approvers at deploy time.
 */
public final class ReviewerRules {
    private ReviewerRules() {}

    /**
     * Whether one approval in {@code first} and one in {@code second} can come from two different people: both
     * list a user, and they are not one and the same single user.
     */
    public static boolean canYieldTwoDistinctHumans(ReviewerSet first, ReviewerSet second) {
        if (first.users().isEmpty() || second.users().isEmpty()) {
            return false;
        }
        Set<Long> union = new HashSet<>(first.userIds());
        union.addAll(second.userIds());
        return union.size() >= 2;
    }
}
