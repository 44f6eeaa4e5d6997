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
 * What the default GITHUB_TOKEN of a repository's workflows may do, and whether Actions may approve pull
 * requests.
 */
@ResourceType(type = "github:index/workflowRepositoryPermissions:WorkflowRepositoryPermissions")
public class WorkflowRepositoryPermissions extends CustomResource {
    public static final String TYPE = "github:index/workflowRepositoryPermissions:WorkflowRepositoryPermissions";

    @Export(
            name = "canApprovePullRequestReviews",
            refs = {Boolean.class},
            tree = "[0]")
    private Output<Boolean> canApprovePullRequestReviews;

    @Export(
            name = "defaultWorkflowPermissions",
            refs = {String.class},
            tree = "[0]")
    private Output<String> defaultWorkflowPermissions;

    @Export(
            name = "repository",
            refs = {String.class},
            tree = "[0]")
    private Output<String> repository;

    public Output<Optional<Boolean>> canApprovePullRequestReviews() {
        return Codegen.optional(this.canApprovePullRequestReviews);
    }

    public Output<Optional<String>> defaultWorkflowPermissions() {
        return Codegen.optional(this.defaultWorkflowPermissions);
    }

    public Output<String> repository() {
        return this.repository;
    }

    public WorkflowRepositoryPermissions(String name, WorkflowRepositoryPermissionsArgs args) {
        this(name, args, null);
    }

    public WorkflowRepositoryPermissions(
            String name, WorkflowRepositoryPermissionsArgs args, @Nullable CustomResourceOptions options) {
        super(TYPE, name, Objects.requireNonNull(args, "args"), GithubPackage.withDefaults(options, Codegen.empty()));
    }
}
