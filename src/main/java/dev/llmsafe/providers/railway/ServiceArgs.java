package dev.llmsafe.providers.railway;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * Inputs of {@link Service}. A service runs either a repository branch ({@code sourceRepo} with
 * {@code sourceRepoBranch}, optionally {@code rootDirectory} and {@code configPath}) or an image
 * ({@code sourceImage}); the provider rejects a mix, and so does {@link Builder#build()}.
 */
public final class ServiceArgs extends ResourceArgs {
    @Import(name = "name", required = true)
    private Output<String> name;

    @Import(name = "projectId", required = true)
    private Output<String> projectId;

    @Import(name = "configPath")
    private @Nullable Output<String> configPath;

    @Import(name = "cronSchedule")
    private @Nullable Output<String> cronSchedule;

    @Import(name = "rootDirectory")
    private @Nullable Output<String> rootDirectory;

    @Import(name = "sourceImage")
    private @Nullable Output<String> sourceImage;

    @Import(name = "sourceImageRegistryPassword")
    private @Nullable Output<String> sourceImageRegistryPassword;

    @Import(name = "sourceImageRegistryUsername")
    private @Nullable Output<String> sourceImageRegistryUsername;

    @Import(name = "sourceRepo")
    private @Nullable Output<String> sourceRepo;

    @Import(name = "sourceRepoBranch")
    private @Nullable Output<String> sourceRepoBranch;

    public static Builder builder() {
        return new Builder();
    }

    /** Builder of {@link ServiceArgs}. */
    public static final class Builder {
        private final ServiceArgs args = new ServiceArgs();

        public Builder name(String name) {
            args.name = Output.of(name);
            return this;
        }

        public Builder projectId(Output<String> projectId) {
            args.projectId = projectId;
            return this;
        }

        public Builder configPath(String path) {
            args.configPath = Output.of(path);
            return this;
        }

        public Builder cronSchedule(String schedule) {
            args.cronSchedule = Output.of(schedule);
            return this;
        }

        public Builder rootDirectory(String directory) {
            args.rootDirectory = Output.of(directory);
            return this;
        }

        public Builder sourceImage(String image) {
            args.sourceImage = Output.of(image);
            return this;
        }

        /** Private registry credentials; the password is always sent as a secret. */
        public Builder sourceImageRegistry(String username, Output<String> password) {
            args.sourceImageRegistryUsername = Output.of(username);
            args.sourceImageRegistryPassword = password.asSecret();
            return this;
        }

        /** A GitHub repository ({@code owner/name}) and the branch Railway builds. */
        public Builder sourceRepo(String repository, String branch) {
            args.sourceRepo = Output.of(repository);
            args.sourceRepoBranch = Output.of(branch);
            return this;
        }

        public ServiceArgs build() {
            Objects.requireNonNull(args.name, "ServiceArgs.name is required");
            Objects.requireNonNull(args.projectId, "ServiceArgs.projectId is required");
            if (args.sourceImage != null
                    && (args.sourceRepo != null || args.rootDirectory != null || args.configPath != null)) {
                throw new IllegalArgumentException("a Railway service runs either an image or a repository: "
                        + "sourceImage conflicts with sourceRepo, rootDirectory and configPath");
            }
            return args;
        }
    }
}
