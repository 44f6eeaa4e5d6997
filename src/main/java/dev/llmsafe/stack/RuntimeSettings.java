package dev.llmsafe.stack;

import dev.llmsafe.components.AppRuntime;
import dev.llmsafe.components.CloudRunSettings;
import dev.llmsafe.components.OtelConfig;
import dev.llmsafe.components.RuntimeTarget;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * How an app stack (review, staging, production) runs the app. Read by {@link RuntimeSettingsReader}; keys in
 * docs/configuration.md, section "App runtime".
 *
 * @param target        the chosen runtime and why
 * @param defaultTarget {@code runtimeTarget}: the target when no label or branch rule decides
 * @param branchRules   {@code runtimeBranchRules}, in order (review stacks only)
 * @param prLabels      {@code prLabels}: the pull request's labels, passed by CI (review stacks only)
 * @param serviceName   the app's name in telemetry and the Railway service name
 * @param commitSha     the deployed commit of a staging or production stack, when CI passes it
 * @param variables     {@code appEnv}: plain environment variables
 * @param secrets       {@code appSecrets}: variable name to a secret name of {@code secretNames}
 * @param healthPath    {@code healthPath}: the health contract's path, the same on every runtime
 */
public record RuntimeSettings(
        TargetChoice target,
        RuntimeTarget defaultTarget,
        List<BranchRule> branchRules,
        List<String> prLabels,
        String serviceName,
        Optional<String> commitSha,
        Image image,
        Map<String, String> variables,
        Map<String, String> secrets,
        OtelConfig otel,
        String healthPath,
        Railway railway,
        CloudRunSettings cloudRun) {

    /** The branch a staging or production Railway service builds when config names none. */
    public static final String DEFAULT_RAILWAY_BRANCH = "main";

    /** The runtime the app runs on, as chosen by {@link #target()}. */
    public RuntimeTarget runsOn() {
        return target.target();
    }

    /** The container image: {@code image} plus {@code imageDigest} (or, for previews, {@code imageTag}). */
    public record Image(Optional<String> repository, Optional<String> digest, Optional<String> tag) {
        /** {@code repo@sha256:...} when a digest is known, else {@code repo:tag} (or {@code repo:<commit>}). */
        public Optional<String> reference(Optional<String> commitSha) {
            if (repository.isEmpty()) {
                return Optional.empty();
            }
            if (digest.isPresent()) {
                return Optional.of(repository.get() + "@" + digest.get());
            }
            return tag.or(() -> commitSha).map(t -> repository.get() + ":" + t);
        }
    }

    /** What a Railway service runs from. */
    public enum RailwaySource {
        REPOSITORY,
        IMAGE;

        public String configValue() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * Railway specifics.
     *
     * @param branch   the branch a staging or production service builds ({@code railwayBranch}); previews build
     *                 the pull request's head branch
     * @param registry how Railway logs in to the image's registry, for {@code railwaySource: image}
     */
    public record Railway(
            Optional<String> workspaceId,
            Optional<SecretText> token,
            RailwaySource source,
            String branch,
            Optional<String> rootDirectory,
            Optional<Registry> registry) {
        public static Builder builder(RailwaySource source, String branch) {
            return new Builder(source, branch);
        }

        public static final class Builder {
            private final RailwaySource source;
            private final String branch;
            private Optional<String> workspaceId = Optional.empty();
            private Optional<SecretText> token = Optional.empty();
            private Optional<String> rootDirectory = Optional.empty();
            private Optional<Registry> registry = Optional.empty();

            private Builder(RailwaySource source, String branch) {
                this.source = source;
                this.branch = branch;
            }

            public Builder workspaceId(Optional<String> workspaceId) {
                this.workspaceId = workspaceId;
                return this;
            }

            public Builder token(Optional<SecretText> token) {
                this.token = token;
                return this;
            }

            public Builder rootDirectory(Optional<String> rootDirectory) {
                this.rootDirectory = rootDirectory;
                return this;
            }

            public Builder registry(Optional<Registry> registry) {
                this.registry = registry;
                return this;
            }

            public Railway build() {
                return new Railway(workspaceId, token, source, branch, rootDirectory, registry);
            }
        }
    }

    /**
     * Registry credentials of a Railway image service: {@code railwayRegistryUsername} and the password held in
     * Secret Manager as the environment's secret {@code railwayRegistrySecret} (a name of {@code secretNames}).
     */
    public record Registry(String username, String secretName) {}

    public static Builder builder(TargetChoice target, RuntimeTarget defaultTarget) {
        return new Builder(target, defaultTarget);
    }

    public static final class Builder {
        private final TargetChoice target;
        private final RuntimeTarget defaultTarget;
        private List<BranchRule> branchRules = List.of();
        private List<String> prLabels = List.of();
        private String serviceName;
        private Optional<String> commitSha = Optional.empty();
        private Image image;
        private Map<String, String> variables = Map.of();
        private Map<String, String> secrets = Map.of();
        private OtelConfig otel = OtelConfig.defaults();
        private String healthPath = AppRuntime.DEFAULT_HEALTH_PATH;
        private Railway railway;
        private CloudRunSettings cloudRun;

        private Builder(TargetChoice target, RuntimeTarget defaultTarget) {
            this.target = target;
            this.defaultTarget = defaultTarget;
        }

        public Builder branchRules(List<BranchRule> branchRules) {
            this.branchRules = branchRules;
            return this;
        }

        public Builder prLabels(List<String> prLabels) {
            this.prLabels = prLabels;
            return this;
        }

        public Builder serviceName(String serviceName) {
            this.serviceName = serviceName;
            return this;
        }

        public Builder commitSha(Optional<String> commitSha) {
            this.commitSha = commitSha;
            return this;
        }

        public Builder image(Image image) {
            this.image = image;
            return this;
        }

        public Builder variables(Map<String, String> variables) {
            this.variables = variables;
            return this;
        }

        public Builder secrets(Map<String, String> secrets) {
            this.secrets = secrets;
            return this;
        }

        public Builder otel(OtelConfig otel) {
            this.otel = otel;
            return this;
        }

        public Builder healthPath(String healthPath) {
            this.healthPath = healthPath;
            return this;
        }

        public Builder railway(Railway railway) {
            this.railway = railway;
            return this;
        }

        public Builder cloudRun(CloudRunSettings cloudRun) {
            this.cloudRun = cloudRun;
            return this;
        }

        public RuntimeSettings build() {
            return new RuntimeSettings(
                    target,
                    defaultTarget,
                    branchRules,
                    prLabels,
                    serviceName,
                    commitSha,
                    image,
                    variables,
                    secrets,
                    otel,
                    healthPath,
                    railway,
                    cloudRun);
        }
    }
}
