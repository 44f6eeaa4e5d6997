package dev.llmsafe.providers.github;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.core.internal.Codegen;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;
import java.util.Objects;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * A branch or tag pattern allowed to deploy to an environment whose branch policy is custom.
 */
@ResourceType(type = "github:index/repositoryEnvironmentDeploymentPolicy:RepositoryEnvironmentDeploymentPolicy")
public class RepositoryEnvironmentDeploymentPolicy extends CustomResource {
    public static final String TYPE =
            "github:index/repositoryEnvironmentDeploymentPolicy:RepositoryEnvironmentDeploymentPolicy";

    @Export(
            name = "branchPattern",
            refs = {String.class},
            tree = "[0]")
    private Output<String> branchPattern;

    @Export(
            name = "environment",
            refs = {String.class},
            tree = "[0]")
    private Output<String> environment;

    @Export(
            name = "policyId",
            refs = {Integer.class},
            tree = "[0]")
    private Output<Integer> policyId;

    @Export(
            name = "repository",
            refs = {String.class},
            tree = "[0]")
    private Output<String> repository;

    @Export(
            name = "repositoryId",
            refs = {Integer.class},
            tree = "[0]")
    private Output<Integer> repositoryId;

    public Output<Optional<String>> branchPattern() {
        return Codegen.optional(this.branchPattern);
    }

    public Output<String> environment() {
        return this.environment;
    }

    /** GitHub's id of the policy. */
    public Output<Integer> policyId() {
        return this.policyId;
    }

    public Output<String> repository() {
        return this.repository;
    }

    public Output<Integer> repositoryId() {
        return this.repositoryId;
    }

    public RepositoryEnvironmentDeploymentPolicy(String name, RepositoryEnvironmentDeploymentPolicyArgs args) {
        this(name, args, null);
    }

    public RepositoryEnvironmentDeploymentPolicy(
            String name, RepositoryEnvironmentDeploymentPolicyArgs args, @Nullable CustomResourceOptions options) {
        super(TYPE, name, Objects.requireNonNull(args, "args"), GithubPackage.withDefaults(options, Codegen.empty()));
    }
}
