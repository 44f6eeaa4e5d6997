package dev.llmsafe.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The PR's own code never runs next to a credential that could forge evidence or reach other environments: a job
 * that checks out the pull request and runs anything from that checkout (its scripts, its build, its Dockerfile)
 * has no pull-requests: write, no GitHub Environment, no OIDC token or Workload Identity login (the audit log's
 * writer is an environment's deployer), no secrets and no Railway token.
 */
class PullRequestCodeIsolationTest {
    private static final String BASE_REF = "${{ github.event.pull_request.base.sha }}";

    /** The folders (relative to the workspace, "" for its root) a job checks out the PR's code into. */
    static List<String> prCheckouts(JsonNode job) {
        List<String> paths = new ArrayList<>();
        for (JsonNode step : job.path("steps")) {
            if (step.path("uses").asText().startsWith("actions/checkout@")
                    && !BASE_REF.equals(step.path("with").path("ref").asText())) {
                paths.add(step.path("with").path("path").asText("").replaceAll("^\\./|/$", ""));
            }
        }
        return paths;
    }

    /** Whether a job runs anything from a checkout of the PR: a step at its root, in its folder, or naming it. */
    static boolean runsPullRequestCode(JsonNode job) {
        for (String path : prCheckouts(job)) {
            for (JsonNode step : job.path("steps")) {
                boolean runs = step.has("run") || step.path("uses").asText().startsWith("./");
                String dir = step.path("working-directory")
                        .asText(job.path("defaults")
                                .path("run")
                                .path("working-directory")
                                .asText(""))
                        .replaceAll("^\\./|/$", "");
                boolean inside = path.isEmpty()
                        ? dir.isEmpty() || !dir.startsWith("..")
                        : dir.equals(path)
                                || dir.startsWith(path + "/")
                                || step.path("run").asText().contains(path + "/");
                if (runs && inside) {
                    return true;
                }
            }
        }
        return false;
    }

    /** What a job holds that PR code must never get; a job without permissions has the workflow's. */
    static List<String> credentials(JsonNode job, JsonNode workflowPermissions) {
        List<String> found = new ArrayList<>();
        JsonNode permissions = job.has("permissions") ? job.path("permissions") : workflowPermissions;
        if (permissions.isMissingNode() || permissions.asText().equals("write-all")) {
            found.add("permissions " + (permissions.isMissingNode() ? "(the repository default)" : "write-all"));
        }
        if ("write".equals(permissions.path("pull-requests").asText())) {
            found.add("pull-requests: write");
        }
        if ("write".equals(permissions.path("id-token").asText())) {
            found.add("id-token: write");
        }
        if (job.has("environment")) {
            found.add("environment " + job.path("environment"));
        }
        String text = job.toString();
        if (text.contains("google-github-actions/auth@")) {
            found.add("a Workload Identity login");
        }
        if (text.contains("secrets.")) {
            found.add("a secret");
        }
        if (text.contains("RAILWAY_TOKEN") || text.contains("railway-token.sh")) {
            found.add("the Railway token");
        }
        return found;
    }

    private static List<String> credentials(String file, String job) {
        return credentials(Workflows.job(file, job), Workflows.load(file).path("permissions"));
    }

    @Test
    void noJobThatRunsThePullRequestsCodeHoldsACredential() {
        Map<String, List<String>> offenders = new TreeMap<>();
        for (String file : Workflows.files()) {
            JsonNode on = Workflows.load(file).path("on");
            if (on.has("pull_request") || on.has("pull_request_target")) {
                Workflows.load(file).path("jobs").fields().forEachRemaining(e -> {
                    if (runsPullRequestCode(e.getValue())
                            && !credentials(file, e.getKey()).isEmpty()) {
                        offenders.put(file + " " + e.getKey(), credentials(file, e.getKey()));
                    }
                });
            }
        }
        assertThat(offenders).isEmpty();
    }

    @Test
    void thePreviewsCodeRunsInJobsOfItsOwnAndTheCredentialedJobsRunTheBaseRevision() {
        Map<String, Boolean> runsPrCode = new TreeMap<>();
        Workflows.load("pr-env.yml")
                .path("jobs")
                .fields()
                .forEachRemaining(e -> runsPrCode.put(e.getKey(), runsPullRequestCode(e.getValue())));
        assertThat(runsPrCode)
                .containsEntry("image", true)
                .containsEntry("checks", true)
                .containsEntry("program", false)
                .containsEntry("preview", false)
                .containsEntry("record", false)
                .containsEntry("destroy", false);
        assertThat(credentials("pr-env.yml", "preview")).contains("the Railway token", "a Workload Identity login");
        assertThat(credentials("pr-env.yml", "record")).contains("pull-requests: write", "a Workload Identity login");
    }

    @Test
    void theClassifierSeesPullRequestCodeWhereverItRuns() throws Exception {
        var yaml = new com.fasterxml.jackson.databind.ObjectMapper(
                new com.fasterxml.jackson.dataformat.yaml.YAMLFactory());
        JsonNode atRoot = yaml.readTree("steps: [{uses: actions/checkout@x}, {run: ./mvnw package}]");
        JsonNode inFolder = yaml.readTree(
                "steps: [{uses: actions/checkout@x, with: {path: head}}," + " {run: make, working-directory: head}]");
        JsonNode named = yaml.readTree("steps: [{uses: actions/checkout@x, with: {path: pr}}, {run: bash pr/seed.sh}]");
        JsonNode baseOnly = yaml.readTree(
                "steps: [{uses: actions/checkout@x, with: {ref: '" + BASE_REF + "'}}," + " {run: ./mvnw package}]");
        JsonNode readOnly = yaml.readTree("steps: [{uses: actions/checkout@x, with: {path: head}},"
                + " {uses: actions/checkout@x, with: {path: base, ref: '" + BASE_REF + "'}},"
                + " {run: ./mvnw package, working-directory: base}]");
        assertThat(runsPullRequestCode(atRoot)).isTrue();
        assertThat(runsPullRequestCode(inFolder)).isTrue();
        assertThat(runsPullRequestCode(named)).isTrue();
        assertThat(runsPullRequestCode(baseOnly)).isFalse();
        assertThat(runsPullRequestCode(readOnly)).isFalse();
        JsonNode workflowReadOnly = yaml.readTree("contents: read");
        assertThat(credentials(yaml.readTree("steps: [{run: x}]"), workflowReadOnly))
                .isEmpty();
        assertThat(credentials(yaml.readTree("permissions: {pull-requests: write}"), workflowReadOnly))
                .containsExactly("pull-requests: write");
        assertThat(credentials(
                        yaml.readTree("steps: [{run: x}]"),
                        com.fasterxml.jackson.databind.node.MissingNode.getInstance()))
                .isNotEmpty();
    }

    @Test
    void everyJobOfThePreviewWorkflowsHasATimeLimit() {
        for (String file : List.of("pr-env.yml", "fork-notice.yml")) {
            Workflows.load(file)
                    .path("jobs")
                    .fields()
                    .forEachRemaining(
                            e -> assertThat(e.getValue().path("timeout-minutes").asInt(0))
                                    .as(file + " job " + e.getKey())
                                    .isBetween(1, 60));
        }
    }
}
