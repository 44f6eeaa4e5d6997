package dev.llmsafe.engine;

import static dev.llmsafe.engine.GithubStandIn.JSON;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmsafe.engine.GithubStandIn.Reply;
import dev.llmsafe.engine.GithubStandIn.Request;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Deployment environments, their deployment branch policies and their Actions variables
 * (docs.github.com/rest/deployments/environments, /deployments/branch-policies, /actions/variables). A PUT of an
 * environment sets what its body names; protection rules come back as GitHub lists them.
 */
final class GithubEnvironmentsApi {
    private static final String ENV = "/repos/{owner}/{repo}/environments/([^/]+)";

    private final GithubStandIn api;
    private final Map<String, ObjectNode> environments = new LinkedHashMap<>();
    private final Map<String, Map<Long, ObjectNode>> policies = new LinkedHashMap<>();
    private final Map<String, Map<String, ObjectNode>> variables = new LinkedHashMap<>();
    private long nextId = 161088001;

    GithubEnvironmentsApi(GithubStandIn api) {
        this.api = api;
    }

    void register() {
        api.route("PUT", ENV, (m, r) -> put(m.group(1), r));
        api.route("GET", ENV, (m, r) -> found(environments.get(m.group(1))));
        api.route("DELETE", ENV, (m, r) -> {
            String env = m.group(1);
            policies.remove(env);
            variables.remove(env);
            return environments.remove(env) == null ? Reply.notFound() : Reply.noContent();
        });
        api.route("POST", ENV + "/deployment-branch-policies", (m, r) -> createPolicy(m.group(1), r));
        api.route(
                "GET",
                ENV + "/deployment-branch-policies/(\\d+)",
                (m, r) -> found(policies(m.group(1)).get(Long.parseLong(m.group(2)))));
        api.route("PUT", ENV + "/deployment-branch-policies/(\\d+)", (m, r) -> {
            ObjectNode policy = policies(m.group(1)).get(Long.parseLong(m.group(2)));
            if (policy == null || r.body() == null || !r.body().path("name").isTextual()) {
                return policy == null ? Reply.notFound() : Reply.error(422, "Invalid request: name is required");
            }
            policy.put("name", r.body().path("name").asText());
            return Reply.json(200, policy.deepCopy());
        });
        api.route(
                "DELETE",
                ENV + "/deployment-branch-policies/(\\d+)",
                (m, r) -> policies(m.group(1)).remove(Long.parseLong(m.group(2))) == null
                        ? Reply.notFound()
                        : Reply.noContent());
        api.route("POST", ENV + "/variables", (m, r) -> createVariable(m.group(1), r));
        api.route(
                "GET",
                ENV + "/variables/([^/]+)",
                (m, r) -> found(variables(m.group(1)).get(m.group(2))));
        api.route("PATCH", ENV + "/variables/([^/]+)", (m, r) -> updateVariable(m.group(1), m.group(2), r));
        api.route(
                "DELETE",
                ENV + "/variables/([^/]+)",
                (m, r) -> variables(m.group(1)).remove(m.group(2)) == null ? Reply.notFound() : Reply.noContent());
    }

    private static Reply found(ObjectNode node) {
        return node == null ? Reply.notFound() : Reply.json(200, node.deepCopy());
    }

    private Map<Long, ObjectNode> policies(String env) {
        return environments.containsKey(env) ? policies.computeIfAbsent(env, e -> new LinkedHashMap<>()) : Map.of();
    }

    private Map<String, ObjectNode> variables(String env) {
        return environments.containsKey(env) ? variables.computeIfAbsent(env, e -> new LinkedHashMap<>()) : Map.of();
    }

    /** PUT an environment: creates or updates it; reviewers are {type: User|Team, id}, at most six. */
    private Reply put(String name, Request r) {
        JsonNode body = r.body() == null ? JSON.createObjectNode() : r.body();
        JsonNode reviewers = body.path("reviewers");
        if (reviewers.size() > 6) {
            return Reply.error(422, "Invalid request: at most 6 reviewers");
        }
        ArrayNode rules = JSON.createArrayNode();
        if (body.path("wait_timer").asInt(0) > 0) {
            rules.addObject()
                    .put("id", nextId++)
                    .put("node_id", "GA_wait")
                    .put("type", "wait_timer")
                    .put("wait_timer", body.path("wait_timer").asInt());
        }
        if (!reviewers.isMissingNode() && !reviewers.isNull() && !reviewers.isEmpty()) {
            ObjectNode rule = rules.addObject()
                    .put("id", nextId++)
                    .put("node_id", "GA_reviewers")
                    .put("type", "required_reviewers")
                    .put("prevent_self_review", body.path("prevent_self_review").asBoolean(false));
            ArrayNode listed = rule.putArray("reviewers");
            for (JsonNode reviewer : reviewers) {
                String type = reviewer.path("type").asText();
                if (!type.equals("User") && !type.equals("Team")
                        || !reviewer.path("id").canConvertToLong()) {
                    return Reply.error(
                            422, "Invalid request: reviewer " + reviewer + " needs type User or Team and an id");
                }
                long id = reviewer.path("id").asLong();
                ObjectNode who = JSON.createObjectNode().put("id", id);
                if (type.equals("User")) {
                    who.put("login", "user" + id).put("node_id", "U_" + id).put("type", "User");
                } else {
                    who.put("name", "team" + id).put("slug", "team" + id).put("node_id", "T_" + id);
                }
                listed.addObject().put("type", type).set("reviewer", who);
            }
        }
        JsonNode branchPolicy = body.path("deployment_branch_policy");
        if (branchPolicy.isObject()) {
            if (branchPolicy.path("protected_branches").asBoolean()
                    == branchPolicy.path("custom_branch_policies").asBoolean()) {
                return Reply.error(
                        422,
                        "Invalid request: exactly one of protected_branches and custom_branch_policies"
                                + " must be true");
            }
            rules.addObject().put("id", nextId++).put("node_id", "GA_branch").put("type", "branch_policy");
        }
        ObjectNode existing = environments.get(name);
        ObjectNode env = JSON.createObjectNode()
                .put("id", existing == null ? nextId++ : existing.path("id").asLong())
                .put("node_id", "EN_" + name)
                .put("name", name)
                .put("url", api.url(api.repoPath() + "/environments/" + name))
                .put("html_url", "https://github.example/" + api.owner + "/" + api.repository + "/deployments/" + name)
                .put(
                        "created_at",
                        existing == null
                                ? GithubStandIn.now()
                                : existing.path("created_at").asText())
                .put("updated_at", GithubStandIn.now())
                .put("can_admins_bypass", body.path("can_admins_bypass").asBoolean(true));
        env.set("protection_rules", rules);
        env.set("deployment_branch_policy", branchPolicy.isObject() ? branchPolicy.deepCopy() : JSON.nullNode());
        environments.put(name, env);
        if (!branchPolicy.isObject()
                || !branchPolicy.path("custom_branch_policies").asBoolean()) {
            policies.remove(name);
        }
        return Reply.json(200, env.deepCopy());
    }

    /** POST a branch policy: only where the environment selects custom branch policies. */
    private Reply createPolicy(String env, Request r) {
        ObjectNode environment = environments.get(env);
        if (environment == null) {
            return Reply.notFound();
        }
        if (!environment
                .path("deployment_branch_policy")
                .path("custom_branch_policies")
                .asBoolean()) {
            return Reply.error(404, "Custom branch policies are not enabled for this environment");
        }
        JsonNode body = r.body();
        if (body == null || !body.path("name").isTextual()) {
            return Reply.error(422, "Invalid request: name is required");
        }
        String type = body.path("type").asText("branch");
        for (ObjectNode existing : policies(env).values()) {
            if (existing.path("name").asText().equals(body.path("name").asText())
                    && existing.path("type").asText().equals(type)) {
                return Reply.error(303, "A policy for " + body.path("name").asText() + " already exists");
            }
        }
        long id = nextId++;
        ObjectNode policy = JSON.createObjectNode()
                .put("id", id)
                .put("node_id", "DBP_" + id)
                .put("name", body.path("name").asText())
                .put("type", type);
        policies(env).put(id, policy);
        return Reply.json(200, policy.deepCopy());
    }

    /** POST a variable: 201 with an empty body; a name already taken is 409. */
    private Reply createVariable(String env, Request r) {
        if (!environments.containsKey(env)) {
            return Reply.notFound();
        }
        JsonNode body = r.body();
        if (body == null
                || !body.path("name").isTextual()
                || !body.path("value").isTextual()) {
            return Reply.error(422, "Invalid request: name and value are required");
        }
        String name = body.path("name").asText();
        if (variables(env).containsKey(name)) {
            return Reply.error(409, "Already exists - Variable already exists");
        }
        String now = GithubStandIn.now();
        variables(env)
                .put(
                        name,
                        JSON.createObjectNode()
                                .put("name", name)
                                .put("value", body.path("value").asText())
                                .put("created_at", now)
                                .put("updated_at", now));
        return Reply.json(201, JSON.createObjectNode());
    }

    private Reply updateVariable(String env, String name, Request r) {
        ObjectNode variable = variables(env).get(name);
        if (variable == null) {
            return Reply.notFound();
        }
        if (r.body() != null && r.body().path("value").isTextual()) {
            variable.put("value", r.body().path("value").asText());
        }
        variable.put("updated_at", GithubStandIn.now());
        return Reply.noContent();
    }

    /** Names of the environments that exist now. */
    Set<String> names() {
        return Set.copyOf(environments.keySet());
    }
}
