package dev.llmsafe.stack;

import java.util.List;

/**
 * Cloud Monitoring of an app stack: uptime check and alerts (always for staging and production, on request for
 * previews), sent to existing notification channels.
 */
public record MonitoringSettings(boolean enabled, List<String> notificationChannels, double errorRateThreshold) {
}
