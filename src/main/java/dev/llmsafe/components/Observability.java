package dev.llmsafe.components;

import com.pulumi.core.Output;
import com.pulumi.gcp.monitoring.AlertPolicy;
import com.pulumi.gcp.monitoring.AlertPolicyArgs;
import com.pulumi.gcp.monitoring.UptimeCheckConfig;
import com.pulumi.gcp.monitoring.UptimeCheckConfigArgs;
import com.pulumi.gcp.monitoring.inputs.AlertPolicyConditionArgs;
import com.pulumi.gcp.monitoring.inputs.AlertPolicyConditionConditionThresholdAggregationArgs;
import com.pulumi.gcp.monitoring.inputs.AlertPolicyConditionConditionThresholdArgs;
import com.pulumi.gcp.monitoring.inputs.AlertPolicyConditionConditionThresholdDenominatorAggregationArgs;
import com.pulumi.gcp.monitoring.inputs.AlertPolicyDocumentationArgs;
import com.pulumi.gcp.monitoring.inputs.UptimeCheckConfigHttpCheckAcceptedResponseStatusCodeArgs;
import com.pulumi.gcp.monitoring.inputs.UptimeCheckConfigHttpCheckArgs;
import com.pulumi.gcp.monitoring.inputs.UptimeCheckConfigMonitoredResourceArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Monitoring of a long-lived deployment: an HTTPS uptime check on the health path, an alert when it fails from
 * more than one checker region, and (on Cloud Run) an alert on the 5xx share of requests. Alerts go to the
 * configured notification channels.
 */
public final class Observability extends ComponentResource {
    public static final String UPTIME_PERIOD = "60s";
    public static final String UPTIME_TIMEOUT = "10s";

    private final Output<String> dashboardUrl;
    private final Output<String> alertsUrl;

    public Observability(String name, ObservabilityArgs args, ComponentResourceOptions options) {
        super(ComponentTypes.of("Observability"), name, options);
        var child = CustomResourceOptions.builder().parent(this).build();
        var check = new UptimeCheckConfig(
                name + "-uptime",
                UptimeCheckConfigArgs.builder()
                        .project(args.project())
                        .displayName(name + " health (" + args.environment() + ")")
                        .period(UPTIME_PERIOD)
                        .timeout(UPTIME_TIMEOUT)
                        .monitoredResource(UptimeCheckConfigMonitoredResourceArgs.builder()
                                .type("uptime_url")
                                .labels(args.host()
                                        .applyValue(host -> Map.of("project_id", args.project(), "host", host)))
                                .build())
                        .httpCheck(UptimeCheckConfigHttpCheckArgs.builder()
                                .path(args.healthPath())
                                .port(443)
                                .useSsl(true)
                                .validateSsl(true)
                                .requestMethod("GET")
                                .acceptedResponseStatusCodes(
                                        List.of(UptimeCheckConfigHttpCheckAcceptedResponseStatusCodeArgs.builder()
                                                .statusValue(200)
                                                .build()))
                                .build())
                        .build(),
                child);

        List<AlertPolicyConditionArgs> uptime = List.of(AlertPolicyConditionArgs.builder()
                .displayName("health check failing")
                .conditionThreshold(AlertPolicyConditionConditionThresholdArgs.builder()
                        .filter(check.uptimeCheckId().applyValue(Observability::uptimeFilter))
                        .aggregations(AlertPolicyConditionConditionThresholdAggregationArgs.builder()
                                .alignmentPeriod("1200s")
                                .perSeriesAligner("ALIGN_NEXT_OLDER")
                                .crossSeriesReducer("REDUCE_COUNT_FALSE")
                                .groupByFields(List.of("resource.label.*"))
                                .build())
                        // More than one region failing: one flaky checker does not page anyone.
                        .comparison("COMPARISON_GT")
                        .thresholdValue(1.0)
                        .duration("60s")
                        .build())
                .build());
        new AlertPolicy(
                name + "-uptime-alert",
                policy(
                        args,
                        name + " is down (" + args.environment() + ")",
                        uptime,
                        "The health check " + args.healthPath() + " fails. See docs/runbooks.md, 'A failed deploy'."),
                child);

        double threshold = args.alerts().errorRateThreshold();
        args.cloudRunService()
                .ifPresent(service -> new AlertPolicy(
                        name + "-error-rate-alert",
                        policy(
                                args,
                                name + " 5xx rate (" + args.environment() + ")",
                                List.of(errorRate(service, threshold)),
                                "More than " + Math.round(threshold * 100)
                                        + "% of requests fail with 5xx for 5 minutes."),
                        child));

        this.dashboardUrl = check.uptimeCheckId()
                .applyValue(id ->
                        "https://console.cloud.google.com/monitoring/uptime/" + id + "?project=" + args.project());
        this.alertsUrl = Output.of("https://console.cloud.google.com/monitoring/alerting?project=" + args.project());
        registerOutputs(Map.of("dashboardUrl", dashboardUrl, "alertsUrl", alertsUrl));
    }

    static String uptimeFilter(String checkId) {
        return "metric.type=\"monitoring.googleapis.com/uptime_check/check_passed\" AND resource.type=\"uptime_url\""
                + " AND metric.label.check_id=\"" + checkId + "\"";
    }

    static AlertPolicyConditionArgs errorRate(String service, double threshold) {
        String requests = "metric.type=\"run.googleapis.com/request_count\" AND resource.type=\"cloud_run_revision\""
                + " AND resource.label.service_name=\"" + service + "\"";
        return AlertPolicyConditionArgs.builder()
                .displayName("5xx share above " + threshold)
                .conditionThreshold(AlertPolicyConditionConditionThresholdArgs.builder()
                        .filter(requests + " AND metric.label.response_code_class=\"5xx\"")
                        .denominatorFilter(requests)
                        .aggregations(AlertPolicyConditionConditionThresholdAggregationArgs.builder()
                                .alignmentPeriod("60s")
                                .perSeriesAligner("ALIGN_RATE")
                                .crossSeriesReducer("REDUCE_SUM")
                                .build())
                        .denominatorAggregations(
                                AlertPolicyConditionConditionThresholdDenominatorAggregationArgs.builder()
                                        .alignmentPeriod("60s")
                                        .perSeriesAligner("ALIGN_RATE")
                                        .crossSeriesReducer("REDUCE_SUM")
                                        .build())
                        .comparison("COMPARISON_GT")
                        .thresholdValue(threshold)
                        .duration("300s")
                        .build())
                .build();
    }

    private static AlertPolicyArgs policy(
            ObservabilityArgs args, String title, List<AlertPolicyConditionArgs> conditions, String doc) {
        return AlertPolicyArgs.builder()
                .project(args.project())
                .displayName(title)
                .combiner("OR")
                .conditions(new ArrayList<>(conditions))
                .notificationChannels(args.alerts().notificationChannels())
                .documentation(AlertPolicyDocumentationArgs.builder()
                        .mimeType("text/markdown")
                        .content(doc)
                        .build())
                .userLabels(args.labels())
                .enabled(true)
                .build();
    }

    /** The uptime check's page in Cloud Monitoring. */
    public Output<String> dashboardUrl() {
        return dashboardUrl;
    }

    /** The project's alerting page, where the policies and their incidents are. */
    public Output<String> alertsUrl() {
        return alertsUrl;
    }
}
