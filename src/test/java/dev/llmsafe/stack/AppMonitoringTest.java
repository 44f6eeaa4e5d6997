package dev.llmsafe.stack;

import static dev.llmsafe.plan.Plans.ofType;
import static org.assertj.core.api.Assertions.assertThat;

import dev.llmsafe.cli.CliRun;
import dev.llmsafe.plan.PlanDocument;
import dev.llmsafe.plan.PlanJson;
import org.junit.jupiter.api.Test;

/** Long-lived environments are monitored; previews only when asked. */
class AppMonitoringTest {
    private static final String CHANNEL = "projects/acme-shop-prod/notificationChannels/42";

    private static PlanDocument plan(String... args) throws Exception {
        String[] all = new String[args.length + 6];
        System.arraycopy(
                new String[] {
                    "plan",
                    "--format",
                    "json",
                    "--project-dir",
                    CliRun.projectDir().toString()
                },
                0,
                all,
                0,
                5);
        System.arraycopy(args, 0, all, 5, args.length);
        all[all.length - 1] = "--set=notificationChannels=" + CHANNEL;
        var run = CliRun.of(all);
        assertThat(run.exitCode()).as(run.err()).isZero();
        return PlanJson.read(run.out());
    }

    @Test
    void productionGetsUptimeCheckAndAlertsToTheChannels() throws Exception {
        var plan = plan("--stack", "production");
        var check = ofType(plan, "gcp:monitoring/uptimeCheckConfig:UptimeCheckConfig");
        assertThat(check).hasSize(1);
        assertThat(check.get(0).inputs().get("httpCheck").toString()).contains("path=/healthz");
        assertThat(ofType(plan, "gcp:monitoring/alertPolicy:AlertPolicy"))
                .isNotEmpty()
                .allSatisfy(
                        p -> assertThat(p.inputs().get("notificationChannels").toString())
                                .contains(CHANNEL));
        assertThat(plan.outputs()).containsKeys("dashboardUrl", "alertsUrl");
    }

    @Test
    void cloudRunStagingAlsoAlertsOnErrorRate() throws Exception {
        var plan = plan("--stack", "staging", "--set", "runtimeTarget=cloudrun");
        assertThat(ofType(plan, "gcp:monitoring/alertPolicy:AlertPolicy")).hasSize(2);
    }

    @Test
    void previewsAreMonitoredOnlyWhenAsked() throws Exception {
        assertThat(ofType(plan("--stack", "pr-42"), "gcp:monitoring/uptimeCheckConfig:UptimeCheckConfig"))
                .isEmpty();
        assertThat(ofType(
                        plan("--stack", "pr-42", "--set", "previewMonitoring=true"),
                        "gcp:monitoring/uptimeCheckConfig:UptimeCheckConfig"))
                .hasSize(1);
    }

    @Test
    void badChannelsAreConfigErrors() {
        var run = CliRun.of(
                "plan",
                "--stack",
                "production",
                "--project-dir",
                CliRun.projectDir().toString(),
                "--set",
                "notificationChannels=oncall@example.com");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("llm-safe:notificationChannels = \"oncall@example.com\"");
    }
}
