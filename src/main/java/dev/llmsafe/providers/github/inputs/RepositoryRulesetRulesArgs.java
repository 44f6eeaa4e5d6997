package dev.llmsafe.providers.github.inputs;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * The rules of a ruleset (type RepositoryRulesetRules); the pattern, merge-queue, code-scanning and file rules
 * of the schema are not bound because nothing here uses them.
 */
public final class RepositoryRulesetRulesArgs extends ResourceArgs {
    public static final RepositoryRulesetRulesArgs Empty = new RepositoryRulesetRulesArgs();

    @Import(name = "creation")
    private @Nullable Output<Boolean> creation;

    @Import(name = "deletion")
    private @Nullable Output<Boolean> deletion;

    @Import(name = "nonFastForward")
    private @Nullable Output<Boolean> nonFastForward;

    @Import(name = "pullRequest")
    private @Nullable Output<RepositoryRulesetRulesPullRequestArgs> pullRequest;

    @Import(name = "requiredLinearHistory")
    private @Nullable Output<Boolean> requiredLinearHistory;

    @Import(name = "requiredSignatures")
    private @Nullable Output<Boolean> requiredSignatures;

    @Import(name = "requiredStatusChecks")
    private @Nullable Output<RepositoryRulesetRulesRequiredStatusChecksArgs> requiredStatusChecks;

    @Import(name = "update")
    private @Nullable Output<Boolean> update;

    private RepositoryRulesetRulesArgs() {}

    /** Only bypass actors may create matching refs. */
    public Optional<Output<Boolean>> creation() {
        return Optional.ofNullable(this.creation);
    }

    /** Only bypass actors may delete matching refs. */
    public Optional<Output<Boolean>> deletion() {
        return Optional.ofNullable(this.deletion);
    }

    /** Nobody may force-push to matching refs. */
    public Optional<Output<Boolean>> nonFastForward() {
        return Optional.ofNullable(this.nonFastForward);
    }

    /** Changes arrive through reviewed pull requests. */
    public Optional<Output<RepositoryRulesetRulesPullRequestArgs>> pullRequest() {
        return Optional.ofNullable(this.pullRequest);
    }

    /** No merge commits. */
    public Optional<Output<Boolean>> requiredLinearHistory() {
        return Optional.ofNullable(this.requiredLinearHistory);
    }

    /** Commits must carry verified signatures. */
    public Optional<Output<Boolean>> requiredSignatures() {
        return Optional.ofNullable(this.requiredSignatures);
    }

    /** Checks that must pass. */
    public Optional<Output<RepositoryRulesetRulesRequiredStatusChecksArgs>> requiredStatusChecks() {
        return Optional.ofNullable(this.requiredStatusChecks);
    }

    /** Only bypass actors may update matching refs. */
    public Optional<Output<Boolean>> update() {
        return Optional.ofNullable(this.update);
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final RepositoryRulesetRulesArgs $ = new RepositoryRulesetRulesArgs();

        public Builder creation(@Nullable Output<Boolean> creation) {
            $.creation = creation;
            return this;
        }

        public Builder creation(Boolean creation) {
            return creation(Output.of(creation));
        }

        public Builder deletion(@Nullable Output<Boolean> deletion) {
            $.deletion = deletion;
            return this;
        }

        public Builder deletion(Boolean deletion) {
            return deletion(Output.of(deletion));
        }

        public Builder nonFastForward(@Nullable Output<Boolean> nonFastForward) {
            $.nonFastForward = nonFastForward;
            return this;
        }

        public Builder nonFastForward(Boolean nonFastForward) {
            return nonFastForward(Output.of(nonFastForward));
        }

        public Builder pullRequest(@Nullable Output<RepositoryRulesetRulesPullRequestArgs> pullRequest) {
            $.pullRequest = pullRequest;
            return this;
        }

        public Builder pullRequest(RepositoryRulesetRulesPullRequestArgs pullRequest) {
            return pullRequest(Output.of(pullRequest));
        }

        public Builder requiredLinearHistory(@Nullable Output<Boolean> requiredLinearHistory) {
            $.requiredLinearHistory = requiredLinearHistory;
            return this;
        }

        public Builder requiredLinearHistory(Boolean requiredLinearHistory) {
            return requiredLinearHistory(Output.of(requiredLinearHistory));
        }

        public Builder requiredSignatures(@Nullable Output<Boolean> requiredSignatures) {
            $.requiredSignatures = requiredSignatures;
            return this;
        }

        public Builder requiredSignatures(Boolean requiredSignatures) {
            return requiredSignatures(Output.of(requiredSignatures));
        }

        public Builder requiredStatusChecks(
                @Nullable Output<RepositoryRulesetRulesRequiredStatusChecksArgs> requiredStatusChecks) {
            $.requiredStatusChecks = requiredStatusChecks;
            return this;
        }

        public Builder requiredStatusChecks(RepositoryRulesetRulesRequiredStatusChecksArgs requiredStatusChecks) {
            return requiredStatusChecks(Output.of(requiredStatusChecks));
        }

        public Builder update(@Nullable Output<Boolean> update) {
            $.update = update;
            return this;
        }

        public Builder update(Boolean update) {
            return update(Output.of(update));
        }

        public RepositoryRulesetRulesArgs build() {
            return $;
        }
    }
}
