package dev.llmsafe.comment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmsafe.cli.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Golden tests of the evidence comment: the exact text for each way a preview run can end. */
class CommentCommandTest {
    private static final Path DIR = CliRun.projectDir().resolve("src/test/resources/comment");

    private static String f(String name) {
        return DIR.resolve(name).toString();
    }

    /** An audit head as `llmsafe audit append` prints it. */
    static String hash(int seq, String start) {
        return seq + ":" + start + "0".repeat(64 - start.length());
    }

    private static String golden(String name) throws Exception {
        return Files.readString(DIR.resolve(name));
    }

    @Test
    void deployedPreviewMatchesTheGolden() throws Exception {
        var run = CliRun.of(
                "comment",
                "--stack",
                "pr-42",
                "--outputs",
                f("outputs.json"),
                "--preview",
                f("preview.json"),
                "--policy",
                f("policy-passed.json"),
                "--checks",
                f("checks.env"),
                "--verify",
                f("verify.txt"),
                "--reviews",
                f("reviews.json"),
                "--audit-hash",
                hash(17, "9f2c1e"),
                "--policy-file",
                f("policy.yaml"));
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo(golden("deployed.md"));
        assertThat(run.out())
                .startsWith(EvidenceComment.MARKER + "\n")
                .contains(
                        "| approvals | acme-code-agent (ai, never counted), alice, bob, dependabot\\[bot\\] (bot, never counted) |",
                        "| changes | 2 create, 1 update, 0 replace, 0 delete, 1 same |",
                        "no script in the repository, not run",
                        "- **wif-provider** (mandatory): not applicable, no Workload Identity providers to judge",
                        "9 passed, 1 not applicable");
    }

    @Test
    void blockedPreviewSaysEveryLaterStageWasNotReached() throws Exception {
        // The workflow says which steps did not run: the deploy and everything after it.
        var run = CliRun.of(
                "comment",
                "--stack",
                "pr-42",
                "--preview",
                f("preview.json"),
                "--policy",
                f("policy-failed.json"),
                "--reviews",
                f("reviews.json"),
                "--audit-hash",
                hash(18, "44aa01"),
                "--policy-file",
                f("policy.yaml"),
                "--outputs",
                f("absent.json"),
                "--outcome",
                "outputs=skipped",
                "--outcome",
                "verify=skipped",
                "--outcome",
                "checks=skipped");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo(golden("blocked.md"));
        assertThat(run.out()).doesNotContain("<script>");
    }

    @Test
    void destroyedPreviewMatchesTheGolden() throws Exception {
        var run = CliRun.of("comment", "--stack", "pr-42", "--destroyed", "absent", "--audit-hash", hash(19, "c0ffee"));
        assertThat(run.out()).isEqualTo(golden("destroyed.md"));
    }

    @Test
    void sameEvidenceGivesTheSameTextWhateverTheReviewOrder(@TempDir Path tmp) throws Exception {
        String reviews = Files.readString(DIR.resolve("reviews.json"));
        var lines = new ArrayList<>(
                reviews.lines().filter(l -> l.contains("\"user\"")).toList());
        Path reordered = tmp.resolve("reviews.json");
        // Latest review per person wins, so keep bob's order; move everyone else around.
        Files.writeString(
                reordered,
                "["
                        + String.join(
                                "\n",
                                lines.get(2).replaceAll(",$", "") + ",",
                                lines.get(0),
                                lines.get(3).replaceAll(",$", "") + ",",
                                lines.get(1),
                                lines.get(4),
                                lines.get(5).replaceAll(",$", ""))
                        + "]");
        var a = CliRun.of(withAllButReviews("--reviews", f("reviews.json")));
        var b = CliRun.of(withAllButReviews("--reviews", reordered.toString()));
        assertThat(b.err()).isEmpty();
        assertThat(b.out()).isEqualTo(a.out());
    }

    @Test
    void hugePolicyReportsAreTrimmedInTheDetailsNeverInTheSummary(@TempDir Path tmp) throws Exception {
        StringBuilder findings = new StringBuilder();
        for (int i = 0; i < 5_000; i++) {
            findings.append(i == 0 ? "" : ",")
                    .append("{\"message\":\"resource r")
                    .append(i)
                    .append(" breaks the rule in a long and detailed way\",\"fix\":\"fix it\",\"path\":\"src/F")
                    .append(i)
                    .append(".java\",\"line\":")
                    .append(i + 1)
                    .append('}');
        }
        Path policy = Files.writeString(
                tmp.resolve("policy.json"),
                "{\"result\":\"failed\",\"summary\":\"FAILED: 1 "
                        + "failed\",\"verdicts\":[{\"rule\":\"dependency-pins\",\"level\":\"mandatory\",\"status\":\"fail\","
                        + "\"note\":\"\",\"findings\":[" + findings + "],\"excepted\":[]}]}");
        var run = CliRun.of(
                "comment",
                "--stack",
                "pr-42",
                "--outputs",
                f("outputs.json"),
                "--preview",
                f("preview.json"),
                "--policy",
                policy.toString(),
                "--audit-hash",
                hash(20, "abc"),
                "--outcome",
                "verify=skipped",
                "--outcome",
                "checks=skipped",
                "--outcome",
                "reviews=skipped");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out().length()).isLessThanOrEqualTo(60_000).isGreaterThan(50_000);
        assertThat(run.out())
                .contains(
                        "| audit record | `" + hash(20, "abc") + "` |",
                        "| URL | <https://shop-pr-42.up.railway.app> |",
                        "more lines trimmed to fit a comment",
                        "</details>");
        assertThat(run.out()).contains("resource r1 breaks").doesNotContain("resource r4999 breaks");
    }

    @Test
    void badInputsExitTwoNamingTheProblem(@TempDir Path tmp) throws Exception {
        Path notJson = Files.writeString(tmp.resolve("outputs.json"), "url=https://x");
        var run = CliRun.of("comment", "--stack", "pr-42", "--outputs", notJson.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--outputs " + notJson + ": not valid JSON at line 1, column 4");
        assertThat(CliRun.of("comment", "--stack", "pr-42", "--destroyed", "maybe")
                        .err())
                .contains("Invalid value for option '--destroyed': expected one of [destroyed, absent, failed] "
                        + "(case-sensitive) but was 'maybe'");
        assertThat(CliRun.of("comment", "--stack", "pr 42; rm").exitCode()).isEqualTo(2);
    }

    /** Every stage's file from the fixtures, and the given reviews. */
    private static String[] withAllButReviews(String... reviews) {
        var args = new ArrayList<>(List.of(
                "comment",
                "--stack",
                "pr-42",
                "--outputs",
                f("outputs.json"),
                "--preview",
                f("preview.json"),
                "--policy",
                f("policy-passed.json"),
                "--checks",
                f("checks.env"),
                "--verify",
                f("verify.txt"),
                "--audit-hash",
                hash(17, "9f2c1e"),
                "--policy-file",
                f("policy.yaml")));
        args.addAll(List.of(reviews));
        return args.toArray(String[]::new);
    }
}
