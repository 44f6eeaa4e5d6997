package dev.llmsafe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmsafe.plan.PlanDocument;
import dev.llmsafe.plan.PlanJson;
import dev.llmsafe.plan.PlannedResource;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code llmsafe plan} on the repository's own stack files, for every app stack and both preview targets. */
class PlanCommandRuntimeTest {
    private static final String PROJECT_DIR = System.getProperty("llmsafe.projectDir", ".");

    private record Run(int exitCode, String out, String err) {
        PlanDocument plan() throws Exception {
            return PlanJson.read(out);
        }
    }

    private static Run plan(String... args) {
        List<String> all = new ArrayList<>(List.of("plan", "--project-dir", PROJECT_DIR));
        all.addAll(List.of(args));
        if (!all.contains("--format")) {
            all.addAll(List.of("--format", "json"));
        }
        var cli = LlmSafeCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(all.toArray(String[]::new));
        return new Run(code, out.toString(), err.toString());
    }

    private static List<PlannedResource> ofType(PlanDocument plan, String type) {
        return plan.resources().stream().filter(r -> r.type().equals(type)).toList();
    }

    @Test
    void pr42PlansOnRailwayFromTheRepositoryConfigAloneAndSaysWhatItFilledIn() throws Exception {
        Run run = plan("--stack", "pr-42");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err())
                .contains("prNumber=42 (from the stack name)")
                .contains("branch=offline-placeholder/pr-42 (placeholder)")
                .contains("--set");

        PlanDocument plan = run.plan();
        assertThat(plan.kind()).isEqualTo("review");
        assertThat(ofType(plan, "railway:index/project:Project"))
                .singleElement()
                .satisfies(p -> assertThat(p.inputs()).containsEntry("name", "shop-pr-42"));
        assertThat(ofType(plan, "railway:index/serviceDomain:ServiceDomain")).hasSize(1);
        assertThat(ofType(plan, "gcp:cloudrunv2/service:Service")).isEmpty();
        assertThat(plan.outputs())
                .containsEntry("runtimeTarget", "railway")
                .containsEntry("runtimeTargetReason", "default")
                .containsEntry("url", "https://shop-pr-42.up.railway.app")
                .containsKeys("logsUrl", "metricsUrl");
        assertThat(ofType(plan, "railway:index/variable:Variable"))
                .filteredOn(v -> v.inputs().get("name").equals("DATABASE_URL"))
                .singleElement()
                .satisfies(v -> assertThat(v.inputs()).containsEntry("value", PlannedResource.SECRET));
    }

    @Test
    void pr42PlansOnCloudRunWhenThePullRequestIsLabelled() throws Exception {
        Run run = plan("--stack", "pr-42", "--set", "prLabels=preview:cloudrun");
        assertThat(run.exitCode()).as(run.err()).isZero();
        PlanDocument plan = run.plan();

        assertThat(ofType(plan, "railway:index/project:Project")).isEmpty();
        var service = ofType(plan, "gcp:cloudrunv2/service:Service");
        assertThat(service)
                .singleElement()
                .satisfies(s -> assertThat(s.inputs()).containsEntry("name", "shop-pr-42"));
        @SuppressWarnings("unchecked")
        var scaling = (Map<String, Object>)
                ((Map<String, Object>) service.get(0).inputs().get("template")).get("scaling");
        assertThat(scaling).containsEntry("minInstanceCount", 0.0);
        assertThat(ofType(plan, "gcp:cloudrunv2/serviceIamMember:ServiceIamMember"))
                .extracting(r -> r.inputs().get("member"))
                .doesNotContain("allUsers");
        assertThat(plan.outputs())
                .containsEntry("runtimeTarget", "cloudrun")
                .containsEntry("runtimeTargetReason", "label preview:cloudrun");
    }

    @Test
    void aBranchRuleOfTheReviewConfigPicksCloudRun() throws Exception {
        Run run = plan("--stack", "pr-42", "--set", "branch=release/1.4", "--format", "text");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).doesNotContain("branch=offline-placeholder").contains("commitSha=");
        assertThat(run.out())
                .contains("+ gcp:cloudrunv2/service:Service  app-service")
                .contains("runtimeTarget: cloudrun")
                .contains("runtimeTargetReason: branch rule release/*");
    }

    @Test
    void stagingPlansRailwayFromTheImageByDigest() throws Exception {
        Run run = plan("--stack", "staging");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).doesNotContain("placeholder");
        PlanDocument plan = run.plan();
        assertThat(ofType(plan, "railway:index/service:Service"))
                .singleElement()
                .satisfies(
                        s -> assertThat((String) s.inputs().get("sourceImage")).contains("@sha256:"))
                .satisfies(s -> assertThat(s.inputs())
                        .containsEntry("sourceImageRegistryUsername", "_json_key")
                        .containsEntry("sourceImageRegistryPassword", PlannedResource.SECRET));
        assertThat(ofType(plan, "railway:index/project:Project"))
                .singleElement()
                .satisfies(p -> assertThat(p.inputs()).containsEntry("name", "shop-staging"));
        assertThat(plan.outputs()).containsEntry("environment", "staging").containsEntry("runtimeTarget", "railway");
    }

    @Test
    void productionPlansCloudRunPublicByExplicitConfig() throws Exception {
        Run run = plan("--stack", "production");
        assertThat(run.exitCode()).as(run.err()).isZero();
        PlanDocument plan = run.plan();
        var service = ofType(plan, "gcp:cloudrunv2/service:Service");
        assertThat(service)
                .singleElement()
                .satisfies(s -> assertThat(s.inputs().get("template").toString())
                        .contains("@sha256:")
                        .contains("shop-run-production@acme-shop-prod.iam.gserviceaccount.com")
                        .contains("production-database-url")
                        .doesNotContain("review-")
                        .doesNotContain("staging-"));
        assertThat(ofType(plan, "gcp:cloudrunv2/serviceIamMember:ServiceIamMember"))
                .extracting(r -> r.inputs().get("member"))
                .containsExactly("allUsers");
        assertThat(plan.outputs()).containsEntry("url", "https://shop-production-000000000000.europe-west4.run.app");
    }

    @Test
    void aWrongRuntimeValueIsBadInputNamingTheKey() {
        Run run = plan("--stack", "pr-42", "--set", "runtimeTarget=heroku");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err())
                .contains("llm-safe:runtimeTarget = \"heroku\"")
                .contains("railway, cloudrun")
                .doesNotContain("Exception");
        assertThat(run.out()).isEmpty();
    }
}
