package dev.llmsafe.comment;

import com.fasterxml.jackson.databind.JsonNode;

import dev.llmsafe.identity.ActorClassifier;

import java.util.Map;
import java.util.Optional;

/**
 * What one run of the preview workflow found out, stage by stage. An empty value means the stage was not reached
 * (an earlier step failed), which the comment says rather than hiding.
 *
 * @param outputs   {@code pulumi stack output --json}
 * @param preview   {@code pulumi preview --json}
 * @param policy    {@code llmsafe policy check --format json}
 * @param verify    what {@code llmsafe verify} printed
 * @param checks    seed and test outcomes: name to passed, failed or absent
 * @param reviews   the pull request's reviews from the GitHub API
 * @param destroyed set when the preview was destroyed: destroyed, absent or failed
 * @param classifier tells human approvals from AI and bot ones
 */
public record Evidence(
        String stack,
        Optional<JsonNode> outputs,
        Optional<JsonNode> preview,
        Optional<JsonNode> policy,
        Optional<String> verify,
        Map<String, String> checks,
        Optional<JsonNode> reviews,
        Optional<String> auditHash,
        Optional<String> destroyed,
        ActorClassifier classifier) {
}
