package dev.llmsafe.stack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmsafe.stack.GovernanceSettings.Account;
import dev.llmsafe.stack.GovernanceSettings.ReviewerSet;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class ReviewerRulesTest {

    private static ReviewerSet users(List<Integer> ids) {
        return new ReviewerSet(
                ids.stream().distinct().map(i -> new Account("user" + i, i)).toList(), List.of());
    }

    @Test
    void oneSharedPersonIsNotEnoughButASecondPersonAnywhereIs() {
        assertThat(ReviewerRules.canYieldTwoDistinctHumans(users(List.of(1)), users(List.of(1))))
                .isFalse();
        assertThat(ReviewerRules.canYieldTwoDistinctHumans(users(List.of(1)), users(List.of(1, 2))))
                .isTrue();
        assertThat(ReviewerRules.canYieldTwoDistinctHumans(users(List.of(1, 2)), users(List.of(1))))
                .isTrue();
        assertThat(ReviewerRules.canYieldTwoDistinctHumans(users(List.of()), users(List.of(1, 2))))
                .isFalse();
    }

    @Test
    void teamsNeverCountBecauseTheirMembersAreUnknown() {
        var teamOnly = new ReviewerSet(List.of(), List.of(new GovernanceSettings.Team("platform", 42)));
        assertThat(ReviewerRules.canYieldTwoDistinctHumans(teamOnly, users(List.of(1, 2))))
                .isFalse();
    }

    /** The rule equals its definition: some approver of the first and some of the second are different people. */
    @Property(tries = 500)
    void agreesWithTryingEveryPairOfApprovers(
            @ForAll @Size(max = 4) List<@IntRange(min = 1, max = 5) Integer> first,
            @ForAll @Size(max = 4) List<@IntRange(min = 1, max = 5) Integer> second) {
        boolean somePair = first.stream().anyMatch(a -> second.stream().anyMatch(b -> !a.equals(b)));
        assertThat(ReviewerRules.canYieldTwoDistinctHumans(users(first), users(second)))
                .isEqualTo(somePair);
    }
}
