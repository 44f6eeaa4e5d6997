package dev.llmsafe.components;

import java.util.List;
import java.util.regex.Pattern;

/**
 * What stack config decides about an app's alerts, read by the config reader and handed to
 * {@link ObservabilityArgs.Builder#alerts} whole: a key of the alerts is added here, in its reader, in its doc row and
 * in a test, and nowhere between.
 *
 * @param notificationChannels full names of existing channels: {@code projects/P/notificationChannels/ID}
 * @param errorRateThreshold   the share of 5xx responses (0-1) that raises an alert, held for 5 minutes
 */
public record AlertSettings(List<String> notificationChannels, double errorRateThreshold) {
    /** Five percent of requests failing, held for five minutes. */
    public static final double DEFAULT_ERROR_RATE_THRESHOLD = 0.05;

    private static final Pattern CHANNEL = Pattern.compile("projects/[a-z0-9-]+/notificationChannels/[0-9]+");

    public AlertSettings {
        notificationChannels = List.copyOf(notificationChannels == null ? List.of() : notificationChannels);
        for (String channel : notificationChannels) {
            if (!CHANNEL.matcher(channel).matches()) {
                throw new IllegalArgumentException(
                        "notification channel '" + channel + "' must be a full name: "
                                + "projects/<project>/notificationChannels/<numeric id> (gcloud beta monitoring channels list)");
            }
        }
        if (!(errorRateThreshold > 0 && errorRateThreshold < 1)) {
            throw new IllegalArgumentException(
                    "errorRateThreshold is a share between 0 and 1 (0.05 = 5%), got " + errorRateThreshold);
        }
    }

    /** No channels (the alerts show in the console only) and the default threshold. */
    public static AlertSettings defaults() {
        return new AlertSettings(List.of(), DEFAULT_ERROR_RATE_THRESHOLD);
    }
}
