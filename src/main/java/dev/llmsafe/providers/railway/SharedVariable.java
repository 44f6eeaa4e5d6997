package dev.llmsafe.providers.railway;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;
import java.util.List;
import javax.annotation.Nullable;

/**
 * {@code railway_shared_variable}: a variable every service of a project environment can reference as
 * {@code ${{shared.NAME}}}. The value is always a secret to Pulumi.
 */
@ResourceType(type = SharedVariable.TYPE)
public final class SharedVariable extends CustomResource {
    public static final String TYPE = "railway:index/sharedVariable:SharedVariable";
    public static final List<String> SECRET_PROPERTIES = List.of("value");

    @Export(
            name = "name",
            refs = {String.class},
            tree = "[0]")
    private Output<String> name;

    @Export(
            name = "environmentId",
            refs = {String.class},
            tree = "[0]")
    private Output<String> environmentId;

    @Export(
            name = "projectId",
            refs = {String.class},
            tree = "[0]")
    private Output<String> projectId;

    @Export(
            name = "value",
            refs = {String.class},
            tree = "[0]")
    private Output<String> value;

    public SharedVariable(String name, SharedVariableArgs args, @Nullable CustomResourceOptions options) {
        super(TYPE, name, args, RailwayPackage.options(options, SECRET_PROPERTIES), false, RailwayPackage.packageRef());
    }

    public Output<String> name() {
        return name;
    }

    public Output<String> environmentId() {
        return environmentId;
    }

    public Output<String> projectId() {
        return projectId;
    }

    public Output<String> value() {
        return value;
    }
}
