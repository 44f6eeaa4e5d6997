package dev.llmsafe.providers.railway;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;
import dev.llmsafe.providers.railway.outputs.ProjectDefaultEnvironment;
import java.util.List;
import javax.annotation.Nullable;

/**
 * {@code railway_project}: a Railway project. The provider manages services on the project's default environment
 * only, so each preview gets a project of its own.
 */
@ResourceType(type = Project.TYPE)
public final class Project extends CustomResource {
    public static final String TYPE = "railway:index/project:Project";

    @Export(
            name = "name",
            refs = {String.class},
            tree = "[0]")
    private Output<String> name;

    @Export(
            name = "defaultEnvironment",
            refs = {ProjectDefaultEnvironment.class},
            tree = "[0]")
    private Output<ProjectDefaultEnvironment> defaultEnvironment;

    @Export(
            name = "description",
            refs = {String.class},
            tree = "[0]")
    private Output</* @Nullable */ String> description;

    @Export(
            name = "hasPrDeploys",
            refs = {Boolean.class},
            tree = "[0]")
    private Output<Boolean> hasPrDeploys;

    @Export(
            name = "private",
            refs = {Boolean.class},
            tree = "[0]")
    private Output<Boolean> private_;

    @Export(
            name = "workspaceId",
            refs = {String.class},
            tree = "[0]")
    private Output</* @Nullable */ String> workspaceId;

    public Project(String name, ProjectArgs args, @Nullable CustomResourceOptions options) {
        super(TYPE, name, args, RailwayPackage.options(options, List.of()), false, RailwayPackage.packageRef());
    }

    public Output<String> name() {
        return name;
    }

    /** The project's default environment: where services, variables and domains live. */
    public Output<ProjectDefaultEnvironment> defaultEnvironment() {
        return defaultEnvironment;
    }

    /** The default environment's id, for the resources that need it. */
    public Output<String> defaultEnvironmentId() {
        return defaultEnvironment.applyValue(env -> env.id()
                .orElseThrow(
                        () -> new IllegalStateException("Railway returned project without a default environment id")));
    }

    public Output<String> description() {
        return description;
    }

    public Output<Boolean> hasPrDeploys() {
        return hasPrDeploys;
    }

    public Output<Boolean> isPrivate() {
        return private_;
    }

    public Output<String> workspaceId() {
        return workspaceId;
    }
}
