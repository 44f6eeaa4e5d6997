package dev.llmsafe.reaper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.llmsafe.cli.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReaperPlannerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2026-11-25T00:00:00Z");
    private static final String STACKS =
            "[{\"name\":\"platform\"},{\"name\":\"staging\",\"lastUpdate\":\"2020-01-01T00:00:00Z\"},"
                    + "{\"name\":\"pr-1\",\"lastUpdate\":\"2026-11-24T00:00:00Z\"},"
                    + "{\"name\":\"pr-2\",\"lastUpdate\":\"2026-11-24T00:00:00Z\"},"
                    + "{\"name\":\"pr-3\",\"lastUpdate\":\"2026-11-10T00:00:00Z\"},"
                    + "{\"name\":\"pr-4\",\"lastUpdate\":\"2026-11-10T00:00:00Z\"},"
                    + "{\"name\":\"pr-5\"}]";
    private static final String OPEN = "[{\"number\":2,\"labels\":[]},{\"number\":3,\"labels\":[]},"
            + "{\"number\":4,\"labels\":[{\"name\":\"keep-preview\"}]},{\"number\":5,\"labels\":[]}]";

    @Test
    void destroysClosedAndStalePreviewsOnly() throws Exception {
        var decisions = ReaperPlanner.plan(JSON.readTree(STACKS), JSON.readTree(OPEN), 7, NOW);

        assertThat(decisions).extracting(ReapDecision::stack).containsExactly("pr-1", "pr-2", "pr-3", "pr-4", "pr-5");
        assertThat(decisions)
                .filteredOn(ReapDecision::destroy)
                .extracting(d -> d.stack() + ": " + d.reason())
                .containsExactly(
                        "pr-1: pull request #1 is closed", "pr-3: no deploy for 15 days (previewTtlDays is 7)");
        assertThat(decisions.get(3).reason()).contains("keep-preview");
    }

    @Test
    void cliReadsTheTtlFromTheReviewConfig(@TempDir Path dir) throws Exception {
        Path stacks = Files.writeString(dir.resolve("stacks.json"), STACKS);
        Path open = Files.writeString(dir.resolve("open.json"), OPEN);
        Path config = Files.writeString(dir.resolve("Pulumi.review.yaml"), "config:\n  llm-safe:previewTtlDays: 30\n");

        var run = CliRun.of(
                "reaper",
                "--stacks",
                stacks.toString(),
                "--open-prs",
                open.toString(),
                "--config-file",
                config.toString(),
                "--now",
                NOW.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("destroy\tpr-1\tpull request #1 is closed", "keep\tpr-3\tkept: deployed 15 days ago")
                .doesNotContain("staging");

        Files.writeString(config, "config:\n  llm-safe:previewTtlDays: forever\n");
        var bad = CliRun.of(
                "reaper",
                "--stacks",
                stacks.toString(),
                "--open-prs",
                open.toString(),
                "--config-file",
                config.toString());
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("previewTtlDays", "forever");
    }

    /** The engine fills keys the stack file leaves unset from Pulumi.yaml's config; the reaper reads them the same. */
    @Test
    void cliTakesTheTtlFromTheProjectWhenTheReviewConfigLeavesItUnset(@TempDir Path dir) throws Exception {
        Path stacks = Files.writeString(dir.resolve("stacks.json"), STACKS);
        Path open = Files.writeString(dir.resolve("open.json"), OPEN);
        Files.writeString(
                dir.resolve("Pulumi.yaml"),
                "name: llm-safe\nruntime: java\nconfig:\n" + "  llm-safe:previewTtlDays: 30\n");
        Path config = Files.writeString(dir.resolve("Pulumi.review.yaml"), "config:\n  llm-safe:appName: shop\n");

        var run = CliRun.of(
                "reaper",
                "--stacks",
                stacks.toString(),
                "--open-prs",
                open.toString(),
                "--config-file",
                config.toString(),
                "--project-dir",
                dir.toString(),
                "--now",
                NOW.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .as("15 days idle is within the project's 30, not past the default 7")
                .contains("keep\tpr-3\tkept: deployed 15 days ago");

        var noProject = CliRun.of(
                "reaper",
                "--stacks",
                stacks.toString(),
                "--open-prs",
                open.toString(),
                "--config-file",
                config.toString(),
                "--project-dir",
                dir.resolve("nowhere").toString());
        assertThat(noProject.exitCode()).isEqualTo(2);
        assertThat(noProject.err()).contains("Pulumi.yaml does not exist");
    }

    @Test
    void rejectsInputsThatAreNotTheExpectedLists() {
        assertThatThrownBy(() -> ReaperPlanner.plan(JSON.readTree("{}"), JSON.readTree("[]"), 7, NOW))
                .hasMessageContaining("pulumi stack ls --json");
    }
}
