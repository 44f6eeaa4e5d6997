package dev.llmsafe.components;

import static dev.llmsafe.components.AppFixtures.map;
import static dev.llmsafe.plan.Plans.ofType;
import static dev.llmsafe.plan.Plans.only;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class PreviewDatabaseTest {
    /** The instance lives in its own project, apart from the app's project and its secrets. */
    private static final String INSTANCE = "acme-previews:europe-west4:shop-previews";

    private static final String RUNTIME_SA = "shop-run-review@acme-shop-prod.iam.gserviceaccount.com";
    private static final String USER = "gcp:sql/user:User";
    private static final String DATABASE = "gcp:sql/database:Database";
    private static final String SECRET = "gcp:secretmanager/secret:Secret";
    private static final String ACCESSOR = "gcp:secretmanager/secretIamMember:SecretIamMember";
    private static final String VERSION = "gcp:secretmanager/secretVersion:SecretVersion";

    private static PreviewDatabaseArgs args(RuntimeTarget target, Optional<SecretText> password) {
        return args(AppFixtures.review(), INSTANCE, target, "review-database-password")
                .passwordValue(password)
                .labels(Map.of("team", "platform"))
                .build();
    }

    private static PreviewDatabaseArgs.Builder args(
            AppEnvironment app, String instance, RuntimeTarget target, String passwordSecretId) {
        return PreviewDatabaseArgs.builder(app, "shop", instance)
                .target(target)
                .secretProject("acme-shop-prod")
                .passwordSecretId(passwordSecretId)
                .runtimeAccountEmail(RUNTIME_SA);
    }

    /** The plan, with the URL exported in the clear so the test can read what the app would get. */
    private static PlanDocument plan(PreviewDatabaseArgs args) {
        return MockRun.run(
                "llm-safe",
                "pr-42",
                "review",
                ctx -> {
                    var db = new PreviewDatabase("preview-db", args, null);
                    ctx.export("databaseName", db.databaseName());
                    ctx.export("url", db.url());
                },
                List.of());
    }

    @Test
    void aDatabaseAndUserOfThePullRequestInTheSharedInstance() {
        var plan = plan(args(RuntimeTarget.RAILWAY, Optional.empty()));

        var database = only(plan, DATABASE);
        assertThat(database.inputs())
                .containsEntry("name", "shop_pr_42")
                .containsEntry("instance", "shop-previews")
                .containsEntry("project", "acme-previews");
        assertThat((String) database.inputs().get("name")).matches(PreviewDatabaseArgs.DATABASE_NAME);
        var user = only(plan, USER);
        assertThat(user.inputs())
                .containsEntry("name", "shop_pr_42")
                .containsEntry("instance", "shop-previews")
                .containsEntry("project", "acme-previews")
                .containsEntry("password", PlannedResource.SECRET);
        assertThat(List.of(database, user))
                .allSatisfy(r -> assertThat(r.parent()).endsWith("llmsafe:components:PreviewDatabase::preview-db"));
        assertThat(plan.outputs()).containsEntry("databaseName", "shop_pr_42");
        assertThat(plan.resources())
                .extracting(PlannedResource::type)
                .doesNotContain("gcp:sql/databaseInstance:DatabaseInstance");
    }

    @Test
    void cloudRunGetsThePreviewsOwnSecretReadableByTheReviewRuntimeAccountOnly() {
        var plan = plan(args(RuntimeTarget.CLOUD_RUN, Optional.empty()));

        var secret = only(plan, SECRET);
        assertThat(secret.inputs())
                .containsEntry("secretId", "review-pr-42-database-url")
                .containsEntry("project", "acme-shop-prod")
                .containsEntry("replication", Map.of("auto", Map.of()));
        assertThat(map(secret.inputs().get("labels")))
                .containsEntry("environment", "review")
                .containsEntry("pr", "42")
                .containsEntry("managed-by", "llm-safe")
                .containsEntry("team", "platform");
        assertThat(ofType(plan, ACCESSOR))
                .singleElement()
                .satisfies(a -> assertThat(a.inputs())
                        .containsEntry("member", "serviceAccount:" + RUNTIME_SA)
                        .containsEntry("role", "roles/secretmanager.secretAccessor")
                        .containsEntry("secretId", "review-pr-42-database-url"));
        assertThat(only(plan, VERSION).inputs())
                .containsEntry("secretData", PlannedResource.SECRET)
                .containsEntry("secret", "projects/000000000000/secrets/review-pr-42-database-url");
        assertThat((String) plan.outputs().get("url"))
                .startsWith("postgresql://shop_pr_42:")
                .endsWith("@localhost/shop_pr_42?host=/cloudsql/" + INSTANCE);
    }

    @Test
    void railwayConnectsOverTlsToThePublicAddressAndNoSecretIsWritten() {
        var plan = plan(args(RuntimeTarget.RAILWAY, Optional.empty()));

        assertThat(ofType(plan, SECRET)).isEmpty();
        assertThat(ofType(plan, ACCESSOR)).isEmpty();
        assertThat((String) plan.outputs().get("url"))
                .startsWith("postgresql://shop_pr_42:")
                .endsWith("@192.0.2.10:5432/shop_pr_42?sslmode=require");
    }

    @Test
    void thePasswordIsTheEnvironmentsSecretReadAtDeployTimeNeverGenerated() {
        List<Map<String, Object>> reads = new CopyOnWriteArrayList<>();
        var url = run(args(RuntimeTarget.RAILWAY, Optional.empty()), reads);
        assertThat(reads)
                .extracting(r -> r.get("secret") != null ? r.get("secret") : r.get("name"))
                .containsExactlyInAnyOrder("review-database-password", "shop-previews");
        assertThat(reads)
                .filteredOn(r -> r.containsKey("secret"))
                .singleElement()
                .satisfies(r ->
                        assertThat(r).containsEntry("project", "acme-shop-prod").containsEntry("version", "latest"));
        assertThat(reads)
                .filteredOn(r -> r.containsKey("name"))
                .singleElement()
                .satisfies(r -> assertThat(r).containsEntry("project", "acme-previews"));
        assertThat(url).contains(":offline-placeholder-secret%3Areview-database-password@");

        reads.clear();
        var configured = run(args(RuntimeTarget.CLOUD_RUN, Optional.of(new SecretText("p@ss w:rd/?#"))), reads);
        assertThat(reads).as("a password from secret config is not read again").isEmpty();
        assertThat(configured)
                .isEqualTo("postgresql://shop_pr_42:p%40ss%20w%3Ard%2F%3F%23@localhost/shop_pr_42" + "?host=/cloudsql/"
                        + INSTANCE);
    }

    /** Runs the component under mocks that record every invoke, and returns the URL it composed. */
    private static String run(PreviewDatabaseArgs args, List<Map<String, Object>> reads) {
        AtomicReference<String> url = new AtomicReference<>();
        Mocks recording = new Mocks() {
            @Override
            public CompletableFuture<ResourceResult> newResourceAsync(ResourceArgs a) {
                return CompletableFuture.completedFuture(
                        ResourceResult.of(Optional.of(a.name + "-id"), PlaceholderOutputs.of(a.type, a.inputs)));
            }

            @Override
            public CompletableFuture<Map<String, Object>> callAsync(CallArgs a) {
                reads.add(Map.copyOf(a.args));
                return CompletableFuture.completedFuture(PlaceholderOutputs.invoke(a.token, a.args));
            }
        };
        try {
            var result = PulumiTest.withMocks(recording)
                    .withOptions(new TestOptions("llm-safe", "pr-42", true, List.of()))
                    .runTest(ctx -> new PreviewDatabase("preview-db", args, null)
                            .url()
                            .applyValue(u -> {
                                url.set(u);
                                return u;
                            }));
            assertThat(result.exceptions()).isEmpty();
        } finally {
            PulumiTest.cleanup();
        }
        return url.get();
    }

    @Test
    void refusesWhatCannotBeAPreviewDatabaseNamingTheBadValue() {
        assertThatThrownBy(() -> args(
                                AppFixtures.review(),
                                "shop-previews",
                                RuntimeTarget.RAILWAY,
                                "review-database-password")
                        .build())
                .hasMessageContaining("'shop-previews'")
                .hasMessageContaining("project:region");
        assertThatThrownBy(() -> args(
                                AppFixtures.review(), INSTANCE, RuntimeTarget.RAILWAY, "production-database-password")
                        .build())
                .hasMessageContaining("production-database-password")
                .hasMessageContaining("review");
        assertThatThrownBy(
                        () -> args(AppFixtures.staging(), INSTANCE, RuntimeTarget.RAILWAY, "staging-database-password")
                                .build())
                .hasMessageContaining("pull request");
        assertThatThrownBy(
                        () -> args(AppFixtures.review(), INSTANCE, RuntimeTarget.CLOUD_RUN, "review-database-password")
                                .runtimeAccountEmail(null)
                                .build())
                .hasMessageContaining("runtime account");
    }

    @Test
    void runtimesRefuseAComposedVariableTheConfigAlreadySets() {
        var ref = new CloudRunAppArgs.SecretReference("review-pr-42-database-url", com.pulumi.core.Output.of("1"));
        // AppFixtures.review() maps DATABASE_URL in appSecrets: one variable, one source.
        assertThatThrownBy(() -> cloudRunPreview()
                        .secretReferences(Map.of("DATABASE_URL", ref))
                        .cloudSqlInstances(List.of(INSTANCE))
                        .build())
                .hasMessageContaining("DATABASE_URL")
                .hasMessageContaining("appSecrets");
        assertThatThrownBy(() -> RailwayAppArgs.builder(AppFixtures.review(), "shop-pr-42")
                        .serviceName("shop")
                        .source(RailwayAppArgs.Source.repository("acme/shop", "main", Optional.empty()))
                        .subdomain("shop-pr-42")
                        .gcpProject("acme-shop-prod")
                        .secretVariables(Map.of("OTEL_SERVICE_NAME", com.pulumi.core.Output.of("x")))
                        .build())
                .hasMessageContaining("OTEL_SERVICE_NAME");
        assertThatThrownBy(() -> cloudRunPreview()
                        .secretReferences(Map.of(
                                "REPORTS_URL",
                                new CloudRunAppArgs.SecretReference(
                                        "staging-reports-url", com.pulumi.core.Output.of("1"))))
                        .build())
                .hasMessageContaining("staging-reports-url");
    }

    private static CloudRunAppArgs.Builder cloudRunPreview() {
        return CloudRunAppArgs.builder(AppFixtures.review(), "acme-shop-prod", "europe-west4")
                .serviceName("shop-pr-42")
                .image("europe-west4-docker.pkg.dev/acme-shop-prod/apps/shop:x")
                .serviceAccountEmail(RUNTIME_SA)
                .preview(true)
                .scaling(0, 2)
                .port(8080)
                .healthPath("/healthz");
    }
}
