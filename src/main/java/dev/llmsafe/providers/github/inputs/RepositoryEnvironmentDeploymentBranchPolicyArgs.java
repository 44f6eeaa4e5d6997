package dev.llmsafe.providers.github.inputs;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.exceptions.MissingRequiredPropertyException;
import com.pulumi.resources.ResourceArgs;

/**
 * Which branches may deploy to an environment (type RepositoryEnvironmentDeploymentBranchPolicy): branches
 * with protection rules, or branches matching the environment's deployment policies.
 */
public final class RepositoryEnvironmentDeploymentBranchPolicyArgs extends ResourceArgs {
    public static final RepositoryEnvironmentDeploymentBranchPolicyArgs Empty =
            new RepositoryEnvironmentDeploymentBranchPolicyArgs();

    @Import(name = "customBranchPolicies", required = true)
    private Output<Boolean> customBranchPolicies;

    @Import(name = "protectedBranches", required = true)
    private Output<Boolean> protectedBranches;

    private RepositoryEnvironmentDeploymentBranchPolicyArgs() {}

    /** Only branches matching the environment's deployment policies may deploy. */
    public Output<Boolean> customBranchPolicies() {
        return this.customBranchPolicies;
    }

    /** Only branches with branch protection rules may deploy. */
    public Output<Boolean> protectedBranches() {
        return this.protectedBranches;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final RepositoryEnvironmentDeploymentBranchPolicyArgs $ =
                new RepositoryEnvironmentDeploymentBranchPolicyArgs();

        public Builder customBranchPolicies(Output<Boolean> customBranchPolicies) {
            $.customBranchPolicies = customBranchPolicies;
            return this;
        }

        public Builder customBranchPolicies(Boolean customBranchPolicies) {
            return customBranchPolicies(Output.of(customBranchPolicies));
        }

        public Builder protectedBranches(Output<Boolean> protectedBranches) {
            $.protectedBranches = protectedBranches;
            return this;
        }

        public Builder protectedBranches(Boolean protectedBranches) {
            return protectedBranches(Output.of(protectedBranches));
        }

        public RepositoryEnvironmentDeploymentBranchPolicyArgs build() {
            if ($.customBranchPolicies == null) {
                throw new MissingRequiredPropertyException(
                        "RepositoryEnvironmentDeploymentBranchPolicyArgs", "customBranchPolicies");
            }
            if ($.protectedBranches == null) {
                throw new MissingRequiredPropertyException(
                        "RepositoryEnvironmentDeploymentBranchPolicyArgs", "protectedBranches");
            }
            return $;
        }
    }
}
