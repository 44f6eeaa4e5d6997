package dev.llmsafe.providers.github;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.exceptions.MissingRequiredPropertyException;
import com.pulumi.resources.ResourceArgs;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * Inputs of {@link WorkflowRepositoryPermissions}.
 */
public final class WorkflowRepositoryPermissionsArgs extends ResourceArgs {
    public static final WorkflowRepositoryPermissionsArgs Empty = new WorkflowRepositoryPermissionsArgs();

    @Import(name = "canApprovePullRequestReviews")
    private @Nullable Output<Boolean> canApprovePullRequestReviews;

    @Import(name = "defaultWorkflowPermissions")
    private @Nullable Output<String> defaultWorkflowPermissions;

    @Import(name = "repository", required = true)
    private Output<String> repository;

    private WorkflowRepositoryPermissionsArgs() {}

    /** Whether GitHub Actions may approve pull requests. */
    public Optional<Output<Boolean>> canApprovePullRequestReviews() {
        return Optional.ofNullable(this.canApprovePullRequestReviews);
    }

    /** The default GITHUB_TOKEN permissions: read or write. */
    public Optional<Output<String>> defaultWorkflowPermissions() {
        return Optional.ofNullable(this.defaultWorkflowPermissions);
    }

    /** The repository's name, without the owner. */
    public Output<String> repository() {
        return this.repository;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final WorkflowRepositoryPermissionsArgs $ = new WorkflowRepositoryPermissionsArgs();

        public Builder canApprovePullRequestReviews(@Nullable Output<Boolean> canApprovePullRequestReviews) {
            $.canApprovePullRequestReviews = canApprovePullRequestReviews;
            return this;
        }

        public Builder canApprovePullRequestReviews(Boolean canApprovePullRequestReviews) {
            return canApprovePullRequestReviews(Output.of(canApprovePullRequestReviews));
        }

        public Builder defaultWorkflowPermissions(@Nullable Output<String> defaultWorkflowPermissions) {
            $.defaultWorkflowPermissions = defaultWorkflowPermissions;
            return this;
        }

        public Builder defaultWorkflowPermissions(String defaultWorkflowPermissions) {
            return defaultWorkflowPermissions(Output.of(defaultWorkflowPermissions));
        }

        public Builder repository(Output<String> repository) {
            $.repository = repository;
            return this;
        }

        public Builder repository(String repository) {
            return repository(Output.of(repository));
        }

        public WorkflowRepositoryPermissionsArgs build() {
            if ($.repository == null) {
                throw new MissingRequiredPropertyException("WorkflowRepositoryPermissionsArgs", "repository");
            }
            return $;
        }
    }
}
