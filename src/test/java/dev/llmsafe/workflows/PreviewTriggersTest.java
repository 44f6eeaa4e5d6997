package dev.llmsafe.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Which jobs of pr-env.yml run for each pull_request event, with every job's {@code if:} evaluated as GitHub does
 * ({@link JobRuns}) on event payloads shaped as GitHub's webhook docs describe them.
 */
class PreviewTriggersTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REPO = "acme/shop";
    private static final Set<String> DEPLOYS = Set.of("program", "image", "preview", "checks", "policy", "record");

    /** The {@code github} context of a pull_request event. */
    static JsonNode event(String action, String state, boolean merged, String headRepo, String... labels) {
        ObjectNode github = JSON.createObjectNode()
                .put("event_name", "pull_request")
                .put("repository", REPO)
                .put("head_ref", "feature/x");
        ObjectNode event = github.putObject("event").put("action", action).put("number", 42);
        ObjectNode pr = event.putObject("pull_request")
                .put("number", 42)
                .put("state", state)
                .put("merged", merged);
        pr.putObject("head")
                .put("ref", "feature/x")
                .put("sha", "1".repeat(40))
                .putObject("repo")
                .put("full_name", headRepo);
        pr.putObject("base")
                .put("ref", "main")
                .put("sha", "2".repeat(40))
                .putObject("repo")
                .put("full_name", REPO);
        var names = pr.putArray("labels");
        for (String label : labels) {
            names.addObject().put("name", label);
        }
        if (action.equals("labeled")) {
            event.putObject("label").put("name", labels[labels.length - 1]);
        }
        event.putObject("repository").put("full_name", REPO);
        return github;
    }

    private static Set<String> running(JsonNode github) {
        return running(github, Set.of());
    }

    private static Set<String> running(JsonNode github, Set<String> failing) {
        Set<String> ran = new TreeSet<>();
        JobRuns.of("pr-env.yml", github, failing).forEach((job, result) -> {
            if (!result.equals("skipped")) {
                ran.add(job);
            }
        });
        return ran;
    }

    @Test
    void anOpenPullRequestIsDeployedOnOpenSynchronizeReopenAndLabel() {
        for (String action : new String[] {"opened", "synchronize", "reopened"}) {
            assertThat(running(event(action, "open", false, REPO))).as(action).isEqualTo(DEPLOYS);
        }
        assertThat(running(event("labeled", "open", false, REPO, "preview:cloudrun")))
                .isEqualTo(DEPLOYS);
    }

    @Test
    void aLabelOnAClosedOrMergedPullRequestDeploysNothing() {
        assertThat(running(event("labeled", "closed", false, REPO, "keep-preview")))
                .doesNotContainAnyElementsOf(Set.of("image", "preview", "checks", "policy", "record", "destroy"));
        assertThat(running(event("labeled", "closed", true, REPO, "preview:railway")))
                .isEmpty();
    }

    @Test
    void closingDestroysAndDeploysNothing() {
        assertThat(running(event("closed", "closed", true, REPO))).containsExactlyInAnyOrder("program", "destroy");
        assertThat(running(event("closed", "closed", false, REPO))).containsExactlyInAnyOrder("program", "destroy");
    }

    @Test
    void forksGetNothing() {
        assertThat(running(event("opened", "open", false, "mallory/shop"))).isEmpty();
        assertThat(running(event("closed", "closed", false, "mallory/shop"))).isEmpty();
    }

    @Test
    void theRecordAndTheJudgeRunWhenTheDeployFailsAndNothingDeploysAfterAFailedImage() {
        assertThat(running(event("synchronize", "open", false, REPO), Set.of("preview")))
                .containsExactlyInAnyOrder("program", "image", "preview", "policy", "record");
        Map<String, String> results =
                JobRuns.of("pr-env.yml", event("synchronize", "open", false, REPO), Set.of("image"));
        assertThat(results)
                .containsEntry("preview", "skipped")
                .containsEntry("checks", "skipped")
                .containsEntry("record", "success")
                .containsEntry("policy", "success");
    }
}
