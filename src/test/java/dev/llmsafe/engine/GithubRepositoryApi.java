package dev.llmsafe.engine;

import static dev.llmsafe.engine.GithubStandIn.JSON;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmsafe.engine.GithubStandIn.Reply;
import java.util.Map;
import java.util.TreeMap;

/**
 * The organization, the repository, its branches, its workflow permissions and its rulesets, as
 * docs.github.com/rest/orgs, /repos, /branches, /actions/permissions and /repos/rules describe them.
 */
final class GithubRepositoryApi {
    static final long ORG_ID = 90001;
    static final long REPO_ID = 70001;
    /** The commit at the tip of the main branch before any write. */
    static final String INITIAL_SHA = "6dcb09b5b57875f334f61aebed695e2e4193db5e";

    private final GithubStandIn api;
    private final Map<Long, ObjectNode> rulesets = new TreeMap<>();
    private long nextRulesetId = 42001;
    /** A repository's defaults before anyone changes them: write tokens that may approve pull requests. */
    private ObjectNode workflowPermissions = JSON.createObjectNode()
            .put("default_workflow_permissions", "write")
            .put("can_approve_pull_request_reviews", true);

    GithubRepositoryApi(GithubStandIn api) {
        this.api = api;
    }

    void register() {
        api.route("GET", "/orgs/{owner}", (m, r) -> Reply.json(200, organization()));
        api.route("GET", "/repos/{owner}/{repo}", (m, r) -> Reply.json(200, repository()));
        api.route(
                "GET",
                "/repos/{owner}/{repo}/branches/([^/]+)",
                (m, r) -> "main".equals(m.group(1)) ? Reply.json(200, branch()) : Reply.error(404, "Branch not found"));
        api.route(
                "GET",
                "/repos/{owner}/{repo}/actions/permissions/workflow",
                (m, r) -> Reply.json(200, workflowPermissions.deepCopy()));
        api.route("PUT", "/repos/{owner}/{repo}/actions/permissions/workflow", (m, r) -> putPermissions(r));
        api.route("POST", "/repos/{owner}/{repo}/rulesets", (m, r) -> createRuleset(r));
        api.route("GET", "/repos/{owner}/{repo}/rulesets/(\\d+)", (m, r) -> ruleset(Long.parseLong(m.group(1))));
        api.route(
                "PUT", "/repos/{owner}/{repo}/rulesets/(\\d+)", (m, r) -> updateRuleset(Long.parseLong(m.group(1)), r));
        api.route(
                "DELETE",
                "/repos/{owner}/{repo}/rulesets/(\\d+)",
                (m, r) -> rulesets.remove(Long.parseLong(m.group(1))) == null ? Reply.notFound() : Reply.noContent());
    }

    /**
     * Whether an active ruleset requires a pull request on {@code branch} with nobody to bypass it: GitHub then
     * refuses direct writes to the branch, the contents API's included.
     */
    boolean pullRequestRequired(String branch) {
        for (ObjectNode ruleset : rulesets.values()) {
            boolean matches = false;
            for (JsonNode include : ruleset.path("conditions").path("ref_name").path("include")) {
                String ref = include.asText();
                matches |= ref.equals("refs/heads/" + branch) || ref.equals("~ALL") || ref.equals("~DEFAULT_BRANCH");
            }
            boolean pullRequest = false;
            for (JsonNode rule : ruleset.path("rules")) {
                pullRequest |= rule.path("type").asText().equals("pull_request");
            }
            if (matches
                    && pullRequest
                    && ruleset.path("enforcement").asText().equals("active")
                    && ruleset.path("bypass_actors").isEmpty()) {
                return true;
            }
        }
        return false;
    }

    private ObjectNode organization() {
        return JSON.createObjectNode()
                .put("login", api.owner)
                .put("id", ORG_ID)
                .put("node_id", "O_" + ORG_ID)
                .put("url", api.url("/orgs/" + api.owner))
                .put("type", "Organization")
                .put("name", api.owner)
                .put("html_url", "https://github.example/" + api.owner);
    }

    private ObjectNode repository() {
        ObjectNode repo = JSON.createObjectNode()
                .put("id", REPO_ID)
                .put("node_id", "R_" + REPO_ID)
                .put("name", api.repository)
                .put("full_name", api.owner + "/" + api.repository)
                .put("private", false)
                .put("visibility", "public")
                .put("archived", false)
                .put("disabled", false)
                .put("default_branch", "main")
                .put("url", api.url(api.repoPath()))
                .put("html_url", "https://github.example/" + api.owner + "/" + api.repository);
        repo.set(
                "owner",
                JSON.createObjectNode()
                        .put("login", api.owner)
                        .put("id", ORG_ID)
                        .put("type", "Organization"));
        return repo;
    }

    private ObjectNode branch() {
        ObjectNode branch = JSON.createObjectNode().put("name", "main").put("protected", false);
        branch.set(
                "commit",
                JSON.createObjectNode()
                        .put("sha", INITIAL_SHA)
                        .put("url", api.url(api.repoPath() + "/commits/" + INITIAL_SHA)));
        return branch;
    }

    /** PUT .../actions/permissions/workflow: 204; the two fields are optional, unknown values are 422. */
    private Reply putPermissions(GithubStandIn.Request r) {
        JsonNode body = r.body();
        if (body == null) {
            return Reply.error(422, "Invalid request: no body");
        }
        String permissions = body.path("default_workflow_permissions").asText("");
        if (body.has("default_workflow_permissions") && !permissions.equals("read") && !permissions.equals("write")) {
            return Reply.error(422, "Invalid request: default_workflow_permissions must be read or write");
        }
        ObjectNode next = workflowPermissions.deepCopy();
        if (body.has("default_workflow_permissions")) {
            next.put("default_workflow_permissions", permissions);
        }
        if (body.has("can_approve_pull_request_reviews")) {
            next.put(
                    "can_approve_pull_request_reviews",
                    body.path("can_approve_pull_request_reviews").asBoolean());
        }
        workflowPermissions = next;
        return Reply.noContent();
    }

    private Reply createRuleset(GithubStandIn.Request r) {
        Reply invalid = validate(r.body());
        if (invalid != null) {
            return invalid;
        }
        long id = nextRulesetId++;
        ObjectNode ruleset = stored(id, r.body());
        ruleset.put("created_at", GithubStandIn.now());
        rulesets.put(id, ruleset);
        return withEtag(201, ruleset);
    }

    private Reply updateRuleset(long id, GithubStandIn.Request r) {
        ObjectNode existing = rulesets.get(id);
        if (existing == null) {
            return Reply.notFound();
        }
        Reply invalid = validate(r.body());
        if (invalid != null) {
            return invalid;
        }
        ObjectNode ruleset = stored(id, r.body());
        ruleset.set("created_at", existing.get("created_at"));
        rulesets.put(id, ruleset);
        return withEtag(200, ruleset);
    }

    private Reply ruleset(long id) {
        ObjectNode ruleset = rulesets.get(id);
        return ruleset == null ? Reply.notFound() : withEtag(200, ruleset);
    }

    /** The documented required fields: name, enforcement; rules are {type, parameters} objects. */
    private static Reply validate(JsonNode body) {
        if (body == null
                || !body.path("name").isTextual()
                || !body.path("enforcement").isTextual()) {
            return Reply.error(422, "Invalid request: name and enforcement are required");
        }
        for (JsonNode rule : body.path("rules")) {
            if (!rule.path("type").isTextual()) {
                return Reply.error(422, "Invalid request: every rule needs a type");
            }
        }
        return null;
    }

    /** The ruleset as GitHub returns it: what was sent, plus the fields GitHub sets. */
    private ObjectNode stored(long id, JsonNode body) {
        ObjectNode ruleset = JSON.createObjectNode()
                .put("id", id)
                .put("node_id", "RRS_" + id)
                .put("source_type", "Repository")
                .put("source", api.owner + "/" + api.repository);
        ruleset.setAll((ObjectNode) body.deepCopy());
        ruleset.put("target", body.path("target").asText("branch"));
        if (!ruleset.has("bypass_actors")) {
            ruleset.set("bypass_actors", JSON.createArrayNode());
        }
        ruleset.put("current_user_can_bypass", "never").put("updated_at", GithubStandIn.now());
        ruleset.set(
                "_links",
                JSON.createObjectNode()
                        .set("self", JSON.createObjectNode().put("href", api.url(api.repoPath() + "/rulesets/" + id))));
        return ruleset;
    }

    private static Reply withEtag(int status, ObjectNode ruleset) {
        return new Reply(
                status,
                ruleset.deepCopy(),
                Map.of("ETag", "W/\"" + Integer.toHexString(ruleset.toString().hashCode()) + "\""));
    }

    /** How many rulesets the repository has. */
    int rulesetCount() {
        return rulesets.size();
    }
}
