package dev.llmsafe.providers.github.inputs;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import java.util.List;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * Pull request rules of a ruleset (type RepositoryRulesetRulesPullRequest).
 */
public final class RepositoryRulesetRulesPullRequestArgs extends ResourceArgs {
    public static final RepositoryRulesetRulesPullRequestArgs Empty = new RepositoryRulesetRulesPullRequestArgs();

    @Import(name = "allowedMergeMethods")
    private @Nullable Output<List<String>> allowedMergeMethods;

    @Import(name = "dismissStaleReviewsOnPush")
    private @Nullable Output<Boolean> dismissStaleReviewsOnPush;

    @Import(name = "requireCodeOwnerReview")
    private @Nullable Output<Boolean> requireCodeOwnerReview;

    @Import(name = "requireLastPushApproval")
    private @Nullable Output<Boolean> requireLastPushApproval;

    @Import(name = "requiredApprovingReviewCount")
    private @Nullable Output<Integer> requiredApprovingReviewCount;

    @Import(name = "requiredReviewThreadResolution")
    private @Nullable Output<Boolean> requiredReviewThreadResolution;

    private RepositoryRulesetRulesPullRequestArgs() {}

    /** merge, squash and/or rebase. */
    public Optional<Output<List<String>>> allowedMergeMethods() {
        return Optional.ofNullable(this.allowedMergeMethods);
    }

    /** New reviewable commits dismiss earlier approvals. */
    public Optional<Output<Boolean>> dismissStaleReviewsOnPush() {
        return Optional.ofNullable(this.dismissStaleReviewsOnPush);
    }

    /** Changes to owned files need a code owner's approval. */
    public Optional<Output<Boolean>> requireCodeOwnerReview() {
        return Optional.ofNullable(this.requireCodeOwnerReview);
    }

    /** The most recent push must be approved by someone other than its pusher. */
    public Optional<Output<Boolean>> requireLastPushApproval() {
        return Optional.ofNullable(this.requireLastPushApproval);
    }

    /** Approving reviews needed before merging. */
    public Optional<Output<Integer>> requiredApprovingReviewCount() {
        return Optional.ofNullable(this.requiredApprovingReviewCount);
    }

    /** All review conversations must be resolved. */
    public Optional<Output<Boolean>> requiredReviewThreadResolution() {
        return Optional.ofNullable(this.requiredReviewThreadResolution);
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final RepositoryRulesetRulesPullRequestArgs $ = new RepositoryRulesetRulesPullRequestArgs();

        public Builder allowedMergeMethods(@Nullable Output<List<String>> allowedMergeMethods) {
            $.allowedMergeMethods = allowedMergeMethods;
            return this;
        }

        public Builder allowedMergeMethods(List<String> allowedMergeMethods) {
            return allowedMergeMethods(Output.of(allowedMergeMethods));
        }

        public Builder allowedMergeMethods(String... allowedMergeMethods) {
            return allowedMergeMethods(List.of(allowedMergeMethods));
        }

        public Builder dismissStaleReviewsOnPush(@Nullable Output<Boolean> dismissStaleReviewsOnPush) {
            $.dismissStaleReviewsOnPush = dismissStaleReviewsOnPush;
            return this;
        }

        public Builder dismissStaleReviewsOnPush(Boolean dismissStaleReviewsOnPush) {
            return dismissStaleReviewsOnPush(Output.of(dismissStaleReviewsOnPush));
        }

        public Builder requireCodeOwnerReview(@Nullable Output<Boolean> requireCodeOwnerReview) {
            $.requireCodeOwnerReview = requireCodeOwnerReview;
            return this;
        }

        public Builder requireCodeOwnerReview(Boolean requireCodeOwnerReview) {
            return requireCodeOwnerReview(Output.of(requireCodeOwnerReview));
        }

        public Builder requireLastPushApproval(@Nullable Output<Boolean> requireLastPushApproval) {
            $.requireLastPushApproval = requireLastPushApproval;
            return this;
        }

        public Builder requireLastPushApproval(Boolean requireLastPushApproval) {
            return requireLastPushApproval(Output.of(requireLastPushApproval));
        }

        public Builder requiredApprovingReviewCount(@Nullable Output<Integer> requiredApprovingReviewCount) {
            $.requiredApprovingReviewCount = requiredApprovingReviewCount;
            return this;
        }

        public Builder requiredApprovingReviewCount(Integer requiredApprovingReviewCount) {
            return requiredApprovingReviewCount(Output.of(requiredApprovingReviewCount));
        }

        public Builder requiredReviewThreadResolution(@Nullable Output<Boolean> requiredReviewThreadResolution) {
            $.requiredReviewThreadResolution = requiredReviewThreadResolution;
            return this;
        }

        public Builder requiredReviewThreadResolution(Boolean requiredReviewThreadResolution) {
            return requiredReviewThreadResolution(Output.of(requiredReviewThreadResolution));
        }

        public RepositoryRulesetRulesPullRequestArgs build() {
            return $;
        }
    }
}
