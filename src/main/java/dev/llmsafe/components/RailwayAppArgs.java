package dev.llmsafe.components;

import com.pulumi.core.Output;
import dev.llmsafe.stack.SecretText;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Inputs of {@link RailwayApp}, built with {@link #builder}: its {@code build()} refuses what can never work.
 *
 * @param app          what the app is told at run time
 * @param projectName  the Railway project (one per pull request for previews, one per environment otherwise)
 * @param workspaceId  the Railway workspace; needed when the token sees more than one
 * @param serviceName  the Railway service inside the project
 * @param source       what the service runs: a repository branch or an image
 * @param subdomain    the service domain's subdomain ({@code <subdomain>.up.railway.app})
 * @param gcpProject   the GCP project whose Secret Manager holds the app's secrets
 * @param secretValues secret id to a value from Pulumi secret config; secrets without one are read from Secret
 *                     Manager at deploy time, so Secret Manager can stay the single source of truth
 * @param token        a Railway token for an explicit provider; empty uses the default provider
 *                     ({@code railway:token} config or {@code RAILWAY_TOKEN})
 * @param secretVariables variable name to a value another component composed at deploy time (a preview
 *                     database's URL, say); always stored as a Pulumi secret. Names must be free: not plain,
 *                     not already secret, not set by the runtime
 */
public record RailwayAppArgs(
        AppEnvironment app,
        String projectName,
        Optional<String> workspaceId,
        String serviceName,
        Source source,
        String subdomain,
        String gcpProject,
        Map<String, SecretText> secretValues,
        Optional<Output<String>> token,
        Map<String, Output<String>> secretVariables) {

    public RailwayAppArgs {
        Objects.requireNonNull(app, "app");
        Objects.requireNonNull(projectName, "projectName");
        Objects.requireNonNull(serviceName, "serviceName");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(subdomain, "subdomain");
        Objects.requireNonNull(gcpProject, "gcpProject");
        workspaceId = workspaceId == null ? Optional.empty() : workspaceId;
        secretValues = Map.copyOf(secretValues == null ? Map.of() : secretValues);
        token = token == null ? Optional.empty() : token;
        secretVariables =
                Collections.unmodifiableMap(new TreeMap<>(secretVariables == null ? Map.of() : secretVariables));
        secretVariables.keySet().forEach(app::requireFreeVariable);
        source.registry().ifPresent(r -> {
            if (!r.secretId().startsWith(app.environment() + "-")) {
                throw new IllegalArgumentException("registry secret " + r.secretId() + " belongs to another "
                        + "environment than " + app.environment());
            }
        });
        for (String id : secretValues.keySet()) {
            if (!id.startsWith(app.environment() + "-")) {
                throw new IllegalArgumentException("secret value " + id + " belongs to another environment than "
                        + app.environment() + "; pass only this environment's values");
            }
        }
    }

    public static Builder builder(AppEnvironment app, String projectName) {
        return new Builder(app, projectName);
    }

    public static final class Builder {
        private final AppEnvironment app;
        private final String projectName;
        private Optional<String> workspaceId = Optional.empty();
        private String serviceName;
        private Source source;
        private String subdomain;
        private String gcpProject;
        private Map<String, SecretText> secretValues = Map.of();
        private Optional<Output<String>> token = Optional.empty();
        private Map<String, Output<String>> secretVariables = Map.of();

        private Builder(AppEnvironment app, String projectName) {
            this.app = app;
            this.projectName = projectName;
        }

        public Builder workspaceId(Optional<String> workspaceId) {
            this.workspaceId = workspaceId;
            return this;
        }

        public Builder serviceName(String serviceName) {
            this.serviceName = serviceName;
            return this;
        }

        public Builder source(Source source) {
            this.source = source;
            return this;
        }

        public Builder subdomain(String subdomain) {
            this.subdomain = subdomain;
            return this;
        }

        public Builder gcpProject(String gcpProject) {
            this.gcpProject = gcpProject;
            return this;
        }

        public Builder secretValues(Map<String, SecretText> secretValues) {
            this.secretValues = secretValues;
            return this;
        }

        public Builder token(Optional<Output<String>> token) {
            this.token = token;
            return this;
        }

        public Builder secretVariables(Map<String, Output<String>> secretVariables) {
            this.secretVariables = secretVariables;
            return this;
        }

        public RailwayAppArgs build() {
            return new RailwayAppArgs(
                    app,
                    projectName,
                    workspaceId,
                    serviceName,
                    source,
                    subdomain,
                    gcpProject,
                    secretValues,
                    token,
                    secretVariables);
        }
    }

    /**
     * What a Railway service runs: a GitHub repository's branch (built by Railway from the repository's own
     * config) or a container image, with the credentials Railway logs in to its registry with.
     */
    public record Source(
            Optional<String> repository,
            Optional<String> branch,
            Optional<String> rootDirectory,
            Optional<String> image,
            Optional<RegistryLogin> registry) {
        public Source(
                Optional<String> repository,
                Optional<String> branch,
                Optional<String> rootDirectory,
                Optional<String> image) {
            this(repository, branch, rootDirectory, image, Optional.empty());
        }

        public Source {
            registry = registry == null ? Optional.empty() : registry;
            if (registry.isPresent() && (image == null || image.isEmpty())) {
                throw new IllegalArgumentException("registry credentials are for an image service only");
            }
            repository = repository == null ? Optional.empty() : repository;
            branch = branch == null ? Optional.empty() : branch;
            rootDirectory = rootDirectory == null ? Optional.empty() : rootDirectory;
            image = image == null ? Optional.empty() : image;
            if (image.isPresent() == repository.isPresent()) {
                throw new IllegalArgumentException("a Railway service runs either an image or a repository branch");
            }
            if (repository.isPresent() && branch.isEmpty()) {
                throw new IllegalArgumentException("repository " + repository.get() + " needs a branch");
            }
        }

        public static Source repository(String repository, String branch, Optional<String> rootDirectory) {
            return new Source(Optional.of(repository), Optional.of(branch), rootDirectory, Optional.empty());
        }

        public static Source image(String image) {
            return new Source(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(image));
        }

        /** A private image: Railway logs in as {@code username} with the password in secret {@code secretId}. */
        public static Source image(String image, RegistryLogin registry) {
            return new Source(
                    Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(image), Optional.of(registry));
        }
    }

    /**
     * A registry login for Railway: the user name and the id of the Secret Manager secret of this environment
     * holding the password, read at deploy time.
     */
    public record RegistryLogin(String username, String secretId) {
        public RegistryLogin {
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(secretId, "secretId");
        }
    }
}
