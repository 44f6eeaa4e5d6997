package dev.llmsafe.workflows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a GitHub-hosted runner gives every {@link RunnerStep} before any {@code env:}: the {@code github} context of
 * the run, and the default variables docs.github.com's "Variables reference" lists ({@code CI}, {@code GITHUB_*}
 * derived from that context, {@code RUNNER_*}, HOME and PATH). Kept in one place so the list can be read against
 * the docs.
 */
final class DefaultVariables {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private DefaultVariables() {}

    /** The {@code github} context of run 42 of acme/shop, a push to main by carol, running job {@code jobId}. */
    static ObjectNode githubContext(String file, String jobId) {
        return F.objectNode()
                .put("repository", "acme/shop")
                .put("repository_id", "712345678")
                .put("repository_owner", "acme")
                .put("repository_owner_id", "98765432")
                .put("run_id", "42")
                .put("run_number", "7")
                .put("run_attempt", "1")
                .put("sha", "5c3f0d9e8b7a6f5e4d3c2b1a0f9e8d7c6b5a4f3e")
                .put("ref", "refs/heads/main")
                .put("ref_name", "main")
                .put("ref_type", "branch")
                .put("ref_protected", "true")
                .put("event_name", "push")
                .put("actor", "carol")
                .put("actor_id", "1003")
                .put("triggering_actor", "carol")
                .put("workflow", Workflows.load(file).path("name").asText())
                .put("workflow_ref", "acme/shop/.github/workflows/" + file + "@refs/heads/main")
                .put("workflow_sha", "5c3f0d9e8b7a6f5e4d3c2b1a0f9e8d7c6b5a4f3e")
                .put("job", jobId)
                .put("api_url", "https://api.github.com")
                .put("server_url", "https://github.com")
                .put("graphql_url", "https://api.github.com/graphql")
                .put("retention_days", "90")
                .put("token", "ghs_jobTokenFromTheGithubContext")
                .put("base_ref", "")
                .put("head_ref", "");
    }

    /**
     * The default variables of {@code step} run in {@code workspace}, with {@code path} first on PATH and {@code temp}
     * as RUNNER_TEMP, where the GITHUB_ENV, GITHUB_OUTPUT, GITHUB_PATH and GITHUB_STEP_SUMMARY files are made empty.
     */
    static Map<String, String> of(ObjectNode github, JsonNode step, List<Path> path, Path workspace, Path temp)
            throws IOException {
        Map<String, String> env = new LinkedHashMap<>();
        List<String> dirs = new ArrayList<>();
        path.forEach(p -> dirs.add(p.toString()));
        dirs.add(Path.of(System.getProperty("java.home"), "bin").toString());
        dirs.add("/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
        env.put("PATH", String.join(":", dirs));
        env.put("HOME", Files.createDirectories(temp.resolve("home")).toString());
        env.put("CI", "true");
        env.put("GITHUB_ACTIONS", "true");
        env.put("GITHUB_ACTION", step.path("id").asText("__run"));
        for (String key : List.of(
                "actor",
                "actor_id",
                "api_url",
                "base_ref",
                "event_name",
                "graphql_url",
                "head_ref",
                "job",
                "ref",
                "ref_name",
                "ref_protected",
                "ref_type",
                "repository",
                "repository_id",
                "repository_owner",
                "repository_owner_id",
                "retention_days",
                "run_attempt",
                "run_id",
                "run_number",
                "server_url",
                "sha",
                "triggering_actor",
                "workflow",
                "workflow_ref",
                "workflow_sha")) {
            env.put("GITHUB_" + key.toUpperCase(Locale.ROOT), github.path(key).asText());
        }
        for (String name : List.of("ENV", "OUTPUT", "PATH", "STEP_SUMMARY")) {
            env.put(
                    "GITHUB_" + name,
                    Files.writeString(temp.resolve(name.toLowerCase(Locale.ROOT)), "")
                            .toString());
        }
        env.put(
                "GITHUB_EVENT_PATH",
                Files.writeString(temp.resolve("event.json"), "{}").toString());
        env.put("GITHUB_WORKSPACE", workspace.toString());
        env.put("RUNNER_ARCH", "X64");
        env.put("RUNNER_ENVIRONMENT", "github-hosted");
        env.put("RUNNER_NAME", "GitHub Actions 1");
        env.put("RUNNER_OS", "Linux");
        env.put("RUNNER_TEMP", temp.toString());
        env.put(
                "RUNNER_TOOL_CACHE",
                Files.createDirectories(temp.resolve("toolcache")).toString());
        return env;
    }
}
