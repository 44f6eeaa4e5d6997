package dev.llmsafe.components;

import com.pulumi.test.Mocks;
import com.pulumi.test.PulumiTest;
import com.pulumi.test.TestOptions;
import dev.llmsafe.plan.MockRun;
import dev.llmsafe.plan.PlaceholderOutputs;
import dev.llmsafe.plan.PlanDocument;
import dev.llmsafe.plan.PlannedResource;
import dev.llmsafe.stack.SecretText;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import static dev.llmsafe.components.AppFixtures.map;
import static dev.llmsafe.components.AppFixtures.ofType;
import static dev.llmsafe.components.AppFixtures.only;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
        return new PreviewDatabaseArgs(AppFixtures.review(), "shop", INSTANCE, target, "acme-shop-prod",
                "review-database-password", password, RUNTIME_SA, List.of(), Map.of("team", "platform"));
    }

    /** The plan, with the URL exported in the clear so the test can read what the app would get. */
    private static PlanDocument plan(PreviewDatabaseArgs args) {
        return MockRun.run("llm-safe", "pr-42", "review", ctx -> {
            var db = new PreviewDatabase("preview-db", args, null);
            ctx.export("databaseName", db.databaseName());
            ctx.export("url", db.url());
        }, List.of());
    }

    @Test
    void aDatabaseAndUserOfThePullRequestInTheSharedInstance() {
        var plan = plan(args(RuntimeTarget.RAILWAY, Optional.empty()));

        var database = only(plan, DATABASE);
        assertThat(database.inputs()).containsEntry("name", "shop_pr_42").containsEntry("instance", "shop-previews")
                .containsEntry("project", "acme-previews");
        assertThat((String) database.inputs().get("name")).matches(PreviewDatabaseArgs.DATABASE_NAME);
        var user = only(plan, USER);
        assertThat(user.inputs()).containsEntry("name", "shop_pr_42").containsEntry("instance", "shop-previews")
                .containsEntry("project", "acme-previews").containsEntry("password", PlannedResource.SECRET);
        assertThat(List.of(database, user)).allSatisfy(r ->
                assertThat(r.parent()).endsWith("llmsafe:components:PreviewDatabase::preview-db"));
        assertThat(plan.outputs()).containsEntry("databaseName", "shop_pr_42");
        assertThat(plan.resources()).extracting(PlannedResource::type)
                .doesNotContain("gcp:sql/databaseInstance:DatabaseInstance");
    }

    @Test
    void cloudRunGetsThePreviewsOwnSecretReadableByTheReviewRuntimeAccountOnly() {
        var plan = plan(args(RuntimeTarget.CLOUD_RUN, Optional.empty()));

        var secret = only(plan, SECRET);
        assertThat(secret.inputs()).containsEntry("secretId", "review-pr-42-database-url")
                .containsEntry("project", "acme-shop-prod").containsEntry("replication", Map.of("auto", Map.of()));
        assertThat(map(secret.inputs().get("labels"))).containsEntry("environment", "review")
                .containsEntry("pr", "42").containsEntry("managed-by", "llm-safe").containsEntry("team", "platform");
        assertThat(ofType(plan, ACCESSOR)).singleElement().satisfies(a -> assertThat(a.inputs())
                .containsEntry("member", "serviceAccount:" + RUNTIME_SA)
                .containsEntry("role", "roles/secretmanager.secretAccessor")
                .containsEntry("secretId", "review-pr-42-database-url"));
        assertThat(only(plan, VERSION).inputs()).containsEntry("secretData", PlannedResource.SECRET)
                .containsEntry("secret", "projects/000000000000/secrets/review-pr-42-database-url");
        assertThat((String) plan.outputs().get("url")).startsWith("postgresql://shop_pr_42:")
                .endsWith("@localhost/shop_pr_42?host=/cloudsql/" + INSTANCE);
    }

    @Test
    void railwayConnectsOverTlsToThePublicAddressAndNoSecretIsWritten() {
        var plan = plan(args(RuntimeTarget.RAILWAY, Optional.empty()));

        assertThat(ofType(plan, SECRET)).isEmpty();
        assertThat(ofType(plan, ACCESSOR)).isEmpty();
        assertThat((String) plan.outputs().get("url")).startsWith("postgresql://shop_pr_42:")
                .endsWith("@192.0.2.10:5432/shop_pr_42?sslmode=require");
    }

    @Test
    void thePasswordIsTheEnvironmentsSecretReadAtDeployTimeNeverGenerated() {
        List<Map<String, Object>> reads = new CopyOnWriteArrayList<>();
        var url = run(args(RuntimeTarget.RAILWAY, Optional.empty()), reads);
        assertThat(reads).extracting(r -> r.get("secret") != null ? r.get("secret") : r.get("name"))
                .containsExactlyInAnyOrder("review-database-password", "shop-previews");
        assertThat(reads).filteredOn(r -> r.containsKey("secret")).singleElement().satisfies(r -> assertThat(r)
                .containsEntry("project", "acme-shop-prod").containsEntry("version", "latest"));
        assertThat(reads).filteredOn(r -> r.containsKey("name")).singleElement().satisfies(r -> assertThat(r)
                .containsEntry("project", "acme-previews"));
        assertThat(url).contains(":offline-placeholder-secret%3Areview-database-password@");

        reads.clear();
        var configured = run(args(RuntimeTarget.CLOUD_RUN, Optional.of(new SecretText("p@ss w:rd/?#"))), reads);
        assertThat(reads).as("a password from secret config is not read again").isEmpty();
        assertThat(configured).isEqualTo("postgresql://shop_pr_42:p%40ss%20w%3Ard%2F%3F%23@localhost/shop_pr_42"
                + "?host=/cloudsql/" + INSTANCE);
    }

    /** Runs the component under mocks that record every invoke, and returns the URL it composed. */
    private static String run(PreviewDatabaseArgs args, List<Map<String, Object>> reads) {
        AtomicReference<String> url = new AtomicReference<>();
        Mocks recording = new Mocks() {
            @Override
            public CompletableFuture<ResourceResult> newResourceAsync(ResourceArgs a) {
                return CompletableFuture.completedFuture(ResourceResult.of(Optional.of(a.name + "-id"),
                        PlaceholderOutputs.of(a.type, a.inputs)));
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
                    .runTest(ctx -> new PreviewDatabase("preview-db", args, null).url()
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
        assertThatThrownBy(() -> new PreviewDatabaseArgs(AppFixtures.review(), "shop", "shop-previews",
                RuntimeTarget.RAILWAY, "acme-shop-prod", "review-database-password", Optional.empty(), RUNTIME_SA,
                List.of(), Map.of())).hasMessageContaining("'shop-previews'").hasMessageContaining("project:region");
        assertThatThrownBy(() -> new PreviewDatabaseArgs(AppFixtures.review(), "shop", INSTANCE,
                RuntimeTarget.RAILWAY, "acme-shop-prod", "production-database-password", Optional.empty(),
                RUNTIME_SA, List.of(), Map.of())).hasMessageContaining("production-database-password")
                .hasMessageContaining("review");
        assertThatThrownBy(() -> new PreviewDatabaseArgs(AppFixtures.staging(), "shop", INSTANCE,
                RuntimeTarget.RAILWAY, "acme-shop-prod", "staging-database-password", Optional.empty(), RUNTIME_SA,
                List.of(), Map.of())).hasMessageContaining("pull request");
        assertThatThrownBy(() -> new PreviewDatabaseArgs(AppFixtures.review(), "shop", INSTANCE,
                RuntimeTarget.CLOUD_RUN, "acme-shop-prod", "review-database-password", Optional.empty(), null,
                List.of(), Map.of())).hasMessageContaining("runtime account");
    }

    @Test
    void runtimesRefuseAComposedVariableTheConfigAlreadySets() {
        var ref = new CloudRunAppArgs.SecretReference("review-pr-42-database-url", com.pulumi.core.Output.of("1"));
        // AppFixtures.review() maps DATABASE_URL in appSecrets: one variable, one source.
        assertThatThrownBy(() -> new CloudRunAppArgs(AppFixtures.review(), "acme-shop-prod", "europe-west4",
                "shop-pr-42", "europe-west4-docker.pkg.dev/acme-shop-prod/apps/shop:x", RUNTIME_SA, true, 0, 2, 8080,
                null, null, "/healthz", false, List.of(), Map.of(), Map.of("DATABASE_URL", ref), List.of(INSTANCE)))
                .hasMessageContaining("DATABASE_URL").hasMessageContaining("appSecrets");
        assertThatThrownBy(() -> new RailwayAppArgs(AppFixtures.review(), "shop-pr-42", Optional.empty(), "shop",
                RailwayAppArgs.Source.repository("acme/shop", "main", Optional.empty()), "shop-pr-42",
                "acme-shop-prod", Map.of(), Optional.empty(),
                Map.of("OTEL_SERVICE_NAME", com.pulumi.core.Output.of("x"))))
                .hasMessageContaining("OTEL_SERVICE_NAME");
        assertThatThrownBy(() -> new CloudRunAppArgs(AppFixtures.review(), "acme-shop-prod", "europe-west4",
                "shop-pr-42", "europe-west4-docker.pkg.dev/acme-shop-prod/apps/shop:x", RUNTIME_SA, true, 0, 2, 8080,
                null, null, "/healthz", false, List.of(), Map.of(),
                Map.of("REPORTS_URL", new CloudRunAppArgs.SecretReference("staging-reports-url",
                        com.pulumi.core.Output.of("1"))), List.of()))
                .hasMessageContaining("staging-reports-url");
    }
}
