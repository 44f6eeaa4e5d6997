package dev.llmsafe.providers.github;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.exceptions.MissingRequiredPropertyException;
import com.pulumi.resources.ResourceArgs;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * Inputs of {@link RepositoryEnvironmentDeploymentPolicy}: one of branchPattern or tagPattern.
 */
public final class RepositoryEnvironmentDeploymentPolicyArgs extends ResourceArgs {
    public static final RepositoryEnvironmentDeploymentPolicyArgs Empty =
            new RepositoryEnvironmentDeploymentPolicyArgs();

    @Import(name = "branchPattern")
    private @Nullable Output<String> branchPattern;

    @Import(name = "environment", required = true)
    private Output<String> environment;

    @Import(name = "repository", required = true)
    private Output<String> repository;

    @Import(name = "tagPattern")
    private @Nullable Output<String> tagPattern;

    private RepositoryEnvironmentDeploymentPolicyArgs() {}

    /** Branch name pattern (fnmatch) allowed to deploy. */
    public Optional<Output<String>> branchPattern() {
        return Optional.ofNullable(this.branchPattern);
    }

    /** The environment's name. */
    public Output<String> environment() {
        return this.environment;
    }

    /** The repository's name, without the owner. */
    public Output<String> repository() {
        return this.repository;
    }

    /** Tag name pattern (fnmatch) allowed to deploy. */
    public Optional<Output<String>> tagPattern() {
        return Optional.ofNullable(this.tagPattern);
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final RepositoryEnvironmentDeploymentPolicyArgs $ = new RepositoryEnvironmentDeploymentPolicyArgs();

        public Builder branchPattern(@Nullable Output<String> branchPattern) {
            $.branchPattern = branchPattern;
            return this;
        }

        public Builder branchPattern(String branchPattern) {
            return branchPattern(Output.of(branchPattern));
        }

        public Builder environment(Output<String> environment) {
            $.environment = environment;
            return this;
        }

        public Builder environment(String environment) {
            return environment(Output.of(environment));
        }

        public Builder repository(Output<String> repository) {
            $.repository = repository;
            return this;
        }

        public Builder repository(String repository) {
            return repository(Output.of(repository));
        }

        public Builder tagPattern(@Nullable Output<String> tagPattern) {
            $.tagPattern = tagPattern;
            return this;
        }

        public Builder tagPattern(String tagPattern) {
            return tagPattern(Output.of(tagPattern));
        }

        public RepositoryEnvironmentDeploymentPolicyArgs build() {
            if ($.environment == null) {
                throw new MissingRequiredPropertyException("RepositoryEnvironmentDeploymentPolicyArgs", "environment");
            }
            if ($.repository == null) {
                throw new MissingRequiredPropertyException("RepositoryEnvironmentDeploymentPolicyArgs", "repository");
            }
            return $;
        }
    }
}
