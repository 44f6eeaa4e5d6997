package dev.llmsafe.comment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmsafe.cli.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Wrong inputs never become clean evidence: each file is checked for its own shape, and a stage reads as not
 * reached only when the workflow says its step was skipped, never because a file is missing.
 */
class CommentInputsTest {
    private static final Path DIR = CliRun.projectDir().resolve("src/test/resources/comment");

    private static String f(String name) {
        return DIR.resolve(name).toString();
    }

    /** A full, good set of evidence with one option replaced (or, with a null value, left out). */
    private static CliRun comment(String option, String value, String... more) {
        List<String> args = new ArrayList<>(List.of("comment", "--stack", "pr-42"));
        String[][] all = {
            {"--outputs", f("outputs.json")},
            {"--preview", f("preview.json")},
            {"--policy", f("policy-passed.json")},
            {"--checks", f("checks.env")},
            {"--verify", f("verify.txt")},
            {"--reviews", f("reviews.json")},
            {"--audit-hash", CommentCommandTest.hash(17, "9f2c1e")},
            {"--policy-file", f("policy.yaml")}
        };
        for (String[] pair : all) {
            if (!pair[0].equals(option)) {
                args.addAll(List.of(pair));
            } else if (value != null) {
                args.addAll(List.of(option, value));
            }
        }
        args.addAll(List.of(more));
        return CliRun.of(args.toArray(String[]::new));
    }

    private static void refused(CliRun run, String... named) {
        assertThat(run.exitCode()).as(run.out()).isEqualTo(2);
        assertThat(run.out()).as("nothing rendered").isEmpty();
        assertThat(run.err()).contains(named).doesNotContain("Exception", "jackson", "\tat ");
    }

    @Test
    void theGoodSetRenders() {
        assertThat(comment("none", null).exitCode()).isZero();
    }

    @Test
    void eachFileGivenForAnotherIsRefusedNamingTheFileAndWhatItShouldHold() {
        refused(
                comment("--policy", f("outputs.json")),
                "--policy " + f("outputs.json"),
                "expected the output of `llmsafe policy check --format json`");
        refused(
                comment("--outputs", f("policy-passed.json")),
                "--outputs",
                "expected the output of `pulumi stack output");
        refused(comment("--preview", f("policy.yaml")), "--preview " + f("policy.yaml"), "not valid JSON");
        refused(
                comment("--preview", f("policy-passed.json")),
                "--preview",
                "steps, changeSummary, resources or diagnostics");
        refused(comment("--reviews", f("outputs.json")), "--reviews", "expected the pull request's reviews");
        refused(comment("--verify", f("checks.env")), "--verify", "starts with 'seed=absent'");
        refused(comment("--checks", f("verify.txt")), "--checks", "line 1 is 'healthy:");
    }

    @Test
    void aJsonArrayThatIsNotReviewsIsRefused(@TempDir Path tmp) throws Exception {
        Path numbers = Files.writeString(tmp.resolve("reviews.json"), "[1, 2, 3]");
        refused(comment("--reviews", numbers.toString()), "--reviews " + numbers, "item 1 is 1");
        Path stacks = Files.writeString(tmp.resolve("stacks.json"), "[{\"name\": \"pr-42\"}]");
        refused(comment("--reviews", stacks.toString()), "--reviews " + stacks, "item 1 is {\"name\":\"pr-42\"}");
    }

    @Test
    void aMissingFileIsRefusedNotShownAsNotReached(@TempDir Path tmp) {
        refused(comment("--outputs", tmp.resolve("outputs.json").toString()), "--outputs", "no such file");
        refused(comment("--outputs", null), "--outputs: missing", "--outcome outputs=skipped");
        refused(comment("--policy-file", tmp.resolve("policy.yaml").toString()), "--policy-file", "no such file");
    }

    @Test
    void theAuditHashMustBeSeqColonHash() {
        refused(comment("--audit-hash", "nothash"), "--audit-hash 'nothash'", "not SEQ:HASH");
        refused(comment("--audit-hash", "17:9f2c1e"), "--audit-hash '17:9f2c1e'");
        refused(comment("--audit-hash", null), "--audit-hash: missing");
    }

    @Test
    void notReachedOnlyWhereTheWorkflowSaysTheStepWasSkipped(@TempDir Path tmp) throws Exception {
        String gone = tmp.resolve("gone.json").toString();
        CliRun skipped = comment("--outputs", gone, "--outcome", "outputs=skipped");
        assertThat(skipped.exitCode()).as(skipped.err()).isZero();
        assertThat(skipped.out()).contains("| URL | not reached |", "### Preview `pr-42`: not deployed");

        CliRun failed = comment("--outputs", gone, "--outcome", "outputs=failure");
        assertThat(failed.exitCode()).as(failed.err()).isZero();
        assertThat(failed.out()).contains("| URL | step failed; see the job log |");

        // A failed step that left its evidence is shown, and its file is checked like any other.
        CliRun failedWithFile = comment("--policy", f("policy-failed.json"), "--outcome", "policy=failure");
        assertThat(failedWithFile.out()).contains("blocked by policy");
        refused(comment("--policy", f("outputs.json"), "--outcome", "policy=failure"), "--policy");

        Path failedPreview = tmp.resolve("preview.json");
        Files.writeString(failedPreview, "{\"diagnostics\": [{\"severity\": \"error\", \"message\": \"boom\"}]}");
        assertThat(comment("--preview", failedPreview.toString(), "--outcome", "preview=failure")
                        .out())
                .contains(
                        "| changes | 0 create, 0 update, 0 replace, 0 delete, 0 same (the preview failed; see the job log) |");

        CliRun noAudit = comment("--audit-hash", "", "--outcome", "audit=skipped");
        assertThat(noAudit.out()).contains("| audit record | not recorded |");
        CliRun noReviews = comment("--reviews", null, "--outcome", "reviews=failure");
        assertThat(noReviews.out()).contains("| approvals | step failed; see the job log |");
    }

    @Test
    void outcomesAreCheckedToo() {
        refused(comment("none", null, "--outcome", "deploy=skipped"), "--outcome 'deploy=skipped'", "outputs, preview");
        refused(comment("none", null, "--outcome", "verify=maybe"), "success, failure, cancelled, skipped");
        refused(comment("none", null, "--outcome", "verify=skipped", "--outcome", "verify=success"), "given twice");
    }

    @Test
    void reviewsOnEveryPageCount(@TempDir Path tmp) throws Exception {
        // gh api --paginate prints one array per page; a reader that stopped after the first would drop carol.
        Path pages = Files.writeString(
                tmp.resolve("reviews.json"),
                "[{\"user\":{\"login\":\"alice\",\"type\":\"User\"},"
                        + "\"state\":\"APPROVED\"}]\n[{\"user\":{\"login\":\"carol\",\"type\":\"User\"},\"state\":\"APPROVED\"},"
                        + "{\"user\":null,\"state\":\"APPROVED\"}]");
        CliRun run = comment("--reviews", pages.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("| approvals | alice, carol |");
    }

    @Test
    void theRemovalCommentTakesNoEvidenceFiles() {
        refused(
                CliRun.of("comment", "--stack", "pr-42", "--destroyed", "destroyed", "--outputs", f("outputs.json")),
                "--outputs",
                "--destroyed");
        refused(
                CliRun.of("comment", "--stack", "pr-42", "--destroyed", "destroyed", "--audit-hash", "x"),
                "--audit-hash 'x'");
    }
}
