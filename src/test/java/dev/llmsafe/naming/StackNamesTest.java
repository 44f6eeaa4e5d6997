package dev.llmsafe.naming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmsafe.plan.OfflinePlanner;
import dev.llmsafe.reaper.ReaperPlanner;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** One meaning of a review stack's name, wherever a stack name is judged. */
class StackNamesTest {
    private static final List<String> NOT_REVIEW = List.of(
            "pr-0",
            "pr-007",
            "pr-1000000000",
            "PR-4",
            "pr-",
            "pr-4a",
            "pr--4",
            "pr-4 ",
            "staging",
            "platform",
            "xpr-4",
            "pr-٤");

    @Test
    void aReviewStackIsPrAndAPullRequestNumberWithoutLeadingZero() {
        assertThat(StackNames.isReview("pr-1")).isTrue();
        assertThat(StackNames.isReview("pr-999999999")).isTrue();
        assertThat(StackNames.pullRequest("pr-42")).isEqualTo(OptionalInt.of(42));
        for (String name : NOT_REVIEW) {
            assertThat(StackNames.isReview(name)).as(name).isFalse();
            assertThat(StackNames.pullRequest(name)).as(name).isEmpty();
        }
        assertThatThrownBy(() -> StackNames.review(0)).hasMessageContaining("got 0");
    }

    @Test
    void theOfflinePlannerAndTheReaperJudgeNamesAlike() throws Exception {
        Path project = Path.of("project");
        for (String name : NOT_REVIEW) {
            assertThat(OfflinePlanner.defaultConfigFile(project, name)
                            .getFileName()
                            .toString())
                    .as(name)
                    .isEqualTo("Pulumi." + name + ".yaml");
        }
        assertThat(OfflinePlanner.defaultConfigFile(project, "pr-42")
                        .getFileName()
                        .toString())
                .isEqualTo("Pulumi.review.yaml");

        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        var stacks = mapper.createArrayNode();
        for (String name : List.of("pr-7", "acme/shop/pr-8", "pr-007", "pr-0", "staging")) {
            stacks.addObject().put("name", name).put("lastUpdate", "2026-01-01T00:00:00Z");
        }
        var decisions = ReaperPlanner.plan(stacks, mapper.createArrayNode(), 7, Instant.parse("2026-02-01T00:00:00Z"));
        assertThat(decisions).extracting(d -> d.stack()).containsExactly("pr-7", "acme/shop/pr-8");
    }

    @Property(tries = 1000)
    void everyPullRequestNumberNamesItsOwnReviewStack(@ForAll @IntRange(min = 1, max = 999_999_999) int pr) {
        String name = StackNames.review(pr);
        assertThat(StackNames.isReview(name)).isTrue();
        assertThat(StackNames.pullRequest(name)).isEqualTo(OptionalInt.of(pr));
        assertThat(RuntimeNames.pullRequest(pr)).isEqualTo(name);
    }
}
