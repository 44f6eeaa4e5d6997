package dev.llmsafe.comment;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmsafe.identity.ActorClassifier;
import java.util.Map;
import java.util.Optional;

/**
 * What one run of the preview workflow found out, stage by stage, built with {@link #builder}. An empty value is a
 * stage the workflow says did not run, or ran and failed without leaving evidence ({@link #outcomes}); the comment
 * says which.
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

    /** A builder with no evidence yet: every stage empty, no checks, not destroyed. */
    public static Builder builder(String stack, Map<Stage, StepOutcome> outcomes, ActorClassifier classifier) {
        return new Builder(stack, outcomes, classifier);
    }

    /** Names each stage's evidence; a stage not given stays empty. */
    public static final class Builder {
        private final String stack;
        private final Map<Stage, StepOutcome> outcomes;
        private final ActorClassifier classifier;
        private Optional<JsonNode> outputs = Optional.empty();
        private Optional<JsonNode> preview = Optional.empty();
        private Optional<JsonNode> policy = Optional.empty();
        private Optional<String> verify = Optional.empty();
        private Map<String, String> checks = Map.of();
        private Optional<JsonNode> reviews = Optional.empty();
        private Optional<String> auditHash = Optional.empty();
        private Optional<String> destroyed = Optional.empty();

        private Builder(String stack, Map<Stage, StepOutcome> outcomes, ActorClassifier classifier) {
            this.stack = stack;
            this.outcomes = outcomes;
            this.classifier = classifier;
        }

        public Builder outputs(Optional<JsonNode> value) {
            this.outputs = value;
            return this;
        }

        public Builder preview(Optional<JsonNode> value) {
            this.preview = value;
            return this;
        }

        public Builder policy(Optional<JsonNode> value) {
            this.policy = value;
            return this;
        }

        public Builder verify(Optional<String> value) {
            this.verify = value;
            return this;
        }

        public Builder checks(Map<String, String> value) {
            this.checks = value;
            return this;
        }

        public Builder reviews(Optional<JsonNode> value) {
            this.reviews = value;
            return this;
        }

        public Builder auditHash(Optional<String> value) {
            this.auditHash = value;
            return this;
        }

        public Builder destroyed(Optional<String> value) {
            this.destroyed = value;
            return this;
        }

        public Evidence build() {
            return new Evidence(
                    stack,
                    outputs,
                    preview,
                    policy,
                    verify,
                    checks,
                    reviews,
                    auditHash,
                    destroyed,
                    outcomes,
                    classifier);
        }
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
