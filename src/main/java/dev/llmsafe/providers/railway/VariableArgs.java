package dev.llmsafe.providers.railway;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import java.util.Objects;

/** Inputs of {@link Variable}; all four are required. */
public final class VariableArgs extends ResourceArgs {
    @Import(name = "environmentId", required = true)
    private Output<String> environmentId;

    @Import(name = "name", required = true)
    private Output<String> name;

    @Import(name = "serviceId", required = true)
    private Output<String> serviceId;

    @Import(name = "value", required = true)
    private Output<String> value;

    /**
     * A variable of {@code serviceId} in {@code environmentId}. Plain values stay readable in plans; pass a secret
     * output ({@code Output.ofSecret}, or a secret read at deploy time) for anything confidential.
     */
    public static VariableArgs of(
            Output<String> environmentId, Output<String> serviceId, String name, Output<String> value) {
        var args = new VariableArgs();
        args.environmentId = Objects.requireNonNull(environmentId, "environmentId");
        args.serviceId = Objects.requireNonNull(serviceId, "serviceId");
        args.name = Output.of(Objects.requireNonNull(name, "name"));
        args.value = Objects.requireNonNull(value, "value");
        return args;
    }
}
