package dev.llmsafe.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * What a GitHub Actions job tells about itself: repository, commit, run and actor from the environment, and
 * the pull request, account type and commit message from the event file. Empty outside Actions.
 *
 * @param accountType GitHub's type of the acting account ({@code User} or {@code Bot}) when the event says
 * @param commitMessage the head commit's message when the event carries it (push events)
 */
public record GithubContext(Subject subject, String actor, String accountType, String commitMessage) {
    public static final GithubContext NONE = new GithubContext(Subject.NONE, null, null, null);

    /** Reads the context from environment variables; a missing or unreadable event file is an IOException. */
    public static GithubContext fromEnvironment(Map<String, String> env) throws IOException {
        if (!"true".equals(env.get("GITHUB_ACTIONS"))) {
            return NONE;
        }
        JsonNode event = AuditJson.MAPPER.createObjectNode();
        String eventPath = blankToNull(env.get("GITHUB_EVENT_PATH"));
        if (eventPath != null) {
            try {
                event = AuditJson.MAPPER.readTree(Files.readString(Path.of(eventPath)));
            } catch (IOException e) {
                throw new IOException(
                        "cannot read the GitHub event file " + eventPath + " (GITHUB_EVENT_PATH): " + e.getMessage(),
                        e);
            }
        }
        JsonNode pr = event.path("pull_request");
        Integer prNumber = pr.path("number").isIntegralNumber()
                ? Integer.valueOf(pr.path("number").intValue())
                : event.path("number").isIntegralNumber() && event.has("pull_request")
                        ? Integer.valueOf(event.path("number").intValue())
                        : null;
        // On pull_request events GITHUB_SHA is a merge commit GitHub made; the PR's head is what was reviewed.
        String commit =
                Optional.ofNullable(text(pr.path("head").path("sha"))).orElse(blankToNull(env.get("GITHUB_SHA")));
        String actor = blankToNull(env.get("GITHUB_ACTOR"));
        String accountType = actor != null
                        && actor.equalsIgnoreCase(text(event.path("sender").path("login")))
                ? text(event.path("sender").path("type"))
                : null;
        Subject subject = Subject.builder()
                .repository(blankToNull(env.get("GITHUB_REPOSITORY")))
                .pr(prNumber)
                .commit(commit)
                .run(blankToNull(env.get("GITHUB_RUN_ID")))
                .serverUrl(blankToNull(env.get("GITHUB_SERVER_URL")))
                .build();
        return new GithubContext(
                subject, actor, accountType, text(event.path("head_commit").path("message")));
    }

    private static String text(JsonNode node) {
        return node.isTextual() && !node.asText().isBlank() ? node.asText() : null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
