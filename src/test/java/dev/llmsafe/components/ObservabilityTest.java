package dev.llmsafe.components;

import static dev.llmsafe.plan.Plans.named;
import static dev.llmsafe.plan.Plans.ofType;
import static dev.llmsafe.plan.Plans.only;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pulumi.core.Output;
import dev.llmsafe.plan.MockRun;
import dev.llmsafe.plan.PlanDocument;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ObservabilityTest {
    private static final String CHANNEL = "projects/acme-shop/notificationChannels/1234567";

    private static PlanDocument plan(Optional<String> cloudRun) {
        var args = ObservabilityArgs.builder("acme-shop", "production", Output.of("shop.example.com"))
                .healthPath("/healthz")
                .cloudRunService(cloudRun)
                .alerts(new AlertSettings(List.of(CHANNEL), 0.05))
                .labels(Map.of("team", "platform"))
                .build();
        return MockRun.run(
                "llm-safe",
                "production",
                "production",
                ctx -> {
                    var o = new Observability("shop", args, null);
                    ctx.export("dashboard", o.dashboardUrl());
                },
                List.of());
    }

    @Test
    void uptimeCheckProbesTheHealthPathOverHttps() {
        var check = only(plan(Optional.empty()), "gcp:monitoring/uptimeCheckConfig:UptimeCheckConfig");
        assertThat(check.inputs())
                .containsEntry("period", "60s")
                .containsEntry("timeout", "10s")
                .containsEntry(
                        "monitoredResource",
                        Map.of(
                                "type",
                                "uptime_url",
                                "labels",
                                Map.of("project_id", "acme-shop", "host", "shop.example.com")));
        assertThat(check.inputs().get("httpCheck"))
                .isEqualTo(Map.of(
                        "path",
                        "/healthz",
                        "port",
                        443.0,
                        "useSsl",
                        true,
                        "validateSsl",
                        true,
                        "requestMethod",
                        "GET",
                        "acceptedResponseStatusCodes",
                        List.of(Map.of("statusValue", 200.0))));
    }

    @Test
    void uptimeFailureAlertsTheConfiguredChannels() {
        var plan = plan(Optional.empty());
        var alert = named(plan, "shop-uptime-alert");
        assertThat(alert.inputs())
                .containsEntry("notificationChannels", List.of(CHANNEL))
                .containsEntry("userLabels", Map.of("team", "platform"));
        String conditions = alert.inputs().get("conditions").toString();
        assertThat(conditions)
                .contains(
                        "uptime_check/check_passed",
                        "check_id=\"shop-health-production-000000\"",
                        "REDUCE_COUNT_FALSE",
                        "thresholdValue=1.0");
        assertThat(ofType(plan, "gcp:monitoring/alertPolicy:AlertPolicy")).hasSize(1);
        assertThat(plan.outputs().get("dashboard"))
                .isEqualTo(
                        "https://console.cloud.google.com/monitoring/uptime/shop-health-production-000000?project=acme-shop");
    }

    @Test
    void cloudRunAlsoGetsAnErrorRateAlertAtTheThreshold() {
        var alert = named(plan(Optional.of("shop-production")), "shop-error-rate-alert");
        String conditions = alert.inputs().get("conditions").toString();
        assertThat(conditions)
                .contains(
                        "run.googleapis.com/request_count",
                        "service_name=\"shop-production\"",
                        "response_code_class=\"5xx\"",
                        "thresholdValue=0.05",
                        "duration=300s")
                .contains("denominatorFilter");
        assertThat(alert.inputs()).containsEntry("notificationChannels", List.of(CHANNEL));
    }

    @Test
    void badChannelsAndThresholdsAreRejectedWithTheValue() {
        assertThatThrownBy(() -> new AlertSettings(List.of("oncall@example.com"), 0.05))
                .hasMessageContaining("'oncall@example.com'");
        assertThatThrownBy(() -> new AlertSettings(List.of(), 5)).hasMessageContaining("got 5.0");
    }
}
