package dev.llmsafe.components;

import static dev.llmsafe.components.AppFixtures.map;
import static dev.llmsafe.plan.Plans.ofType;
import static dev.llmsafe.plan.Plans.only;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pulumi.core.Output;
import com.pulumi.test.Mocks;
import com.pulumi.test.PulumiTest;
import com.pulumi.test.TestOptions;
import dev.llmsafe.plan.MockRun;
import dev.llmsafe.plan.PlaceholderOutputs;
import dev.llmsafe.plan.PlanDocument;
import dev.llmsafe.plan.PlannedResource;
import dev.llmsafe.stack.SecretText;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RailwayAppTest {
    private static final String VARIABLE = "railway:index/variable:Variable";

    private static RailwayAppArgs preview(Map<String, SecretText> values, Optional<Output<String>> token) {
        return args(
                        AppFixtures.review(),
                        "shop-pr-42",
                        RailwayAppArgs.Source.repository("acme/shop", "feature/login", Optional.empty()))
                .workspaceId(Optional.of("ws-1"))
                .secretValues(values)
                .token(token)
                .build();
    }

    private static RailwayAppArgs.Builder args(AppEnvironment app, String project, RailwayAppArgs.Source source) {
        return RailwayAppArgs.builder(app, project)
                .serviceName("shop")
                .source(source)
                .subdomain(project)
                .gcpProject("acme-shop-prod");
    }

    private static PlanDocument plan(RailwayAppArgs args) {
        return MockRun.run(
                "llm-safe",
                "pr-42",
                "review",
                ctx -> {
                    var app = new RailwayApp("app", args, null);
                    ctx.export("url", app.url());
                    ctx.export("logsUrl", app.logsUrl());
                    ctx.export("metricsUrl", app.metricsUrl());
                },
                List.of());
    }

    private static Map<String, Object> variables(PlanDocument plan) {
        return ofType(plan, VARIABLE).stream()
                .collect(Collectors.toMap(
                        r -> (String) r.inputs().get("name"), r -> r.inputs().get("value")));
    }

    @Test
    void previewIsAProjectOfItsOwnBuiltFromThePullRequestsBranch() {
        var plan = plan(preview(Map.of(), Optional.empty()));

        var project = only(plan, "railway:index/project:Project");
        assertThat(project.inputs())
                .containsEntry("name", "shop-pr-42")
                .containsEntry("workspaceId", "ws-1")
                .containsEntry("private", true)
                .containsEntry("hasPrDeploys", false)
                .containsEntry("defaultEnvironment", Map.of("name", "review"));
        var service = only(plan, "railway:index/service:Service");
        assertThat(service.inputs())
                .containsEntry("name", "shop")
                .containsEntry("sourceRepo", "acme/shop")
                .containsEntry("sourceRepoBranch", "feature/login")
                .doesNotContainKey("sourceImage");
        assertThat(service.parent()).endsWith("llmsafe:components:RailwayApp::app");
        assertThat(only(plan, "railway:index/serviceDomain:ServiceDomain").inputs())
                .containsEntry("subdomain", "shop-pr-42")
                .containsEntry("environmentId", "shop-pr-42-environment-id");
    }

    @Test
    void secretVariablesAreSecretAndPlainOnesAndTelemetryAreReadable() {
        var plan = plan(preview(Map.of("review-session-key", new SecretText("s3ss10n")), Optional.empty()));
        Map<String, Object> vars = variables(plan);

        assertThat(vars)
                .containsEntry("DATABASE_URL", PlannedResource.SECRET)
                .containsEntry("SESSION_KEY", PlannedResource.SECRET)
                .containsEntry("LOG_LEVEL", "debug")
                .containsEntry("OTEL_SERVICE_NAME", "shop")
                .containsEntry("OTEL_EXPORTER_OTLP_ENDPOINT", "https://otel.acme.example:4318")
                .containsEntry("OTEL_EXPORTER_OTLP_PROTOCOL", "grpc")
                .containsEntry("OTEL_TRACES_SAMPLER", "parentbased_traceidratio")
                .containsEntry("OTEL_TRACES_SAMPLER_ARG", "0.25");
        assertThat((String) vars.get("OTEL_RESOURCE_ATTRIBUTES"))
                .contains("deployment.environment.name=review")
                .contains("vcs.change.id=42")
                .contains("vcs.ref.head.revision=" + AppFixtures.SHA);
        assertThat(plan.toString()).doesNotContain("s3ss10n");
        assertThat(ofType(plan, VARIABLE))
                .allSatisfy(v -> assertThat(v.inputs().get("serviceId")).isEqualTo("app-service-id"));
    }

    /** The Secret Manager reads a component makes under mocks, with the resources it declares. */
    private static List<Map<String, Object>> secretReads(
            String stack, RailwayAppArgs args, List<Map<String, Object>> services) {
        List<Map<String, Object>> reads = new CopyOnWriteArrayList<>();
        Mocks recording = new Mocks() {
            @Override
            public CompletableFuture<ResourceResult> newResourceAsync(ResourceArgs args) {
                if (args.type.equals("railway:index/service:Service")) {
                    services.add(args.inputs);
                }
                return CompletableFuture.completedFuture(ResourceResult.of(
                        Optional.of(args.name + "-id"), PlaceholderOutputs.of(args.type, args.inputs)));
            }

            @Override
            public CompletableFuture<Map<String, Object>> callAsync(CallArgs args) {
                if (args.token.equals("gcp:secretmanager/getSecretVersion:getSecretVersion")) {
                    reads.add(Map.copyOf(args.args));
                }
                return CompletableFuture.completedFuture(PlaceholderOutputs.invoke(args.token, args.args));
            }
        };
        try {
            var result = PulumiTest.withMocks(recording)
                    .withOptions(new TestOptions("llm-safe", stack, true, List.of()))
                    .runTest(ctx -> new RailwayApp("app", args, null));
            assertThat(result.exceptions()).isEmpty();
        } finally {
            PulumiTest.cleanup();
        }
        return reads;
    }

    @Test
    void secretsAreReadOnlyFromTheStacksOwnEnvironmentAndOnlyWhenConfigHasNoValue() {
        var reads = secretReads(
                "pr-42",
                preview(Map.of("review-session-key", new SecretText("s3ss10n")), Optional.empty()),
                new CopyOnWriteArrayList<>());
        assertThat(reads).hasSize(1);
        assertThat(reads.get(0))
                .containsEntry("secret", "review-database-url")
                .containsEntry("project", "acme-shop-prod")
                .containsEntry("version", "latest");
    }

    @Test
    void anImageServiceLogsInToItsRegistryWithThePasswordSecretManagerHolds() {
        var args = args(
                        AppFixtures.staging(),
                        "shop-staging",
                        RailwayAppArgs.Source.image(
                                "europe-west4-docker.pkg.dev/p/apps/shop@" + AppFixtures.DIGEST,
                                new RailwayAppArgs.RegistryLogin("_json_key", "staging-registry-password")))
                .build();
        List<Map<String, Object>> services = new CopyOnWriteArrayList<>();
        var reads = secretReads("staging", args, services);

        assertThat(reads).anySatisfy(r -> assertThat(r).containsEntry("secret", "staging-registry-password"));
        assertThat(services)
                .singleElement()
                .satisfies(s -> assertThat(s)
                        .containsEntry("sourceImageRegistryUsername", "_json_key")
                        .containsKey("sourceImageRegistryPassword"));
        assertThat(only(plan(args), "railway:index/service:Service").inputs())
                .containsEntry("sourceImageRegistryPassword", PlannedResource.SECRET);
        assertThatThrownBy(() -> args(
                                AppFixtures.staging(),
                                "shop-staging",
                                RailwayAppArgs.Source.image(
                                        "europe-west4-docker.pkg.dev/p/apps/shop@" + AppFixtures.DIGEST,
                                        new RailwayAppArgs.RegistryLogin("_json_key", "production-registry-password")))
                        .build())
                .hasMessageContaining("production-registry-password");
    }

    @Test
    void composedSecretVariablesAreAlwaysSecret() {
        var app = AppEnvironment.builder("review", "shop")
                .prNumber(Optional.of(42))
                .build();
        var args = args(
                        app,
                        "shop-pr-42",
                        RailwayAppArgs.Source.repository("acme/shop", "feature/login", Optional.empty()))
                .secretVariables(Map.of("DATABASE_URL", Output.of("postgresql://u:hunter2@192.0.2.10:5432/d")))
                .build();
        var plan = plan(args);

        assertThat(variables(plan)).containsEntry("DATABASE_URL", PlannedResource.SECRET);
        assertThat(plan.toString()).doesNotContain("hunter2");
    }

    @Test
    void outputsTheDomainAndDashboardLinks() {
        var plan = plan(preview(Map.of(), Optional.empty()));
        assertThat(plan.outputs()).containsEntry("url", "https://shop-pr-42.up.railway.app");
        assertThat((String) plan.outputs().get("logsUrl"))
                .startsWith("https://railway.com/project/app-project-id/")
                .contains("environmentId=shop-pr-42-environment-id")
                .contains("app-service-id");
        assertThat((String) plan.outputs().get("metricsUrl"))
                .isEqualTo("https://railway.com/project/app-project-id/service/app-service-id/metrics"
                        + "?environmentId=shop-pr-42-environment-id");
    }

    @Test
    void stagingRunsAnImageAndATokenMakesAnExplicitProvider() {
        var args = args(
                        AppFixtures.staging(),
                        "shop-staging",
                        RailwayAppArgs.Source.image("europe-west4-docker.pkg.dev/p/apps/shop@" + AppFixtures.DIGEST))
                .token(Optional.of(Output.of("rw-secret-token")))
                .build();
        var plan = MockRun.run("llm-safe", "staging", "staging", ctx -> new RailwayApp("app", args, null), List.of());

        var provider = only(plan, "pulumi:providers:railway");
        assertThat(provider.inputs()).containsEntry("token", PlannedResource.SECRET);
        var service = only(plan, "railway:index/service:Service");
        assertThat(service.inputs())
                .containsEntry("sourceImage", "europe-west4-docker.pkg.dev/p/apps/shop@" + AppFixtures.DIGEST)
                .doesNotContainKey("sourceRepo");
        assertThat(service.provider()).startsWith(provider.urn());
        assertThat(map(only(plan, "railway:index/project:Project").inputs().get("defaultEnvironment")))
                .containsEntry("name", "staging");
        assertThat(plan.toString()).doesNotContain("rw-secret-token");
    }

    @Test
    void refusesAnotherEnvironmentsSecrets() {
        assertThatThrownBy(() -> AppEnvironment.builder("review", "shop")
                        .prNumber(Optional.of(1))
                        .secrets(Map.of("DATABASE_URL", "production-database-url"))
                        .build())
                .hasMessageContaining("production-database-url")
                .hasMessageContaining("review");
        assertThatThrownBy(() -> args(
                                AppFixtures.review(),
                                "shop-pr-42",
                                RailwayAppArgs.Source.repository("acme/shop", "main", Optional.empty()))
                        .secretValues(Map.of("staging-database-url", new SecretText("x")))
                        .build())
                .hasMessageContaining("staging-database-url");
    }
}
