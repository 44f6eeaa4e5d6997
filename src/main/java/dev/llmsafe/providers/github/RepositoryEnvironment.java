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
 * A GitHub Environment of a repository: its required reviewers, self-review rule, wait timer and the branches
 * that may deploy to it.
 */
@ResourceType(type = "github:index/repositoryEnvironment:RepositoryEnvironment")
public class RepositoryEnvironment extends CustomResource {
    public static final String TYPE = "github:index/repositoryEnvironment:RepositoryEnvironment";

    @Export(
            name = "canAdminsBypass",
            refs = {Boolean.class},
            tree = "[0]")
    private Output<Boolean> canAdminsBypass;

    @Export(
            name = "environment",
            refs = {String.class},
            tree = "[0]")
    private Output<String> environment;

    @Export(
            name = "preventSelfReview",
            refs = {Boolean.class},
            tree = "[0]")
    private Output<Boolean> preventSelfReview;

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

    @Export(
            name = "waitTimer",
            refs = {Integer.class},
            tree = "[0]")
    private Output<Integer> waitTimer;

    public Output<Optional<Boolean>> canAdminsBypass() {
        return Codegen.optional(this.canAdminsBypass);
    }

    /** The environment's name; depend on it to act after the environment exists. */
    public Output<String> environment() {
        return this.environment;
    }

    public Output<Optional<Boolean>> preventSelfReview() {
        return Codegen.optional(this.preventSelfReview);
    }

    public Output<String> repository() {
        return this.repository;
    }

    /** GitHub's numeric id of the repository. */
    public Output<Integer> repositoryId() {
        return this.repositoryId;
    }

    public Output<Optional<Integer>> waitTimer() {
        return Codegen.optional(this.waitTimer);
    }

    public RepositoryEnvironment(String name, RepositoryEnvironmentArgs args) {
        this(name, args, null);
    }

    public RepositoryEnvironment(String name, RepositoryEnvironmentArgs args, @Nullable CustomResourceOptions options) {
        super(TYPE, name, Objects.requireNonNull(args, "args"), GithubPackage.withDefaults(options, Codegen.empty()));
    }
}
