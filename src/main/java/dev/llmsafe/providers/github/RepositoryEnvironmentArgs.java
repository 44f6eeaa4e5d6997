package dev.llmsafe.providers.github;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.exceptions.MissingRequiredPropertyException;
import com.pulumi.resources.ResourceArgs;
import dev.llmsafe.providers.github.inputs.RepositoryEnvironmentDeploymentBranchPolicyArgs;
import dev.llmsafe.providers.github.inputs.RepositoryEnvironmentReviewerArgs;
import java.util.List;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * Inputs of {@link RepositoryEnvironment}.
 */
public final class RepositoryEnvironmentArgs extends ResourceArgs {
    public static final RepositoryEnvironmentArgs Empty = new RepositoryEnvironmentArgs();

    @Import(name = "canAdminsBypass")
    private @Nullable Output<Boolean> canAdminsBypass;

    @Import(name = "deploymentBranchPolicy")
    private @Nullable Output<RepositoryEnvironmentDeploymentBranchPolicyArgs> deploymentBranchPolicy;

    @Import(name = "environment", required = true)
    private Output<String> environment;

    @Import(name = "preventSelfReview")
    private @Nullable Output<Boolean> preventSelfReview;

    @Import(name = "repository", required = true)
    private Output<String> repository;

    @Import(name = "reviewers")
    private @Nullable Output<List<RepositoryEnvironmentReviewerArgs>> reviewers;

    @Import(name = "waitTimer")
    private @Nullable Output<Integer> waitTimer;

    private RepositoryEnvironmentArgs() {}

    /** Whether repository admins may bypass the protections; GitHub defaults to true. */
    public Optional<Output<Boolean>> canAdminsBypass() {
        return Optional.ofNullable(this.canAdminsBypass);
    }

    /** Which branches may deploy; any branch when unset. */
    public Optional<Output<RepositoryEnvironmentDeploymentBranchPolicyArgs>> deploymentBranchPolicy() {
        return Optional.ofNullable(this.deploymentBranchPolicy);
    }

    /** The environment's name. */
    public Output<String> environment() {
        return this.environment;
    }

    /** Whether whoever triggered the job is barred from approving it; GitHub defaults to false. */
    public Optional<Output<Boolean>> preventSelfReview() {
        return Optional.ofNullable(this.preventSelfReview);
    }

    /** The repository's name, without the owner. */
    public Output<String> repository() {
        return this.repository;
    }

    /** Who may approve jobs (at most 6 users and teams); one approval lets a job proceed. */
    public Optional<Output<List<RepositoryEnvironmentReviewerArgs>>> reviewers() {
        return Optional.ofNullable(this.reviewers);
    }

    /** Minutes a job waits after it is triggered (0 to 43200). */
    public Optional<Output<Integer>> waitTimer() {
        return Optional.ofNullable(this.waitTimer);
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final RepositoryEnvironmentArgs $ = new RepositoryEnvironmentArgs();

        public Builder canAdminsBypass(@Nullable Output<Boolean> canAdminsBypass) {
            $.canAdminsBypass = canAdminsBypass;
            return this;
        }

        public Builder canAdminsBypass(Boolean canAdminsBypass) {
            return canAdminsBypass(Output.of(canAdminsBypass));
        }

        public Builder deploymentBranchPolicy(
                @Nullable Output<RepositoryEnvironmentDeploymentBranchPolicyArgs> deploymentBranchPolicy) {
            $.deploymentBranchPolicy = deploymentBranchPolicy;
            return this;
        }

        public Builder deploymentBranchPolicy(RepositoryEnvironmentDeploymentBranchPolicyArgs deploymentBranchPolicy) {
            return deploymentBranchPolicy(Output.of(deploymentBranchPolicy));
        }

        public Builder environment(Output<String> environment) {
            $.environment = environment;
            return this;
        }

        public Builder environment(String environment) {
            return environment(Output.of(environment));
        }

        public Builder preventSelfReview(@Nullable Output<Boolean> preventSelfReview) {
            $.preventSelfReview = preventSelfReview;
            return this;
        }

        public Builder preventSelfReview(Boolean preventSelfReview) {
            return preventSelfReview(Output.of(preventSelfReview));
        }

        public Builder repository(Output<String> repository) {
            $.repository = repository;
            return this;
        }

        public Builder repository(String repository) {
            return repository(Output.of(repository));
        }

        public Builder reviewers(@Nullable Output<List<RepositoryEnvironmentReviewerArgs>> reviewers) {
            $.reviewers = reviewers;
            return this;
        }

        public Builder reviewers(List<RepositoryEnvironmentReviewerArgs> reviewers) {
            return reviewers(Output.of(reviewers));
        }

        public Builder reviewers(RepositoryEnvironmentReviewerArgs... reviewers) {
            return reviewers(List.of(reviewers));
        }

        public Builder waitTimer(@Nullable Output<Integer> waitTimer) {
            $.waitTimer = waitTimer;
            return this;
        }

        public Builder waitTimer(Integer waitTimer) {
            return waitTimer(Output.of(waitTimer));
        }

        public RepositoryEnvironmentArgs build() {
            if ($.environment == null) {
                throw new MissingRequiredPropertyException("RepositoryEnvironmentArgs", "environment");
            }
            if ($.repository == null) {
                throw new MissingRequiredPropertyException("RepositoryEnvironmentArgs", "repository");
            }
            return $;
        }
    }
}
