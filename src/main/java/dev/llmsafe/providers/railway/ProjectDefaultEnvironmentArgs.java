package dev.llmsafe.providers.railway;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import javax.annotation.Nullable;

/** The {@code default_environment} block of a {@link Project}: its name only; the id is computed. */
public final class ProjectDefaultEnvironmentArgs extends ResourceArgs {
    @Import(name = "name")
    private @Nullable Output<String> name;

    public static ProjectDefaultEnvironmentArgs named(String name) {
        var args = new ProjectDefaultEnvironmentArgs();
        args.name = Output.of(name);
        return args;
    }
}
