package dev.llmsafe.engine;

import static dev.llmsafe.engine.GithubStandIn.JSON;
import static dev.llmsafe.engine.GovernanceConfig.OWNER;
import static dev.llmsafe.engine.GovernanceConfig.REPO;
import static dev.llmsafe.engine.GovernanceConfig.SERVICE_ACCOUNT;
import static dev.llmsafe.engine.GovernanceConfig.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.stream.StreamSupport;

/**
 * The checks {@link GovernanceEngineIT} makes on the requests GitHub received: every request carried the token,
 * the environments the first {@code up} sets, and the branch ruleset every {@code up} sends. Kept apart from the IT,
 * which holds the runs and the checks on what each run changes, so that each file stays short.
 */
final class GovernanceRequestChecks {
    static final String REPO_API = "/repos/" + OWNER + "/" + REPO;

    private GovernanceRequestChecks() {}

    /** Every request carried the runner's token: the provider got it from the program, through the state. */
    static void assertAuthenticated(GovernanceRequests requests) {
        assertThat(requests.all())
                .allSatisfy(r -> assertThat(r.authorization()).as("%s", r).isIn("Bearer " + TOKEN, "token " + TOKEN));
    }

    /**
     * The environments as the first {@code up} sets them: their reviewers, self-review and admin bypass, the branches
     * they deploy from, and their variables.
     */
    static void assertEnvironments(GovernanceRequests requests) {
        JsonNode staging = requests.lastBody("PUT", REPO_API + "/environments/staging");
        assertThat(reviewers(staging)).as("staging's reviewers").containsExactly("User 1001");
        assertThat(staging.path("prevent_self_review").asBoolean())
                .as("prevent_self_review")
                .isTrue();
        assertThat(staging.path("can_admins_bypass").asBoolean(true))
                .as("can_admins_bypass")
                .isFalse();
        assertThat(staging.path("deployment_branch_policy"))
                .isEqualTo(
                        JSON.createObjectNode().put("protected_branches", false).put("custom_branch_policies", true));
        JsonNode production = requests.lastBody("PUT", REPO_API + "/environments/production");
        assertThat(reviewers(production)).containsExactlyInAnyOrder("User 1003", "User 1004");
        assertThat(production.path("prevent_self_review").asBoolean()).isTrue();
        assertThat(production.path("wait_timer").asInt()).isEqualTo(15);
        JsonNode review = requests.lastBody("PUT", REPO_API + "/environments/review");
        assertThat(review.path("reviewers").isEmpty())
                .as("review has no reviewers: %s", review)
                .isTrue();
        assertThat(review.path("deployment_branch_policy").isObject())
                .as("review accepts any branch")
                .isFalse();

        for (String env : List.of("staging", "production-approval", "production")) {
            assertThat(requests.bodies("POST", REPO_API + "/environments/" + env + "/deployment-branch-policies"))
                    .as("%s deploys from main only", env)
                    .singleElement()
                    .satisfies(p -> assertThat(p.path("name").asText()).isEqualTo("main"));
        }
        assertThat(requests.bodies("POST", REPO_API + "/environments/review/deployment-branch-policies"))
                .isEmpty();

        assertThat(requests.bodies("POST", REPO_API + "/environments/staging/variables"))
                .containsExactlyInAnyOrder(variable(SERVICE_ACCOUNT, "deployer-staging@acme.iam.example"));
        assertThat(requests.bodies("POST", REPO_API + "/environments/production-approval/variables"))
                .isEmpty();
    }

    /**
     * The ruleset on main: active, no bypass actors, two approvals with code owners and the last push approved by
     * someone else, stale reviews dismissed, threads resolved, {@code checks} required and up to date.
     */
    static void assertRuleset(JsonNode ruleset, List<String> checks) {
        assertThat(ruleset.path("enforcement").asText()).isEqualTo("active");
        assertThat(ruleset.path("target").asText()).isEqualTo("branch");
        assertThat(ruleset.path("bypass_actors").isEmpty())
                .as("no bypass actors: %s", ruleset)
                .isTrue();
        assertThat(ruleset.path("conditions").path("ref_name").path("include"))
                .containsExactly(JSON.getNodeFactory().textNode("refs/heads/main"));
        JsonNode pullRequest = rule(ruleset, "pull_request").path("parameters");
        assertThat(pullRequest.path("required_approving_review_count").asInt())
                .as("approvals")
                .isEqualTo(2);
        assertThat(pullRequest.path("require_code_owner_review").asBoolean())
                .as("require_code_owner_review")
                .isTrue();
        assertThat(pullRequest.path("require_last_push_approval").asBoolean())
                .as("require_last_push_approval")
                .isTrue();
        assertThat(pullRequest.path("dismiss_stale_reviews_on_push").asBoolean())
                .as("dismiss_stale_reviews_on_push")
                .isTrue();
        assertThat(pullRequest.path("required_review_thread_resolution").asBoolean())
                .as("required_review_thread_resolution")
                .isTrue();
        JsonNode statusChecks = rule(ruleset, "required_status_checks").path("parameters");
        assertThat(StreamSupport.stream(
                                statusChecks.path("required_status_checks").spliterator(), false)
                        .map(c -> c.path("context").asText())
                        .toList())
                .containsExactlyInAnyOrderElementsOf(checks);
        assertThat(statusChecks.path("strict_required_status_checks_policy").asBoolean())
                .as("strict checks")
                .isTrue();
        assertThat(rule(ruleset, "deletion").isObject()).isTrue();
        assertThat(rule(ruleset, "non_fast_forward").isObject()).isTrue();
    }

    /** An environment body's reviewers as "type id". */
    static List<String> reviewers(JsonNode environment) {
        return StreamSupport.stream(environment.path("reviewers").spliterator(), false)
                .map(r -> r.path("type").asText() + " " + r.path("id").asLong())
                .toList();
    }

    private static JsonNode variable(String name, String value) {
        return JSON.createObjectNode().put("name", name).put("value", value);
    }

    private static JsonNode rule(JsonNode ruleset, String type) {
        return StreamSupport.stream(ruleset.path("rules").spliterator(), false)
                .filter(r -> r.path("type").asText().equals(type))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " rule in " + ruleset));
    }
}
