package dev.llmsafe.stack;

import java.util.Map;
import java.util.Optional;

/**
 * Everything a stack is configured with, read and validated once in {@code main} (engine path) or by
 * {@code llmsafe plan} (offline path) through {@link StackSettingsReader}. Components receive parts of it
 * as typed Args and never read config themselves.
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
        StateBackendSettings stateBackend,
        IdentitySettings identity,
        SecretSettings secrets,
        Map<String, String> labels,
        Optional<GovernanceSettings> governance,
        Optional<RuntimeSettings> runtime,
        Optional<MonitoringSettings> monitoring,
        Optional<PreviewDatabaseSettings> previewDatabase,

        AuditSettings audit) {

    /** The Pulumi project name and the namespace of this project's config keys. */
    public static final String NAMESPACE = "llm-safe";

    /** Labels every labelled resource carries, plus the configured extra labels. */
    public Map<String, String> baseLabels() {
        Map<String, String> all = new java.util.TreeMap<>(labels);
        all.put("managed-by", "llm-safe");
        all.put("app", appName);
        all.put("stack", Labels.value(stackName));
        return Map.copyOf(all);
    }
}
