package dev.llmsafe.stack;

import dev.llmsafe.components.AlertSettings;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reads the monitoring keys of app stacks; part of the one validator. */
final class MonitoringSettingsReader {
    static final Pattern CHANNEL =
            Pattern.compile("projects/[a-z][a-z0-9-]{4,28}[a-z0-9]/notificationChannels/[0-9]{1,30}");
    static final Pattern SHARE = Pattern.compile("0?\\.[0-9]{1,4}");

    private static final double DEFAULT_THRESHOLD = AlertSettings.DEFAULT_ERROR_RATE_THRESHOLD;

    private MonitoringSettingsReader() {}

    /**
     * The app's alerts, or empty where the stack has no monitoring: the platform stack, and previews unless
     * {@code previewMonitoring} asks for it.
     */
    static Optional<AlertSettings> read(ConfigReader in, StackKind kind) {
        boolean preview = in.bool("previewMonitoring", false);
        List<String> channels = in.list(
                "notificationChannels",
                List.of(),
                c -> CHANNEL.matcher(c).matches(),
                "notification channels are full names, projects/<project>/notificationChannels/<numeric id> "
                        + "(list them with `gcloud beta monitoring channels list`)");
        String share = in.optional(
                "errorRateThreshold",
                null,
                SHARE,
                "must be the share of failing requests between 0 and 1, e.g. 0.05 for 5%");
        in.declareDefault("errorRateThreshold", DEFAULT_THRESHOLD);
        double threshold = share == null ? DEFAULT_THRESHOLD : Double.parseDouble(share);
        if (share != null && threshold <= 0) {
            in.problem("errorRateThreshold", share, "must be above 0, e.g. 0.05 for 5%");
        }
        boolean enabled = kind != StackKind.PLATFORM && (kind != StackKind.REVIEW || preview);
        return enabled
                ? Optional.of(new AlertSettings(channels, threshold > 0 ? threshold : DEFAULT_THRESHOLD))
                : Optional.empty();
    }
}
