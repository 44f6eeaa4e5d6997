package dev.llmsafe.workflows;

import static dev.llmsafe.workflows.Workflows.job;
import static dev.llmsafe.workflows.Workflows.load;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Time limits, concurrency and token permissions, read from the YAML and evaluated as GitHub evaluates them. */
class WorkflowLimitsTest {
    /** GitHub-hosted runners stop a job after 360 minutes whatever it says. */
    private static final int RUNNER_LIMIT_MINUTES = 360;

    @Test
    void everyJobOfEveryWorkflowHasATimeLimitOfItsOwn() throws Exception {
        List<String> files;
        try (var listed = java.nio.file.Files.list(Workflows.dir())) {
            files = listed.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".yml") || n.endsWith(".yaml"))
                    .sorted()
                    .toList();
        }
        assertThat(files).containsAll(Workflows.files());
        for (String file : files) {
            load(file).path("jobs").fields().forEachRemaining(e -> {
                JsonNode timeout = e.getValue().path("timeout-minutes");
                assertThat(timeout.isInt())
                        .as(file + " job " + e.getKey() + " sets timeout-minutes")
                        .isTrue();
                assertThat(timeout.asInt()).as(file + " job " + e.getKey()).isBetween(1, RUNNER_LIMIT_MINUTES);
            });
        }
    }

    private static ObjectNode github(String event, long runId, int pr) {
        ObjectNode github = JsonNodeFactory.instance
                .objectNode()
                .put("event_name", event)
                .put("run_id", runId)
                .put("ref", pr > 0 ? "refs/pull/" + pr + "/merge" : "refs/heads/main");
        if (pr > 0) {
            github.with("event").with("pull_request").put("number", pr);
        }
        return github;
    }

    /** The workflow's concurrency group and cancel-in-progress as GitHub evaluates them for this run. */
    private static Map.Entry<String, Boolean> concurrency(JsonNode concurrency, ObjectNode github) {
        Map<String, JsonNode> contexts = Map.of(
                "github",
                github,
                "inputs",
                JsonNodeFactory.instance.objectNode(),
                "vars",
                JsonNodeFactory.instance.objectNode());
        String group = RunnerStep.interpolate(concurrency.path("group").asText(), contexts);
        JsonNode cancel = concurrency.path("cancel-in-progress");
        boolean cancels = cancel.isBoolean()
                ? cancel.booleanValue()
                : cancel.isTextual()
                        && ExpressionValues.truthy(
                                WorkflowExpression.evaluate(cancel.asText(), contexts, status -> true));
        return Map.entry(group, cancels);
    }

    @Test
    void ciOnMainIsNeverCancelledNorQueuedBehindAnotherRun() {
        JsonNode ci = load("ci.yml").path("concurrency");
        var first = concurrency(ci, github("push", 100, 0));
        var second = concurrency(ci, github("push", 101, 0));
        assertThat(first.getValue()).as("a push to main cancels nothing").isFalse();
        assertThat(first.getKey())
                .as("two merges never share a group, where the newer would cancel the pending one")
                .isNotEqualTo(second.getKey());
    }

    @Test
    void aNewerPushToAPullRequestCancelsItsOlderRunOnly() {
        JsonNode ci = load("ci.yml").path("concurrency");
        var older = concurrency(ci, github("pull_request", 200, 5));
        var newer = concurrency(ci, github("pull_request", 201, 5));
        var other = concurrency(ci, github("pull_request", 202, 6));
        assertThat(newer.getValue()).isTrue();
        assertThat(newer.getKey())
                .isEqualTo(older.getKey())
                .isNotEqualTo(other.getKey())
                .isNotEqualTo(concurrency(ci, github("push", 200, 0)).getKey());
    }

    @Test
    void stagingAndProductionQueueApartAndNeverCancelADeploy() {
        assertThat(load("promote.yml").has("concurrency"))
                .as("no workflow-wide group holds staging behind a production approval")
                .isFalse();
        var staging = concurrency(job("promote.yml", "staging").path("concurrency"), github("push", 100, 0));
        var production = concurrency(job("promote.yml", "production").path("concurrency"), github("push", 100, 0));
        var laterStaging = concurrency(job("promote.yml", "staging").path("concurrency"), github("push", 101, 0));
        assertThat(staging.getKey())
                .isNotBlank()
                .isNotEqualTo(production.getKey())
                .as("one staging deploy at a time")
                .isEqualTo(laterStaging.getKey());
        assertThat(production.getKey()).isNotBlank();
        assertThat(staging.getValue()).isFalse();
        assertThat(production.getValue()).isFalse();
    }

    @Test
    void theGateJobsMayReadRunsCommitsAndPullRequestsAndTheApprovalJobNothing() {
        for (String deploy : List.of("staging", "production")) {
            JsonNode permissions = job("promote.yml", deploy).path("permissions");
            assertThat(permissions.path("actions").asText()).as(deploy).isEqualTo("read");
            assertThat(permissions.path("contents").asText()).as(deploy).isEqualTo("read");
            assertThat(permissions.path("pull-requests").asText()).as(deploy).isEqualTo("read");
        }
        JsonNode approval = job("promote.yml", "production-approval").path("permissions");
        assertThat(approval.isObject())
                .as("production-approval states its permissions")
                .isTrue();
        assertThat(approval.size())
                .as("production-approval needs no token: " + approval)
                .isZero();
    }
}
