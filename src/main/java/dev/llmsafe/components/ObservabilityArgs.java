package dev.llmsafe.components;

import com.pulumi.core.Output;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Inputs of {@link Observability}, built with {@link #builder}.
 *
 * @param host                 the app's public host name (no scheme), checked over HTTPS
 * @param healthPath           the health contract's path (docs/health-contract.md)
 * @param notificationChannels full names of existing channels: {@code projects/P/notificationChannels/ID}
 * @param cloudRunService      the Cloud Run service whose 5xx rate is alerted on; empty for runtimes outside GCP,
 *                             where the uptime check is the only signal Cloud Monitoring has
 * @param errorRateThreshold   the share of 5xx responses (0-1) that raises an alert, held for 5 minutes
 */
public record ObservabilityArgs(
        String project,
        String environment,
        Output<String> host,
        String healthPath,
        List<String> notificationChannels,
        Optional<String> cloudRunService,
        double errorRateThreshold,
        Map<String, String> labels) {

    /** Five percent of requests failing, held for five minutes. */
    public static final double DEFAULT_ERROR_RATE_THRESHOLD = 0.05;
    private static final Pattern CHANNEL = Pattern.compile("projects/[a-z0-9-]+/notificationChannels/[0-9]+");

    public ObservabilityArgs {
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(healthPath, "healthPath");
        if (!healthPath.startsWith("/")) {
            throw new IllegalArgumentException("healthPath must start with '/', got '" + healthPath + "'");
        }
        notificationChannels = List.copyOf(notificationChannels == null ? List.of() : notificationChannels);
        for (String channel : notificationChannels) {
            if (!CHANNEL.matcher(channel).matches()) {
                throw new IllegalArgumentException("notification channel '" + channel + "' must be a full name: "
                        + "projects/<project>/notificationChannels/<numeric id> (gcloud beta monitoring channels list)");
            }
        }
        cloudRunService = cloudRunService == null ? Optional.empty() : cloudRunService;
        if (!(errorRateThreshold > 0 && errorRateThreshold < 1)) {
            throw new IllegalArgumentException("errorRateThreshold is a share between 0 and 1 (0.05 = 5%), got "
                    + errorRateThreshold);
        }
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
        private List<String> notificationChannels = List.of();
        private Optional<String> cloudRunService = Optional.empty();
        private double errorRateThreshold = DEFAULT_ERROR_RATE_THRESHOLD;
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

        public Builder notificationChannels(List<String> notificationChannels) {
            this.notificationChannels = notificationChannels;
            return this;
        }

        public Builder cloudRunService(Optional<String> cloudRunService) {
            this.cloudRunService = cloudRunService;
            return this;
        }

        public Builder errorRateThreshold(double errorRateThreshold) {
            this.errorRateThreshold = errorRateThreshold;
            return this;
        }

        public Builder labels(Map<String, String> labels) {
            this.labels = labels;
            return this;
        }

        public ObservabilityArgs build() {
            return new ObservabilityArgs(project, environment, host, healthPath, notificationChannels, cloudRunService,
                    errorRateThreshold, labels);
        }
    }

}
