package dev.llmsafe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.llmsafe.policy.rules.DeployGatesRule;
import dev.llmsafe.policy.rules.KeylessAuthRule;
import dev.llmsafe.policy.rules.ScriptInjectionRule;
import dev.llmsafe.policy.rules.WorkflowPermissionsRule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A workflow that is clean on its own can hand its work to a local composite action ({@code uses: ./dir}) or
 * a reusable workflow of the repository. GitHub runs their steps as part of the job, so the rules judge them
 * as such; one that is missing cannot be judged and fails.
 */
class LocalActionAttackTest {
    private static final String SHA = "0123456789abcdef0123456789abcdef01234567";

    @TempDir
    Path repo;

    private void write(String path, String... lines) throws Exception {
        Path file = repo.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, String.join("\n", lines) + "\n");
    }

    private void workflowCalling(String uses) throws Exception {
        write(
                ".github/workflows/ci.yml",
                "on: push",
                "permissions: {contents: read}",
                "jobs:",
                "  build:",
                "    runs-on: ubuntu-latest",
                "    steps:",
                "      - uses: actions/checkout@" + SHA,
                "      - uses: " + uses,
                "        with:",
                "          title: ${{ github.event.head_commit.message }}",
                "          stack: production");
    }

    private void action(String... steps) throws Exception {
        String[] head = {
            "name: deploy",
            "inputs:",
            "  title: {required: true}",
            "  stack: {default: staging}",
            "runs:",
            "  using: composite",
            "  steps:"
        };
        String[] all = new String[head.length + steps.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(steps, 0, all, head.length, steps.length);
        write(".github/actions/deploy/action.yml", all);
    }

    private JsonNode check() throws Exception {
        var run = PolicyCheckCommandTest.run(
                "policy",
                "check",
                "--project-dir",
                repo.toString(),
                "--workflows",
                repo.resolve(".github/workflows").toString(),
                "--format",
                "json");
        assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(1);
        return new ObjectMapper().readTree(run.out());
    }

    private static String findings(JsonNode report, String rule) {
        for (JsonNode v : report.path("verdicts")) {
            if (v.path("rule").asText().equals(rule)) {
                return v.path("status").asText() + " " + v.path("findings");
            }
        }
        throw new AssertionError("no verdict for " + rule);
    }

    @Test
    void aPinnedCompositeActionAndAReusableWorkflowOfTheRepositoryPass() throws Exception {
        workflowCalling("./.github/actions/deploy");
        action(
                "    - uses: actions/setup-java@" + SHA,
                "    - run: echo \"$TITLE\" && pulumi preview --stack ${{ inputs.stack }}",
                "      shell: bash",
                "      env:",
                "        TITLE: ${{ inputs.title }}");
        write(
                ".github/workflows/release.yml",
                "on: push",
                "permissions: {contents: read}",
                "jobs:",
                "  call:",
                "    uses: ./.github/workflows/reusable.yml",
                "    with: {name: x}");
        write(
                ".github/workflows/reusable.yml",
                "on:",
                "  workflow_call:",
                "    inputs: {name: {type: string}}",
                "permissions: {contents: read}",
                "jobs:",
                "  r:",
                "    runs-on: ubuntu-latest",
                "    steps:",
                "      - uses: ./.github/actions/deploy",
                "        with: {title: \"${{ inputs.name }}\"}");
        var run = PolicyCheckCommandTest.run(
                "policy",
                "check",
                "--project-dir",
                repo.toString(),
                "--workflows",
                repo.resolve(".github/workflows").toString(),
                "--format",
                "json");
        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        JsonNode report = new ObjectMapper().readTree(run.out());
        assertThat(findings(report, "local-actions")).isEqualTo("pass []");
        assertThat(findings(report, "dependency-pins")).isEqualTo("pass []");
        for (String rule :
                List.of(DeployGatesRule.ID, WorkflowPermissionsRule.ID, KeylessAuthRule.ID, ScriptInjectionRule.ID)) {
            assertThat(findings(report, rule)).as(rule).isEqualTo("pass []");
        }
    }

    @Test
    void anUnpinnedActionInsideALocalCompositeActionFails() throws Exception {
        workflowCalling("./.github/actions/deploy");
        action("    - uses: actions/setup-java@v4", "    - run: echo ok", "      shell: bash");
        assertThat(findings(check(), "dependency-pins"))
                .startsWith("fail")
                .contains("uses: actions/setup-java@v4 is not pinned to a commit SHA")
                .contains(".github/actions/deploy/action.yml");
    }

    @Test
    void aProductionDeployInsideALocalCompositeActionNeedsTheEnvironment() throws Exception {
        workflowCalling("./.github/actions/deploy/");
        action("    - run: pulumi up --yes --stack ${{ inputs.stack }}", "      shell: bash");
        assertThat(findings(check(), DeployGatesRule.ID))
                .startsWith("fail")
                .contains("job build runs `pulumi up` on production but declares environment none");
    }

    @Test
    void untrustedTextPassedIntoALocalActionScriptIsAnInjection() throws Exception {
        workflowCalling("./.github/actions/deploy");
        action("    - run: echo \"${{ inputs.title }}\"", "      shell: bash");
        assertThat(findings(check(), ScriptInjectionRule.ID))
                .startsWith("fail")
                .contains("interpolates ${{ github.event.head_commit.message }} into a script");
    }

    @Test
    void aMissingLocalActionOrReusableWorkflowCannotBeJudged() throws Exception {
        workflowCalling("./.github/actions/absent");
        write(
                ".github/workflows/release.yml",
                "on: push",
                "permissions: {contents: read}",
                "jobs:",
                "  call:",
                "    uses: ./.github/workflows/absent.yml");
        assertThat(findings(check(), "local-actions"))
                .startsWith("fail")
                .contains("./.github/actions/absent")
                .contains("./.github/workflows/absent.yml");
    }
}
