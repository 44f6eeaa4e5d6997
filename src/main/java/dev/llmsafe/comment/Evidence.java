package dev.llmsafe.comment;

import com.fasterxml.jackson.databind.JsonNode;

import dev.llmsafe.identity.ActorClassifier;

import java.util.Map;
import java.util.Optional;

/**
 * What one run of the preview workflow found out, stage by stage. An empty value is a stage the workflow says did
 * not run, or ran and failed without leaving evidence ({@link #outcomes}); the comment says which.
 *
 * @param outputs   {@code pulumi stack output --json}
 * @param preview   {@code pulumi preview --json}
 * @param policy    {@code llmsafe policy check --format json}
 * @param verify    what {@code llmsafe verify} printed
 * @param checks    seed and test outcomes: name to passed, failed or absent
 * @param reviews   the pull request's reviews from the GitHub API
 * @param destroyed set when the preview was destroyed: destroyed, absent or failed
 * @param outcomes  what the workflow said each stage's step did; a stage not named succeeded
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
        Map<Stage, StepOutcome> outcomes,
        ActorClassifier classifier) {

    public Evidence {
        outcomes = Map.copyOf(outcomes);
    }

    /** Why a stage shows no evidence, in the words of its table row. */
    String absent(Stage stage) {
        StepOutcome outcome = outcomes.getOrDefault(stage, StepOutcome.SKIPPED);
        return switch (outcome) {
            case FAILURE -> "step failed; see the job log";
            case CANCELLED -> "step cancelled";
            default -> stage == Stage.AUDIT ? "not recorded" : stage == Stage.REVIEWS ? "not read" : "not reached";
        };
    }
}
