package dev.llmsafe.components;

import com.pulumi.core.Output;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Inputs of {@link Observability}.
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

    private static final Pattern CHANNEL = Pattern.compile("projects/[a-z0-9-]+/notificationChannels/[0-9]+");

    public ObservabilityArgs {
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(host, "host");
        healthPath = healthPath == null ? "/healthz" : healthPath;
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
}
