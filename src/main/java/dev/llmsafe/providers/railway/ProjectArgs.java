package dev.llmsafe.providers.railway;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import java.util.Objects;
import javax.annotation.Nullable;

/** Inputs of {@link Project}. Only {@code name} is required. */
public final class ProjectArgs extends ResourceArgs {
    @Import(name = "name", required = true)
    private Output<String> name;

    @Import(name = "defaultEnvironment")
    private @Nullable Output<ProjectDefaultEnvironmentArgs> defaultEnvironment;

    @Import(name = "description")
    private @Nullable Output<String> description;

    @Import(name = "hasPrDeploys")
    private @Nullable Output<Boolean> hasPrDeploys;

    @Import(name = "private")
    private @Nullable Output<Boolean> private_;

    /** Required when the token can see more than one workspace. */
    @Import(name = "workspaceId")
    private @Nullable Output<String> workspaceId;

    public static Builder builder() {
        return new Builder();
    }

    /** Builder of {@link ProjectArgs}. */
    public static final class Builder {
        private final ProjectArgs args = new ProjectArgs();

        public Builder name(String name) {
            args.name = Output.of(name);
            return this;
        }

        public Builder defaultEnvironment(ProjectDefaultEnvironmentArgs environment) {
            args.defaultEnvironment = Output.of(environment);
            return this;
        }

        public Builder description(String description) {
            args.description = Output.of(description);
            return this;
        }

        public Builder hasPrDeploys(boolean enabled) {
            args.hasPrDeploys = Output.of(enabled);
            return this;
        }

        public Builder isPrivate(boolean isPrivate) {
            args.private_ = Output.of(isPrivate);
            return this;
        }

        public Builder workspaceId(@Nullable String workspaceId) {
            args.workspaceId = workspaceId == null ? null : Output.of(workspaceId);
            return this;
        }

        public ProjectArgs build() {
            Objects.requireNonNull(args.name, "ProjectArgs.name is required");
            return args;
        }
    }
}
