package dev.llmsafe.engine;

import static dev.llmsafe.engine.GithubStandIn.JSON;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmsafe.engine.GithubStandIn.Reply;
import dev.llmsafe.engine.GithubStandIn.Request;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * Files on the main branch and the commits that wrote them (docs.github.com/rest/repos/contents and
 * /commits/commits). A write must name the blob it replaces: creating over an existing file without its
 * {@code sha}, or with a stale one, is refused as GitHub refuses it.
 */
final class GithubContentsApi {
    private record File(String content, String sha) {}

    private final GithubStandIn api;
    private final Map<String, File> files = new HashMap<>();
    private final Map<String, ObjectNode> commits = new HashMap<>();

    GithubContentsApi(GithubStandIn api) {
        this.api = api;
    }

    void register() {
        api.route("GET", "/repos/{owner}/{repo}/contents/(.+)", (m, r) -> get(m.group(1), r));
        api.route("PUT", "/repos/{owner}/{repo}/contents/(.+)", (m, r) -> put(m.group(1), r));
        api.route("DELETE", "/repos/{owner}/{repo}/contents/(.+)", (m, r) -> delete(m.group(1), r));
        api.route("GET", "/repos/{owner}/{repo}/commits/([0-9a-f]{40})", (m, r) -> {
            ObjectNode commit = commits.get(m.group(1));
            return commit == null
                    ? Reply.error(422, "No commit found for SHA: " + m.group(1))
                    : Reply.json(200, commit.deepCopy());
        });
    }

    private Reply get(String path, Request r) {
        if (!onMain(r.query().get("ref"))) {
            return Reply.error(404, "No commit found for the ref " + r.query().get("ref"));
        }
        File file = files.get(path);
        return file == null ? Reply.notFound() : Reply.json(200, contentObject(path, file, true));
    }

    /** PUT contents: {@code message} and base64 {@code content} required; {@code sha} when replacing a file. */
    private Reply put(String path, Request r) {
        JsonNode body = r.body();
        if (body == null
                || !body.path("message").isTextual()
                || !body.path("content").isTextual()) {
            return Reply.error(422, "Invalid request: message and content are required");
        }
        if (!onMain(body.path("branch").asText(null))) {
            return Reply.error(404, "Branch " + body.path("branch").asText() + " not found");
        }
        if (api.repositoryApi.pullRequestRequired("main")) {
            return ruleViolation();
        }
        File existing = files.get(path);
        String sha = body.path("sha").asText(null);
        if (existing == null && sha != null) {
            return Reply.error(409, path + " does not match " + sha);
        }
        if (existing != null && sha == null) {
            return Reply.error(422, "Invalid request. \"sha\" wasn't supplied.");
        }
        if (existing != null && !existing.sha().equals(sha)) {
            return Reply.error(409, path + " does not match " + sha);
        }
        String content =
                new String(Base64.getMimeDecoder().decode(body.path("content").asText()), StandardCharsets.UTF_8);
        File file = new File(content, blobSha(content));
        files.put(path, file);
        ObjectNode reply = JSON.createObjectNode();
        reply.set("content", contentObject(path, file, false));
        reply.set("commit", commit(body.path("message").asText()));
        return Reply.json(existing == null ? 201 : 200, reply);
    }

    /** DELETE contents: {@code message} and the current {@code sha} required. */
    private Reply delete(String path, Request r) {
        JsonNode body = r.body();
        File existing = files.get(path);
        if (existing == null) {
            return Reply.notFound();
        }
        if (body == null
                || !body.path("message").isTextual()
                || !body.path("sha").isTextual()) {
            return Reply.error(422, "Invalid request: message and sha are required");
        }
        if (!existing.sha().equals(body.path("sha").asText())) {
            return Reply.error(409, path + " does not match " + body.path("sha").asText());
        }
        if (api.repositoryApi.pullRequestRequired("main")) {
            return ruleViolation();
        }
        files.remove(path);
        ObjectNode reply = JSON.createObjectNode();
        reply.putNull("content");
        reply.set("commit", commit(body.path("message").asText()));
        return Reply.json(200, reply);
    }

    /** What GitHub answers a direct write to a branch whose rules require a pull request. */
    private static Reply ruleViolation() {
        return Reply.error(409, "Repository rule violations found\n\nChanges must be made through a pull request.\n\n");
    }

    /** The stand-in has one branch; an absent ref means the default branch. */
    private static boolean onMain(String ref) {
        return ref == null || ref.equals("main") || ref.equals("refs/heads/main");
    }

    private ObjectNode contentObject(String path, File file, boolean withContent) {
        String apiPath = api.repoPath() + "/contents/" + path;
        ObjectNode node = JSON.createObjectNode()
                .put("type", "file")
                .put("name", path.substring(path.lastIndexOf('/') + 1))
                .put("path", path)
                .put("sha", file.sha())
                .put("size", file.content().getBytes(StandardCharsets.UTF_8).length)
                .put("url", api.url(apiPath) + "?ref=main")
                .put("git_url", api.url(api.repoPath() + "/git/blobs/" + file.sha()))
                .put("html_url", "https://github.example/" + api.owner + "/" + api.repository + "/blob/main/" + path)
                .put(
                        "download_url",
                        "https://raw.github.example/" + api.owner + "/" + api.repository + "/main/" + path);
        if (withContent) {
            node.put("encoding", "base64")
                    .put(
                            "content",
                            Base64.getMimeEncoder(60, new byte[] {'\n'})
                                            .encodeToString(file.content().getBytes(StandardCharsets.UTF_8))
                                    + "\n");
        }
        return node;
    }

    /** A commit by the token's user, stored so {@code GET .../commits/{sha}} finds it. */
    private ObjectNode commit(String message) {
        String sha = sha1("commit " + commits.size() + " " + message + " " + System.nanoTime());
        ObjectNode person = JSON.createObjectNode()
                .put("name", "platform-admin")
                .put("email", "platform-admin@users.noreply.github.example")
                .put("date", GithubStandIn.now());
        ObjectNode git = JSON.createObjectNode().put("message", message);
        git.set("author", person.deepCopy());
        git.set("committer", person.deepCopy());
        git.set("tree", JSON.createObjectNode().put("sha", sha1("tree " + sha)));
        ObjectNode full = JSON.createObjectNode()
                .put("sha", sha)
                .put("node_id", "C_" + sha)
                .put("url", api.url(api.repoPath() + "/commits/" + sha));
        full.set("commit", git);
        full.set("parents", JSON.createArrayNode());
        full.set("files", JSON.createArrayNode());
        commits.put(sha, full);
        // The contents API answers with the git commit object: sha, message, author, committer, tree.
        ObjectNode reply = git.deepCopy();
        reply.put("sha", sha).put("node_id", "C_" + sha).put("url", api.url(api.repoPath() + "/git/commits/" + sha));
        return reply;
    }

    /** Git's blob id of the content. */
    private static String blobSha(String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        return sha1("blob " + bytes.length + "\0" + content);
    }

    private static String sha1(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * What merging a reviewed pull request that changes the file does to main: a commit the rules let through,
     * since a pull request is the way they require.
     */
    void mergePullRequest(String path, String content) {
        synchronized (api) {
            files.put(path, new File(content, blobSha(content)));
            commit("Merge pull request: " + path);
        }
    }

    /** The file's current text, or null. */
    String content(String path) {
        File file = files.get(path);
        return file == null ? null : file.content();
    }
}
