package dev.llmsafe.gate;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a workflow run, its review history and who wrote the change it deploys from the GitHub REST API.
 * Anything missing or malformed is an error, never a silently skipped approval.
 */
public final class RunApprovalsReader {
    private final GithubApi api;

    public RunApprovalsReader(GithubApi api) {
        this.api = api;
    }

    public RunApprovals read(String repository, long runId) throws GithubApiException {
        String runPath = "repos/" + repository + "/actions/runs/" + runId;
        JsonNode run = api.get(runPath);
        GithubUser actor = user(run.get("actor"), runPath + " actor");
        JsonNode triggering = run.get("triggering_actor");
        GithubUser triggeringActor =
                triggering == null || triggering.isNull() ? actor : user(triggering, runPath + " triggering_actor");
        JsonNode attempt = run.get("run_attempt");
        if (attempt == null || !attempt.canConvertToInt() || attempt.asInt() < 1) {
            throw malformed(runPath, "a run without a run_attempt", attempt);
        }
        JsonNode sha = run.get("head_sha");
        if (sha == null || !sha.isTextual() || !sha.asText().matches("[0-9a-f]{40}|[0-9a-f]{64}")) {
            throw malformed(runPath, "a run without a head_sha", sha);
        }
        List<Approval> approvals = new ArrayList<>();
        String approvalsPath = runPath + "/approvals";
        for (JsonNode item : api.getAll(approvalsPath + "?per_page=100")) {
            approvals.add(approval(item, approvalsPath));
        }
        ChangeAuthors change = new ChangeAuthorsReader(api).read(repository, sha.asText());
        return RunApprovals.builder()
                .runId(runId)
                .attempt(attempt.asInt())
                .actor(actor)
                .triggeringActor(triggeringActor)
                .change(change)
                .approvals(approvals)
                .build();
    }

    private static Approval approval(JsonNode item, String where) throws GithubApiException {
        JsonNode envs = item.get("environments");
        if (envs == null || !envs.isArray()) {
            throw malformed(where, "an approval without an environments list", item);
        }
        List<String> names = new ArrayList<>();
        for (JsonNode env : envs) {
            JsonNode name = env.get("name");
            if (name == null || !name.isTextual()) {
                throw malformed(where, "an environment without a name", item);
            }
            names.add(name.asText());
        }
        JsonNode state = item.get("state");
        if (state == null || !state.isTextual()) {
            throw malformed(where, "an approval without a state", item);
        }
        return new Approval(names, state.asText(), item.path("comment").asText(""), user(item.get("user"), where));
    }

    /** A GitHub account as every endpoint reports one: {@code login}, a positive numeric {@code id}, {@code type}. */
    static GithubUser user(JsonNode node, String where) throws GithubApiException {
        if (node == null
                || !node.isObject()
                || !node.path("login").isTextual()
                || !node.path("id").canConvertToLong()
                || node.path("id").asLong() <= 0) {
            throw malformed(where, "a user without login and id", node);
        }
        return new GithubUser(
                node.get("login").asText(),
                node.get("id").asLong(),
                node.path("type").asText(""));
    }

    static GithubApiException malformed(String where, String what, JsonNode node) {
        String shown = String.valueOf(node);
        return new GithubApiException("GitHub answered " + where + " with " + what + ": "
                + (shown.length() > 200 ? shown.substring(0, 200) + "..." : shown));
    }
}
