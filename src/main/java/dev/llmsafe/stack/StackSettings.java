package dev.llmsafe.stack;

import dev.llmsafe.components.AlertSettings;
import dev.llmsafe.components.AuditTrailArgs;
import dev.llmsafe.components.StateBackendArgs;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Everything a stack is configured with, read and validated once in {@code main} (engine path) or by
 * {@code llmsafe plan} (offline path) through {@link StackSettingsReader}. Components receive parts of it
 * as typed Args and never read config themselves.
 *
 * @param stateBackend the platform stack's own state bucket, which each environment's bucket copies
 * @param stackKeyRing the Cloud KMS key ring of the per-environment keys that encrypt stack secrets
 * @param audit        the platform stack's audit trail, without its writers
 * @param monitoring   the app's alerts, empty where the stack has no monitoring (the platform, previews by default)
 */
public record StackSettings(
        String stackName,
        StackKind kind,
        String appName,
        String gcpProject,
        String gcpRegion,
        GithubRepository github,
        EnvironmentNames environments,
        Optional<ReviewTarget> review,
        StateBackendArgs stateBackend,
        String stackKeyRing,
        IdentitySettings identity,
        SecretSettings secrets,
        Map<String, String> labels,
        Optional<GovernanceSettings> governance,
        Optional<RuntimeSettings> runtime,
        Optional<AlertSettings> monitoring,
        Optional<PreviewDatabaseSettings> previewDatabase,
        AuditTrailArgs audit) {

    /** The app's short name when config gives none. */
    public static final String DEFAULT_APP_NAME = "app";

    /** The Pulumi project name and the namespace of this project's config keys. */
    public static final String NAMESPACE = "llm-safe";

    /** Labels every labelled resource carries, plus the configured extra labels. */
    public Map<String, String> baseLabels() {
        Map<String, String> all = new TreeMap<>(labels);
        all.put("managed-by", "llm-safe");
        all.put("app", appName);
        all.put("stack", Labels.value(stackName));
        return Map.copyOf(all);
    }

    public static Builder builder(String stackName, StackKind kind) {
        return new Builder(stackName, kind);
    }

    public static final class Builder {
        private final String stackName;
        private final StackKind kind;
        private String appName;
        private String gcpProject;
        private String gcpRegion;
        private GithubRepository github;
        private EnvironmentNames environments;
        private Optional<ReviewTarget> review = Optional.empty();
        private StateBackendArgs stateBackend;
        private String stackKeyRing;
        private IdentitySettings identity;
        private SecretSettings secrets;
        private Map<String, String> labels = Map.of();
        private Optional<GovernanceSettings> governance = Optional.empty();
        private Optional<RuntimeSettings> runtime = Optional.empty();
        private Optional<AlertSettings> monitoring = Optional.empty();
        private Optional<PreviewDatabaseSettings> previewDatabase = Optional.empty();
        private AuditTrailArgs audit;

        private Builder(String stackName, StackKind kind) {
            this.stackName = stackName;
            this.kind = kind;
        }

        public Builder appName(String appName) {
            this.appName = appName;
            return this;
        }

        public Builder gcpProject(String gcpProject) {
            this.gcpProject = gcpProject;
            return this;
        }

        public Builder gcpRegion(String gcpRegion) {
            this.gcpRegion = gcpRegion;
            return this;
        }

        public Builder github(GithubRepository github) {
            this.github = github;
            return this;
        }

        public Builder environments(EnvironmentNames environments) {
            this.environments = environments;
            return this;
        }

        public Builder review(Optional<ReviewTarget> review) {
            this.review = review;
            return this;
        }

        public Builder stateBackend(StateBackendArgs stateBackend) {
            this.stateBackend = stateBackend;
            return this;
        }

        public Builder stackKeyRing(String stackKeyRing) {
            this.stackKeyRing = stackKeyRing;
            return this;
        }

        public Builder identity(IdentitySettings identity) {
            this.identity = identity;
            return this;
        }

        public Builder secrets(SecretSettings secrets) {
            this.secrets = secrets;
            return this;
        }

        public Builder labels(Map<String, String> labels) {
            this.labels = labels;
            return this;
        }

        public Builder governance(Optional<GovernanceSettings> governance) {
            this.governance = governance;
            return this;
        }

        public Builder runtime(Optional<RuntimeSettings> runtime) {
            this.runtime = runtime;
            return this;
        }

        public Builder monitoring(Optional<AlertSettings> monitoring) {
            this.monitoring = monitoring;
            return this;
        }

        public Builder previewDatabase(Optional<PreviewDatabaseSettings> previewDatabase) {
            this.previewDatabase = previewDatabase;
            return this;
        }

        public Builder audit(AuditTrailArgs audit) {
            this.audit = audit;
            return this;
        }

        public StackSettings build() {
            return new StackSettings(
                    stackName,
                    kind,
                    appName,
                    gcpProject,
                    gcpRegion,
                    github,
                    environments,
                    review,
                    stateBackend,
                    stackKeyRing,
                    identity,
                    secrets,
                    labels,
                    governance,
                    runtime,
                    monitoring,
                    previewDatabase,
                    audit);
        }
    }
}
