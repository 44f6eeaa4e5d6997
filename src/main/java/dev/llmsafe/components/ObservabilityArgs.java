package dev.llmsafe.components;

import com.pulumi.core.Output;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Inputs of {@link Observability}, built with {@link #builder}.
 *
 * @param host                 the app's public host name (no scheme), checked over HTTPS
 * @param healthPath           the health contract's path (docs/health-contract.md)
 * @param cloudRunService      the Cloud Run service whose 5xx rate is alerted on; empty for runtimes outside GCP,
 *                             where the uptime check is the only signal Cloud Monitoring has
 * @param alerts               where alerts go and when they fire, as stack config decides
 */
public record ObservabilityArgs(
        String project,
        String environment,
        Output<String> host,
        String healthPath,
        Optional<String> cloudRunService,
        AlertSettings alerts,
        Map<String, String> labels) {

    public ObservabilityArgs {
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(healthPath, "healthPath");
        if (!healthPath.startsWith("/")) {
            throw new IllegalArgumentException("healthPath must start with '/', got '" + healthPath + "'");
        }
        cloudRunService = cloudRunService == null ? Optional.empty() : cloudRunService;
        alerts = alerts == null ? AlertSettings.defaults() : alerts;
        labels = Map.copyOf(labels == null ? Map.of() : labels);
    }

    public static Builder builder(String project, String environment, Output<String> host) {
        return new Builder(project, environment, host);
    }

    public static final class Builder {
        private final String project;
        private final String environment;
        private final Output<String> host;
        private String healthPath = AppRuntime.DEFAULT_HEALTH_PATH;
        private Optional<String> cloudRunService = Optional.empty();
        private AlertSettings alerts = AlertSettings.defaults();
        private Map<String, String> labels = Map.of();

        private Builder(String project, String environment, Output<String> host) {
            this.project = project;
            this.environment = environment;
            this.host = host;
        }

        public Builder healthPath(String healthPath) {
            this.healthPath = healthPath;
            return this;
        }

        public Builder cloudRunService(Optional<String> cloudRunService) {
            this.cloudRunService = cloudRunService;
            return this;
        }

        public Builder alerts(AlertSettings alerts) {
            this.alerts = alerts;
            return this;
        }

        public Builder labels(Map<String, String> labels) {
            this.labels = labels;
            return this;
        }

        public ObservabilityArgs build() {
            return new ObservabilityArgs(project, environment, host, healthPath, cloudRunService, alerts, labels);
        }
    }
}
