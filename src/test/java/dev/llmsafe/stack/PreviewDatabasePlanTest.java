package dev.llmsafe.stack;

import static dev.llmsafe.plan.Plans.named;
import static dev.llmsafe.plan.Plans.ofType;
import static dev.llmsafe.plan.Plans.only;
import static org.assertj.core.api.Assertions.assertThat;

import dev.llmsafe.cli.CliRun;
import dev.llmsafe.plan.PlanDocument;
import dev.llmsafe.plan.PlanJson;
import dev.llmsafe.plan.PlannedResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code llmsafe plan} of a preview with its own database, on both runtimes, from the repository's review config. */
class PreviewDatabasePlanTest {
    static final String INSTANCE = "acme-shop-prod:europe-west4:shop-previews";
    /** The example config's deployer secrets plus the preview users' password. */
    static final String SECRET_NAMES = "deployerSecretNames=registry-password,railway-token,database-password";

    private static CliRun run(String... args) {
        List<String> all = new ArrayList<>(List.of(
                "plan", "--format", "json", "--project-dir", CliRun.projectDir().toString(), "--stack", "pr-42"));
        all.addAll(List.of(args));
        return CliRun.of(all.toArray(String[]::new));
    }

    private static PlanDocument plan(String... args) throws Exception {
        var run = run(args);
        assertThat(run.exitCode()).as(run.err()).isZero();
        return PlanJson.read(run.out());
    }

    private static void assertDatabaseOfPr42(PlanDocument plan) {
        assertThat(only(plan, "gcp:sql/database:Database").inputs())
                .containsEntry("name", "shop_pr_42")
                .containsEntry("instance", "shop-previews")
                .containsEntry("project", "acme-shop-prod");
        assertThat(only(plan, "gcp:sql/user:User").inputs())
                .containsEntry("name", "shop_pr_42")
                .containsEntry("password", PlannedResource.SECRET);
        assertThat(plan.outputs()).containsEntry("previewDatabase", "shop_pr_42");
    }

    @Test
    void railwayPreviewGetsItsOwnDatabaseUrlAsASecretVariable() throws Exception {
        var plan = plan("--set", "previewDatabaseInstance=" + INSTANCE, "--set", SECRET_NAMES);

        assertDatabaseOfPr42(plan);
        assertThat(named(plan, "app-env-DATABASE_URL").inputs()).containsEntry("value", PlannedResource.SECRET);
        assertThat(ofType(plan, "gcp:secretmanager/secret:Secret"))
                .as("Railway gets the value, not a reference")
                .isEmpty();
        assertThat(plan.outputs()).containsEntry("runtimeTarget", "railway");
    }

    @Test
    void cloudRunPreviewReadsItsOwnSecretThroughTheCloudSqlConnector() throws Exception {
        var plan = plan(
                "--set",
                "previewDatabaseInstance=" + INSTANCE,
                "--set",
                SECRET_NAMES,
                "--set",
                "prLabels=preview:cloudrun");

        assertDatabaseOfPr42(plan);
        assertThat(only(plan, "gcp:secretmanager/secret:Secret").inputs())
                .containsEntry("secretId", "review-pr-42-database-url");
        assertThat(only(plan, "gcp:secretmanager/secretIamMember:SecretIamMember")
                        .inputs())
                .containsEntry("member", "serviceAccount:shop-run-review@acme-shop-prod.iam.gserviceaccount.com");
        var template = map(only(plan, "gcp:cloudrunv2/service:Service").inputs().get("template"));
        var container = map(list(template.get("containers")).get(0));
        var databaseUrl = list(container.get("envs")).stream()
                .map(PreviewDatabasePlanTest::map)
                .filter(e -> e.get("name").equals("DATABASE_URL"))
                .toList();
        assertThat(databaseUrl)
                .singleElement()
                .satisfies(e -> assertThat(e)
                        .doesNotContainKey("value")
                        .containsEntry(
                                "valueSource",
                                Map.of("secretKeyRef", Map.of("secret", "review-pr-42-database-url", "version", "1"))));
        assertThat(list(template.get("volumes")))
                .singleElement()
                .satisfies(v ->
                        assertThat(map(v)).containsEntry("cloudSqlInstance", Map.of("instances", List.of(INSTANCE))));
        assertThat(plan.outputs()).containsEntry("runtimeTarget", "cloudrun");
    }

    @Test
    void withoutTheInstanceThePreviewKeepsTheSharedDatabaseUrl() throws Exception {
        var plan = plan("--set", "prLabels=preview:cloudrun");

        assertThat(ofType(plan, "gcp:sql/database:Database")).isEmpty();
        assertThat(ofType(plan, "gcp:sql/user:User")).isEmpty();
        assertThat(plan.outputs()).doesNotContainKey("previewDatabase");
        assertThat(only(plan, "gcp:cloudrunv2/service:Service")
                        .inputs()
                        .get("template")
                        .toString())
                .contains("secret=review-database-url")
                .doesNotContain("cloudsql");
    }

    @Test
    void badConfigNamesTheValueAndTheFix() {
        var bad = run("--set", "previewDatabaseInstance=shop-previews", "--set", SECRET_NAMES);
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err())
                .contains("llm-safe:previewDatabaseInstance = \"shop-previews\"")
                .contains("project:region:instance");

        var undeclared = run("--set", "previewDatabaseInstance=" + INSTANCE);
        assertThat(undeclared.exitCode()).isEqualTo(2);
        assertThat(undeclared.err())
                .contains("previewDatabasePasswordSecret")
                .contains("review-database-password")
                .contains("deployerSecretNames");

        var staging = CliRun.of(
                "plan",
                "--project-dir",
                CliRun.projectDir().toString(),
                "--stack",
                "staging",
                "--set",
                "previewDatabaseInstance=" + INSTANCE);
        assertThat(staging.exitCode()).isEqualTo(2);
        assertThat(staging.err()).contains("only pull-request (review) stacks get a preview database");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        return (List<Object>) value;
    }
}
