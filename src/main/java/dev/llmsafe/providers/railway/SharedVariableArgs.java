package dev.llmsafe.providers.railway;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import java.util.Objects;

/** Inputs of {@link SharedVariable}; all four are required. */
public final class SharedVariableArgs extends ResourceArgs {
    @Import(name = "environmentId", required = true)
    private Output<String> environmentId;

    @Import(name = "name", required = true)
    private Output<String> name;

    @Import(name = "projectId", required = true)
    private Output<String> projectId;

    @Import(name = "value", required = true)
    private Output<String> value;

    public static SharedVariableArgs of(
            Output<String> projectId, Output<String> environmentId, String name, Output<String> value) {
        var args = new SharedVariableArgs();
        args.projectId = Objects.requireNonNull(projectId, "projectId");
        args.environmentId = Objects.requireNonNull(environmentId, "environmentId");
        args.name = Output.of(Objects.requireNonNull(name, "name"));
        args.value = Objects.requireNonNull(value, "value");
        return args;
    }
}
