package dev.llmsafe.components;

import static dev.llmsafe.components.AppFixtures.list;
import static dev.llmsafe.components.AppFixtures.map;
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

class CloudRunAppTest {
    private static final String SERVICE = "gcp:cloudrunv2/service:Service";
    private static final String IAM = "gcp:cloudrunv2/serviceIamMember:ServiceIamMember";
    private static final String RUNTIME_SA = "shop-run-review@acme-shop-prod.iam.gserviceaccount.com";
    private static final String IMAGE = "europe-west4-docker.pkg.dev/acme-shop-prod/apps/shop";

    private static CloudRunAppArgs preview(boolean publicInvoker, List<String> invokers) {
        return previewArgs(AppFixtures.review(), IMAGE + ":" + AppFixtures.SHA)
                .cpu("1")
                .memory("512Mi")
                .allowPublicInvoker(publicInvoker)
                .iam(IamMembers.listed(invokers))
                .labels(Map.of("managed-by", "llm-safe", "team", "platform"))
                .build();
    }

    private static CloudRunAppArgs.Builder previewArgs(AppEnvironment app, String image) {
        return CloudRunAppArgs.builder(app, "acme-shop-prod", "europe-west4")
                .serviceName("shop-pr-42")
                .image(image)
                .serviceAccountEmail(RUNTIME_SA)
                .preview(true)
                .scaling(0, 2)
                .port(8080)
                .healthPath("/healthz");
    }

    private static CloudRunAppArgs.Builder stagingArgs(String image) {
        return CloudRunAppArgs.builder(AppFixtures.staging(), "acme-shop-prod", "europe-west4")
                .serviceName("shop-staging")
                .image(image)
                .serviceAccountEmail(RUNTIME_SA)
                .port(8080)
                .healthPath("/healthz");
    }

    private static PlanDocument plan(CloudRunAppArgs args) {
        return MockRun.run(
                "llm-safe",
                "pr-42",
                "review",
                ctx -> {
                    var app = new CloudRunApp("app", args, null);
                    ctx.export("url", app.url());
                    ctx.export("logsUrl", app.logsUrl());
                    ctx.export("metricsUrl", app.metricsUrl());
                },
                List.of());
    }

    private static Map<String, Object> container(PlanDocument plan) {
        var template = map(only(plan, SERVICE).inputs().get("template"));
        return map(list(template.get("containers")).get(0));
    }

    @Test
    void previewScalesToZeroAndRunsAsTheReviewRuntimeIdentity() {
        var service = only(plan(preview(false, List.of())), SERVICE);
        var template = map(service.inputs().get("template"));

        assertThat(service.inputs())
                .containsEntry("name", "shop-pr-42")
                .containsEntry("location", "europe-west4")
                .containsEntry("project", "acme-shop-prod");
        assertThat(map(template.get("scaling")))
                .containsEntry("minInstanceCount", 0.0)
                .containsEntry("maxInstanceCount", 2.0);
        assertThat(template).containsEntry("serviceAccount", RUNTIME_SA);
        assertThat(map(service.inputs().get("labels")))
                .containsEntry("pr", "42")
                .containsEntry("commit", AppFixtures.SHA)
                .containsEntry("managed-by", "llm-safe")
                .containsEntry("environment", "review")
                .containsEntry("team", "platform");
        assertThat(map(template.get("labels"))).containsEntry("pr", "42");
    }

    @Test
    void secretsAreReferencesToTheEnvironmentsOwnSecretsNeverValues() {
        var envs = list(container(plan(preview(false, List.of()))).get("envs")).stream()
                .map(AppFixtures::map)
                .toList();
        var secretRefs = envs.stream()
                .filter(e -> e.containsKey("valueSource"))
                .map(e -> map(map(e.get("valueSource")).get("secretKeyRef")))
                .toList();

        assertThat(secretRefs)
                .extracting(r -> r.get("secret"))
                .containsExactlyInAnyOrder("review-database-url", "review-session-key");
        assertThat(secretRefs).allSatisfy(r -> assertThat(r).containsEntry("version", "latest"));
        assertThat(envs)
                .filteredOn(e -> e.containsKey("valueSource"))
                .allSatisfy(e -> assertThat(e).doesNotContainKey("value"));
        assertThat(envs)
                .contains(
                        Map.of("name", "LOG_LEVEL", "value", "debug"),
                        Map.of("name", "OTEL_SERVICE_NAME", "value", "shop"),
                        Map.of("name", "OTEL_EXPORTER_OTLP_PROTOCOL", "value", "grpc"));
    }

    @Test
    void probesCheckTheHealthPathOnTheContainerPort() {
        var container = container(plan(preview(false, List.of())));
        var startup = map(container.get("startupProbe"));
        var liveness = map(container.get("livenessProbe"));

        assertThat(map(startup.get("httpGet")))
                .containsEntry("path", "/healthz")
                .containsEntry("port", 8080.0);
        assertThat(map(liveness.get("httpGet")))
                .containsEntry("path", "/healthz")
                .containsEntry("port", 8080.0);
        assertThat(list(container.get("ports"))).containsExactly(Map.of("containerPort", 8080.0));
        assertThat(container).containsEntry("image", IMAGE + ":" + AppFixtures.SHA);
    }

    @Test
    void authenticatedByDefaultWithOnlyTheConfiguredInvokers() {
        var plan = plan(preview(false, List.of("group:reviewers@acme.example")));
        assertThat(ofType(plan, IAM))
                .extracting(r -> r.inputs().get("member"))
                .containsExactly("group:reviewers@acme.example");
        assertThat(ofType(plan, IAM))
                .allSatisfy(r -> assertThat(r.inputs())
                        .containsEntry("role", "roles/run.invoker")
                        .containsEntry("name", "shop-pr-42"));
    }

    @Test
    void publicOnlyWhenConfigSaysSo() {
        var plan = plan(preview(true, List.of()));
        assertThat(ofType(plan, IAM)).extracting(r -> r.inputs().get("member")).containsExactly("allUsers");
    }

    @Test
    void outputsTheUrlAndConsoleLinksFilteredToTheService() {
        var plan = plan(preview(false, List.of()));
        assertThat(plan.outputs())
                .containsEntry("url", "https://shop-pr-42-000000000000.europe-west4.run.app")
                .containsEntry(
                        "metricsUrl",
                        "https://console.cloud.google.com/run/detail/europe-west4/shop-pr-42/"
                                + "metrics?project=acme-shop-prod");
        assertThat((String) plan.outputs().get("logsUrl"))
                .startsWith("https://console.cloud.google.com/logs/query;")
                .contains("cloud_run_revision")
                .contains("service_name%3D%22shop-pr-42%22")
                .endsWith("?project=acme-shop-prod");
    }

    @Test
    void composedSecretsAreReadAtTheirPinnedVersionAndCloudSqlIsMountedOnlyWhenAsked() {
        var app = AppEnvironment.builder("review", "shop")
                .prNumber(Optional.of(42))
                .secrets(Map.of("SESSION_KEY", "review-session-key"))
                .build();
        var args = previewArgs(app, IMAGE + ":x")
                .secretReferences(Map.of(
                        "DATABASE_URL",
                        new CloudRunAppArgs.SecretReference("review-pr-42-database-url", Output.of("3"))))
                .cloudSqlInstances(List.of("acme-previews:europe-west4:shop-previews"))
                .build();
        var plan = plan(args);
        var template = map(only(plan, SERVICE).inputs().get("template"));
        var container = container(plan);

        assertThat(list(container.get("envs")))
                .contains(Map.of(
                        "name",
                        "DATABASE_URL",
                        "valueSource",
                        Map.of("secretKeyRef", Map.of("secret", "review-pr-42-database-url", "version", "3"))));
        assertThat(list(template.get("volumes")))
                .containsExactly(Map.of(
                        "name",
                        "cloudsql",
                        "cloudSqlInstance",
                        Map.of("instances", List.of("acme-previews:europe-west4:shop-previews"))));
        assertThat(list(container.get("volumeMounts")))
                .containsExactly(Map.of("name", "cloudsql", "mountPath", "/cloudsql"));

        var plain = container(plan(preview(false, List.of())));
        assertThat(plain).doesNotContainKey("volumeMounts");
        assertThat(map(only(plan(preview(false, List.of())), SERVICE).inputs().get("template")))
                .doesNotContainKey("volumes");
        assertThatThrownBy(() -> previewArgs(app, IMAGE + ":x")
                        .cloudSqlInstances(List.of("shop-previews"))
                        .build())
                .hasMessageContaining("'shop-previews'");
    }

    @Test
    void stagingRunsByDigestAndPreviewsRefuseWarmInstances() {
        assertThatThrownBy(() -> stagingArgs(IMAGE + ":latest").scaling(0, 3).build())
                .hasMessageContaining(IMAGE + ":latest")
                .hasMessageContaining("digest");
        var staging =
                stagingArgs(IMAGE + "@" + AppFixtures.DIGEST).scaling(1, 3).build();
        assertThat(staging.image()).endsWith(AppFixtures.DIGEST);

        assertThatThrownBy(() -> previewArgs(AppFixtures.review(), IMAGE + ":x")
                        .scaling(1, 2)
                        .build())
                .hasMessageContaining("minInstances")
                .hasMessageContaining("1");
        assertThatThrownBy(() -> previewArgs(AppFixtures.review(), IMAGE + ":x")
                        .iam(IamMembers.listed(List.of("allUsers")))
                        .build())
                .hasMessageContaining("allUsers");
        assertThatThrownBy(() -> previewArgs(AppFixtures.review(), IMAGE + ":x")
                        .serviceName("Shop_PR_42")
                        .build())
                .hasMessageContaining("Shop_PR_42");
    }
}
