package dev.llmsafe.gate;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A local stand-in for the GitHub REST API: scripted responses per path (the last one repeats), every request
 * recorded. Bodies follow GitHub's documented shapes; see {@link #run}, {@link #approval}, {@link #commit} and
 * {@link #pull}.
 */
public final class FakeGithub implements AutoCloseable {
    /** One scripted response. */
    public record Response(int status, String body, Map<String, String> headers) {}

    /** One request as the server saw it. */
    public record Request(String pathAndQuery, String authorization, String accept, String apiVersion) {}

    private final HttpServer server;
    private final Map<String, Deque<Response>> scripts = new HashMap<>();
    private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());

    public FakeGithub() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String key = exchange.getRequestURI().getRawPath()
                    + (exchange.getRequestURI().getRawQuery() == null
                            ? ""
                            : "?" + exchange.getRequestURI().getRawQuery());
            var h = exchange.getRequestHeaders();
            requests.add(new Request(
                    key, h.getFirst("Authorization"), h.getFirst("Accept"), h.getFirst("X-GitHub-Api-Version")));
            Response r = next(key);
            byte[] body = r.body().getBytes(StandardCharsets.UTF_8);
            r.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
            exchange.sendResponseHeaders(r.status(), body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    private synchronized Response next(String key) {
        Deque<Response> script = scripts.get(key);
        if (script == null || script.isEmpty()) {
            return new Response(
                    404,
                    "{\"message\":\"Not Found\",\"documentation_url\":\"https://docs.github.com/rest\"}",
                    Map.of());
        }
        return script.size() > 1 ? script.poll() : script.peek();
    }

    /** Adds a response for {@code pathAndQuery}; responses are served in order and the last one repeats. */
    public synchronized FakeGithub on(String pathAndQuery, int status, String body, Map<String, String> headers) {
        scripts.computeIfAbsent(pathAndQuery, k -> new ArrayDeque<>()).add(new Response(status, body, headers));
        return this;
    }

    public FakeGithub on(String pathAndQuery, int status, String body) {
        return on(pathAndQuery, status, body, Map.of());
    }

    /** Drops what {@code pathAndQuery} was scripted to answer, and answers this from now on. */
    public synchronized FakeGithub replace(String pathAndQuery, int status, String body) {
        scripts.remove(pathAndQuery);
        return on(pathAndQuery, status, body);
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    public static String user(String login, long id, String type) {
        return "{\"login\":\"" + login + "\",\"id\":" + id + ",\"node_id\":\"U_" + id + "\",\"type\":\"" + type
                + "\",\"site_admin\":false,\"html_url\":\"https://github.com/" + login + "\"}";
    }

    /** The commit the scripted runs deploy. */
    public static final String SHA = "5c3f0d9e8b7a6f5e4d3c2b1a0f9e8d7c6b5a4f3e";

    /** A first attempt of a run deploying {@link #SHA}. */
    public static String run(long id, String actor, String triggeringActor) {
        return run(id, actor, triggeringActor, 1, SHA);
    }

    /** A workflow run as {@code GET /repos/{owner}/{repo}/actions/runs/{run_id}} returns it (the fields read). */
    public static String run(long id, String actor, String triggeringActor, int attempt, String headSha) {
        return "{\"id\":" + id + ",\"name\":\"promote\",\"event\":\"push\",\"status\":\"in_progress\","
                + "\"head_branch\":\"main\",\"head_sha\":\"" + headSha + "\",\"run_number\":7,\"run_attempt\":"
                + attempt + ",\"actor\":" + actor + ",\"triggering_actor\":" + triggeringActor + "}";
    }

    /** A git identity of a commit, and the account GitHub links to its email ({@code null}: none). */
    public record Git(String name, String email, String account) {}

    /**
     * A commit as {@code GET /repos/{owner}/{repo}/commits/{ref}} and {@code GET .../pulls/{n}/commits} return it:
     * git's author and committer under {@code commit}, the linked accounts (or null) at the top level.
     */
    public static String commit(String sha, Git author, Git committer) {
        return "{\"sha\":\"" + sha + "\",\"node_id\":\"C_" + sha.substring(0, 8) + "\",\"commit\":{\"author\":"
                + git(author) + ",\"committer\":" + git(committer) + ",\"message\":\"Change\",\"tree\":{\"sha\":\""
                + sha + "\"},\"comment_count\":0,\"verification\":{\"verified\":false,\"reason\":\"unsigned\","
                + "\"signature\":null,\"payload\":null}},\"html_url\":\"https://github.com/acme/shop/commit/" + sha
                + "\",\"author\":" + author.account() + ",\"committer\":" + committer.account() + ",\"parents\":[]}";
    }

    private static String git(Git g) {
        return "{\"name\":\"" + g.name() + "\",\"email\":\"" + g.email() + "\",\"date\":\"2024-01-01T00:00:00Z\"}";
    }

    /** One entry of {@code GET /repos/{owner}/{repo}/commits/{sha}/pulls}; {@code mergedAt} null for unmerged. */
    public static String pull(int number, String user, String mergedAt) {
        return "{\"id\":" + (900 + number) + ",\"number\":" + number + ",\"state\":\"closed\",\"title\":\"Change\","
                + "\"user\":" + user + ",\"merged_at\":" + (mergedAt == null ? "null" : "\"" + mergedAt + "\"")
                + ",\"merge_commit_sha\":\"" + SHA + "\",\"head\":{\"ref\":\"feature\"},\"base\":{\"ref\":\"main\"}}";
    }

    /**
     * Scripts the change {@code sha} of {@code repo} ({@code owner/name}): its commit, and one merged pull request
     * {@code number} by {@code pullAuthor} with {@code pullCommits}; {@code pullAuthor} null scripts a direct push.
     */
    public FakeGithub change(
            String repo, String sha, String commit, int number, String pullAuthor, String... pullCommits) {
        String base = "/repos/" + repo;
        on(base + "/commits/" + sha, 200, commit);
        if (pullAuthor == null) {
            return on(base + "/commits/" + sha + "/pulls?per_page=100", 200, "[]");
        }
        on(
                base + "/commits/" + sha + "/pulls?per_page=100",
                200,
                list(pull(number, pullAuthor, "2024-01-01T00:00:00Z")));
        return on(base + "/pulls/" + number + "/commits?per_page=100", 200, list(pullCommits));
    }

    /** One entry of {@code GET .../actions/runs/{run_id}/approvals}. */
    public static String approval(String state, String user, String comment, String... environments) {
        StringBuilder envs = new StringBuilder();
        for (int i = 0; i < environments.length; i++) {
            envs.append(i > 0 ? "," : "")
                    .append("{\"id\":")
                    .append(161088068 + i)
                    .append(",\"node_id\":\"EN_")
                    .append(i)
                    .append("\",\"name\":\"")
                    .append(environments[i])
                    .append("\",\"created_at\":")
                    .append("\"2024-01-01T00:00:00Z\",\"updated_at\":\"2024-01-01T00:00:00Z\"}");
        }
        return "{\"environments\":[" + envs + "],\"state\":\"" + state + "\",\"comment\":\"" + comment + "\",\"user\":"
                + user + "}";
    }

    public static String list(String... items) {
        return "[" + String.join(",", items) + "]";
    }
}
