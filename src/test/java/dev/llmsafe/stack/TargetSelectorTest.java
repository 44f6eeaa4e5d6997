package dev.llmsafe.stack;

import static dev.llmsafe.components.RuntimeTarget.CLOUD_RUN;
import static dev.llmsafe.components.RuntimeTarget.RAILWAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmsafe.components.RuntimeTarget;
import java.util.List;
import org.junit.jupiter.api.Test;

class TargetSelectorTest {
    private static final List<BranchRule> RULES = List.of(
            new BranchRule("release/*", CLOUD_RUN),
            new BranchRule("release/legacy-*", RAILWAY),
            new BranchRule("perf/**", CLOUD_RUN));

    @Test
    void withoutLabelOrMatchingRuleTheDefaultDecides() {
        assertThat(TargetSelector.choose(RAILWAY, RULES, List.of("bug"), "feature/login"))
                .isEqualTo(new TargetChoice(RAILWAY, "default"));
        assertThat(TargetSelector.choose(CLOUD_RUN, List.of(), List.of(), "main"))
                .isEqualTo(new TargetChoice(CLOUD_RUN, "default"));
    }

    @Test
    void aMatchingBranchRuleBeatsTheDefault() {
        assertThat(TargetSelector.choose(RAILWAY, RULES, List.of(), "release/1.4"))
                .isEqualTo(new TargetChoice(CLOUD_RUN, "branch rule release/*"));
    }

    @Test
    void theFirstMatchingRuleInConfigOrderWins() {
        assertThat(TargetSelector.choose(RAILWAY, RULES, List.of(), "release/legacy-2"))
                .as("release/* comes first and matches too")
                .isEqualTo(new TargetChoice(CLOUD_RUN, "branch rule release/*"));
        var reordered = List.of(RULES.get(1), RULES.get(0));
        assertThat(TargetSelector.choose(CLOUD_RUN, reordered, List.of(), "release/legacy-2"))
                .isEqualTo(new TargetChoice(RAILWAY, "branch rule release/legacy-*"));
    }

    @Test
    void aLabelBeatsBranchRulesAndTheDefault() {
        assertThat(TargetSelector.choose(RAILWAY, RULES, List.of("bug", "preview:railway"), "release/1.4"))
                .isEqualTo(new TargetChoice(RAILWAY, "label preview:railway"));
        assertThat(TargetSelector.choose(RAILWAY, RULES, List.of("Preview:CloudRun"), "feature/x"))
                .isEqualTo(new TargetChoice(CLOUD_RUN, "label preview:cloudrun"));
    }

    @Test
    void labelsForBothRuntimesAreAConflictNotAGuess() {
        assertThatThrownBy(() ->
                        TargetSelector.choose(RAILWAY, RULES, List.of("preview:railway", "preview:cloudrun"), "main"))
                .hasMessageContaining("preview:railway")
                .hasMessageContaining("preview:cloudrun");
    }

    @Test
    void singleStarStaysInOneSegmentDoubleStarCrossesThem() {
        assertThat(new BranchRule("release/*", CLOUD_RUN).matches("release/1.4"))
                .isTrue();
        assertThat(new BranchRule("release/*", CLOUD_RUN).matches("release/1.4/hotfix"))
                .isFalse();
        assertThat(new BranchRule("release/*", CLOUD_RUN).matches("release")).isFalse();
        assertThat(new BranchRule("perf/**", CLOUD_RUN).matches("perf/db/index"))
                .isTrue();
        assertThat(new BranchRule("v?.x", CLOUD_RUN).matches("v2.x")).isTrue();
        assertThat(new BranchRule("v?.x", CLOUD_RUN).matches("v2-x"))
                .as("dots are literal")
                .isFalse();
        assertThat(new BranchRule("feat(ui)+", CLOUD_RUN).matches("feat(ui)+"))
                .as("regex characters are literal")
                .isTrue();
    }

    @Test
    void rejectsEmptyOrSpacedPatterns() {
        assertThatThrownBy(() -> new BranchRule("release /*", RuntimeTarget.CLOUD_RUN))
                .hasMessageContaining("release /*");
        assertThatThrownBy(() -> new BranchRule("", RuntimeTarget.CLOUD_RUN)).hasMessageContaining("pattern");
    }
}
