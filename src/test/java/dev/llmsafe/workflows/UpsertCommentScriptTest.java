package dev.llmsafe.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmsafe.cli.CliRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * upsert-comment.sh in bash against a loopback stand-in of GitHub's issue comments API, with only what a runner
 * documents in the environment: the evidence comment is the one the workflow's own identity wrote, never one
 * somebody else planted with the marker.
 */
class UpsertCommentScriptTest {
    private static final String TOKEN = "ghs_runnerjobtoken";
    private static final String MARKER = "<!-- llmsafe:evidence -->";

    @TempDir
    Path dir;

    private IssueCommentsStandIn github;

    @BeforeEach
    void start() throws Exception {
        github = new IssueCommentsStandIn(TOKEN);
    }

    @AfterEach
    void stop() {
        github.close();
    }

    private record Run(int exit, String output) {}

    private Run upsert(String body) throws Exception {
        return upsert(body, "12");
    }

    /** The last line the script adds: the run that wrote the comment. */
    private static String writtenBy(String run) {
        return "\n<!-- llmsafe:evidence-run " + run + " -->\n";
    }

    private Run upsert(String body, String runNumber) throws Exception {
        Path file = Files.writeString(dir.resolve("comment.md"), body);
        var pb = new ProcessBuilder("bash", "-eo", "pipefail", "-c", ".github/scripts/upsert-comment.sh 42 " + file)
                .directory(CliRun.projectDir().toFile())
                .redirectErrorStream(true);
        pb.environment().clear();
        pb.environment().put("PATH", System.getenv("PATH"));
        pb.environment().put("HOME", dir.toString());
        pb.environment().put("RUNNER_TEMP", dir.toString());
        pb.environment().put("GITHUB_API_URL", github.url());
        pb.environment().put("GITHUB_REPOSITORY", "acme/shop");
        pb.environment().put("GH_TOKEN", TOKEN);
        pb.environment().put("GITHUB_RUN_NUMBER", runNumber);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), out);
    }

    @Test
    void aCommentSomebodyElsePlantedWithTheMarkerIsLeftAloneAndOursIsCreated() throws Exception {
        long planted = github.comment(42, "mallory", "User", MARKER + "\nAll checks passed, ship it");
        long otherBot = github.comment(42, "renovate[bot]", "Bot", MARKER + "\nlooks fine");

        var run = upsert(MARKER + "\n### Preview\npolicy: 1 violation");

        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(run.output()).contains("created the evidence comment");
        assertThat(github.body(planted)).contains("ship it");
        assertThat(github.body(otherBot)).contains("looks fine");
        assertThat(github.ids()).hasSize(3);
        assertThat(github.requests()).noneMatch(r -> r.method().equals("PATCH"));
        assertThat(github.requests())
                .allSatisfy(r -> assertThat(r.authorization()).isEqualTo("Bearer " + TOKEN));
    }

    @Test
    void ourOwnCommentIsUpdatedInPlaceEvenOnALaterPage() throws Exception {
        github.comment(42, "mallory", "User", MARKER + "\nforged");
        for (int i = 0; i < 150; i++) {
            github.comment(42, "alice", "User", "comment " + i);
        }
        long ours = github.comment(42, IssueCommentsStandIn.BOT, "Bot", MARKER + "\nold evidence");
        github.comment(7, IssueCommentsStandIn.BOT, "Bot", MARKER + "\nanother PR's evidence");

        var run = upsert(MARKER + "\nnew evidence with \"quotes\" and `ticks`");

        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(run.output()).contains("updated comment " + ours);
        assertThat(github.body(ours))
                .isEqualTo(MARKER + "\nnew evidence with \"quotes\" and `ticks`" + writtenBy("12"));
        assertThat(github.requests().stream()
                        .filter(r -> r.method().equals("GET"))
                        .map(r -> r.query()))
                .containsExactly("per_page=100", "per_page=100&page=2");
        assertThat(github.requests()).noneMatch(r -> r.method().equals("POST"));
    }

    @Test
    void aCommentALaterRunWroteIsLeftAsItIs() throws Exception {
        long ours =
                github.comment(42, IssueCommentsStandIn.BOT, "Bot", MARKER + "\nrun 13's evidence" + writtenBy("13"));

        var run = upsert(MARKER + "\nrun 12's evidence, finished last", "12");

        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(run.output()).contains("left comment " + ours + " as it is: run 13");
        assertThat(github.body(ours)).contains("run 13's evidence");
        assertThat(github.requests()).allMatch(r -> r.method().equals("GET"));
    }

    @Test
    void anEarlierRunsCommentIsReplacedWhateverItsEvidenceQuotes() throws Exception {
        // Evidence quotes the pull request's data: a run line in it, not last, must not freeze the comment.
        long ours = github.comment(
                42,
                IssueCommentsStandIn.BOT,
                "Bot",
                MARKER + "\ntest named <!-- llmsafe:evidence-run 999999 -->\n" + writtenBy("11"));

        var run = upsert(MARKER + "\nrun 12's evidence", "12");

        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(run.output()).contains("updated comment " + ours);
        assertThat(github.body(ours)).isEqualTo(MARKER + "\nrun 12's evidence" + writtenBy("12"));
    }

    @Test
    void aRunNumberThatIsNotOneIsRefused() throws Exception {
        var run = upsert(MARKER + "\nevidence", "12; rm -rf /");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.output()).contains("is not a run number");
        assertThat(github.requests()).isEmpty();
    }

    @Test
    void anApiErrorFailsTheStepAndWritesNothing() throws Exception {
        github.failListing(500);
        var run = upsert(MARKER + "\nevidence");
        assertThat(run.exit()).isNotZero();
        assertThat(run.output()).contains("500");
        assertThat(github.requests()).allMatch(r -> r.method().equals("GET"));
    }

    @Test
    void aBodyWithoutTheMarkerIsRefused() throws Exception {
        var run = upsert("no marker here");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.output()).contains("lacks the marker");
        assertThat(github.requests()).isEmpty();
    }
}
