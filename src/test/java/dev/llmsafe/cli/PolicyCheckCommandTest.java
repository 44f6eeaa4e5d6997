package dev.llmsafe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.llmsafe.plan.PlanDocument;
import dev.llmsafe.plan.PlanJson;
import dev.llmsafe.plan.PlannedResource;
import dev.llmsafe.policy.rules.BranchProtectionRule;
import dev.llmsafe.policy.rules.EnvironmentApprovalsRule;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code llmsafe policy check} on a plan: the exit codes, the output formats, bad input and which policy file it
 * read. A change given as {@code --diff} is {@link PolicyCheckDiffTest}.
 */
class PolicyCheckCommandTest {
    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {}

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cli = LlmSafeCommand.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    private Path plan(String name, String type) throws Exception {
        PlanDocument plan = PlanDocument.builder()
                .source("offline")
                .project("llm-safe")
                .stack("staging")
                .kind("staging")
                .resources(List.of(
                        PlannedResource.builder("create", type, "r", "urn:pulumi:staging::llm-safe::" + type + "::r")
                                .custom(true)
                                .build()))
                .build();
        Path file = dir.resolve(name);
        Files.writeString(file, PlanJson.write(plan));
        return file;
    }

    @Test
    void aCompliantPlanExitsZeroAndAViolationExitsOne() throws Exception {
        Run ok = run(
                "policy",
                "check",
                "--project-dir",
                dir.toString(),
                "--plan",
                plan("ok.json", "gcp:storage/bucket:Bucket").toString());
        assertThat(ok.exit()).as(ok.err()).isZero();
        assertThat(ok.out()).startsWith("policy check PASSED").contains("PASS     provider-targets (mandatory)");
        assertThat(ok.err()).contains("no policy.yaml").contains("PASSED");

        Run bad = run(
                "policy",
                "check",
                "--project-dir",
                dir.toString(),
                "--plan",
                plan("bad.json", "random:index/randomId:RandomId").toString());
        assertThat(bad.exit()).isEqualTo(1);
        assertThat(bad.out())
                .contains("FAIL     provider-targets (mandatory)")
                .contains("random:index/randomId:RandomId");
    }

    /** The review stack's plan has no Workload Identity provider, GitHub gate or state bucket: nothing for those rules. */
    @Test
    void theReviewStacksPlanSaysWhichRulesHadNothingToJudgeInEveryFormat() throws Exception {
        String project = CliRun.projectDir().toString();
        List<String> nothing =
                List.of("wif-provider", EnvironmentApprovalsRule.ID, BranchProtectionRule.ID, "bucket-hardening");
        Run text = run("policy", "check", "--project-dir", project, "--stack", "pr-42");
        assertThat(text.exit()).as(text.err()).isZero();
        for (String rule : nothing) {
            assertThat(text.out())
                    .containsPattern("(?m)^N/A +" + rule + " \\(mandatory\\): no .+ to judge$")
                    .doesNotContain("PASS     " + rule);
        }
        assertThat(text.out()).containsPattern("PASSED: 0 failed, 0 warned, \\d+ passed, [1-9]\\d* not applicable");

        JsonNode json = new ObjectMapper()
                .readTree(run("policy", "check", "--project-dir", project, "--stack", "pr-42", "--format", "json")
                        .out());
        assertThat(json.path("exitCode").asInt()).isZero();
        for (JsonNode v : json.path("verdicts")) {
            if (nothing.contains(v.path("rule").asText())) {
                assertThat(v.path("status").asText()).isEqualTo("not-applicable");
                assertThat(v.path("judged").asInt()).isZero();
            }
        }
        JsonNode sarif = new ObjectMapper()
                .readTree(run("policy", "check", "--project-dir", project, "--stack", "pr-42", "--format", "sarif")
                        .out());
        List<String> notApplicable = new ArrayList<>();
        sarif.path("runs").get(0).path("results").forEach(r -> {
            if (r.path("kind").asText().equals("notApplicable")) {
                notApplicable.add(r.path("ruleId").asText());
            }
        });
        assertThat(notApplicable).containsAll(nothing);
        assertThat(run("policy", "check", "--project-dir", project, "--stack", "pr-42", "--format", "markdown")
                        .out())
                .contains(
                        "| ⚪ | wif-provider | mandatory | not applicable: no Workload Identity providers to judge | 0 |");
    }

    @Test
    void everyFormatCanBeWrittenToAFile() throws Exception {
        Path planFile = plan("bad.json", "random:index/randomId:RandomId");
        Path sarif = dir.resolve("out.sarif");
        Run run = run(
                "policy",
                "check",
                "--project-dir",
                dir.toString(),
                "--plan",
                planFile.toString(),
                "--format",
                "sarif",
                "--output",
                sarif.toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        JsonNode json = new ObjectMapper().readTree(Files.readString(sarif));
        assertThat(json.path("runs")
                        .get(0)
                        .path("results")
                        .get(0)
                        .path("locations")
                        .get(0)
                        .path("physicalLocation")
                        .path("artifactLocation")
                        .path("uri")
                        .asText())
                .isEqualTo("bad.json");
        assertThat(run("policy", "check", "--plan", planFile.toString(), "--format", "json")
                        .out())
                .contains("\"result\" : \"failed\"");
        assertThat(run("policy", "check", "--plan", planFile.toString(), "--format", "markdown")
                        .out())
                .startsWith("## ❌");
    }

    @Test
    void badInputExitsTwoNamingTheFileAndTheProblem() throws Exception {
        Files.writeString(dir.resolve("broken.json"), "{\"steps\": 3}");
        assertThat(run("policy", "check", "--plan", dir.resolve("broken.json").toString()))
                .satisfies(r -> assertThat(r.exit()).isEqualTo(2))
                .satisfies(r -> assertThat(r.err()).contains("broken.json: 'steps' must be a list of preview steps"));
        assertThat(run("policy", "check", "--plan", dir.resolve("missing.json").toString())
                        .err())
                .contains("no such file");
        assertThat(run("policy", "check").err()).contains("nothing to check");
        assertThat(run("policy", "check", "--plan", "a", "--stack", "b").err())
                .contains("--plan=FILE, --stack=NAME are mutually exclusive (specify only one)");
        assertThat(run("policy", "check", "--workflows", dir.resolve("nope").toString())
                        .err())
                .contains("no such directory");
        assertThat(run("policy", "check", "--kind", "sandbox", "--plan", "x").err())
                .contains("'sandbox' is not a stack kind");
        assertThat(run("policy", "check", "--diff", "main", "--project-dir", dir.toString())
                        .err())
                .contains("is not BASE..HEAD");
        Files.writeString(dir.resolve("policy.yaml"), "rules:\n  preview-cost: loud\n");
        Run badPolicy = run(
                "policy",
                "check",
                "--project-dir",
                dir.toString(),
                "--plan",
                plan("p.json", "gcp:x:Y").toString());
        assertThat(badPolicy.exit()).isEqualTo(2);
        assertThat(badPolicy.err())
                .contains("policy.yaml: invalid policy file")
                .contains("line 2: rules.preview-cost: is 'loud'");
    }

    @Test
    void aFailedPreviewIsNoPlanToPass() throws Exception {
        Path preview = dir.resolve("preview.json");
        Files.writeString(
                preview,
                "{\"steps\": [], \"diagnostics\": [{\"severity\": \"error\", \"message\": \"error: quota\"}]}");
        Run run = run("policy", "check", "--plan", preview.toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("the preview failed, so it is no plan to judge: error: quota");
    }

    @Test
    void withoutADiffThePolicyIsTheWorkingTreesAndTheOutputSaysSo() throws Exception {
        Files.writeString(dir.resolve("policy.yaml"), "aiIdentities: []\n");
        Run run = run(
                "policy",
                "check",
                "--project-dir",
                dir.toString(),
                "--plan",
                plan("ok.json", "gcp:storage/bucket:Bucket").toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("policy: policy.yaml (working tree)");
        assertThat(run.err()).contains("policy.yaml from the working tree");
    }

    @Test
    void helpDescribesInputsAndExitCodes() {
        Run help = run("policy", "check", "--help");
        assertThat(help.exit()).isZero();
        assertThat(help.out())
                .contains("--plan=FILE")
                .contains("--diff=BASE..HEAD")
                .contains("--workflows=DIR")
                .contains("Exit codes: 0 no mandatory violation, 1 a mandatory violation, 2 bad input");
        assertThat(run("policy", "rules").out())
                .contains("provider-targets")
                .contains("preview-cost               advisory");
    }
}
