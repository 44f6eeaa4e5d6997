package dev.llmsafe.providers.railway;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;
import java.util.List;
import javax.annotation.Nullable;

/**
 * {@code railway_service}: a service built from a GitHub repository branch or run from a container image.
 * Everything else (build and start commands, health checks) belongs in the repository's Railway config file.
 */
@ResourceType(type = Service.TYPE)
public final class Service extends CustomResource {
    public static final String TYPE = "railway:index/service:Service";
    /** Properties Railway marks sensitive. */
    public static final List<String> SECRET_PROPERTIES = List.of("sourceImageRegistryPassword");

    @Export(
            name = "name",
            refs = {String.class},
            tree = "[0]")
    private Output<String> name;

    @Export(
            name = "projectId",
            refs = {String.class},
            tree = "[0]")
    private Output<String> projectId;

    @Export(
            name = "sourceImage",
            refs = {String.class},
            tree = "[0]")
    private Output</* @Nullable */ String> sourceImage;

    @Export(
            name = "sourceRepo",
            refs = {String.class},
            tree = "[0]")
    private Output</* @Nullable */ String> sourceRepo;

    @Export(
            name = "sourceRepoBranch",
            refs = {String.class},
            tree = "[0]")
    private Output</* @Nullable */ String> sourceRepoBranch;

    public Service(String name, ServiceArgs args, @Nullable CustomResourceOptions options) {
        super(TYPE, name, args, RailwayPackage.options(options, SECRET_PROPERTIES), false, RailwayPackage.packageRef());
    }

    public Output<String> name() {
        return name;
    }

    public Output<String> projectId() {
        return projectId;
    }

    public Output<String> sourceImage() {
        return sourceImage;
    }

    public Output<String> sourceRepo() {
        return sourceRepo;
    }

    public Output<String> sourceRepoBranch() {
        return sourceRepoBranch;
    }
}
