package dev.llmsafe.gate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** What each refusal from GitHub means for this command, and what to change. */
final class ApiErrors {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ApiErrors() {}

    static String explain(int status, String what, String body) {
        String github = message(body);
        String said = github.isEmpty() ? "" : " (GitHub says: " + github + ")";
        switch (status) {
            case 401:
                return "GitHub rejected the token (401) for " + what + said + ": GITHUB_TOKEN is missing, expired or "
                        + "revoked; in a workflow set `env: GITHUB_TOKEN: ${{ github.token }}`";
            case 403:
                return "GitHub refused " + what + " (403)" + said + ": the token may not read this repository's "
                        + "Actions runs, commits or pull requests; give the job `permissions: actions: read, contents: "
                        + "read, pull-requests: read` (or a token with that read access)";
            case 404:
                return "GitHub found nothing at " + what + " (404)" + said + ": check --repo OWNER/REPO and --run-id "
                        + "(use ${{ github.run_id }}), and that the token can see the repository (GitHub answers 404, "
                        + "not 403, when a token cannot see a private repository)";
            default:
                return "GitHub answered " + what + " with HTTP " + status + said;
        }
    }

    private static String message(String body) {
        try {
            JsonNode node = JSON.readTree(body == null ? "" : body);
            String text = node == null ? "" : node.path("message").asText("");
            return text.length() > 200 ? text.substring(0, 200) + "..." : text;
        } catch (java.io.IOException e) {
            return "";
        }
    }
}
