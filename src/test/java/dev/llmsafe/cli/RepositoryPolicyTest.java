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
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The repository holds itself to its own policy: its pom.xml, Maven wrapper, Pulumi.yaml, every file's
 * references, its workflows (when the folder exists) and the platform stack's plan pass `policy check`.
 */
class RepositoryPolicyTest {
    @Test
    void theRepositoryPassesItsOwnPolicy() throws Exception {
        Path project = Path.of(System.getProperty("llmsafe.projectDir", ".")).toAbsolutePath();
        assertThat(project.resolve("policy.yaml")).exists();
        List<String> args = new ArrayList<>(List.of(
                "policy",
                "check",
                "--project-dir",
                project.toString(),
                "--all-files",
                "--stack",
                "platform",
                "--format",
                "json"));
        boolean workflows = Files.isDirectory(project.resolve(".github/workflows"));
        if (workflows) {
            args.addAll(
                    List.of("--workflows", project.resolve(".github/workflows").toString()));
        }
        var run = PolicyCheckCommandTest.run(args.toArray(String[]::new));
        assertThat(run.exit()).as(run.out() + run.err()).isZero();

        JsonNode report = new ObjectMapper().readTree(run.out());
        assertThat(status(report, "dependency-pins")).isEqualTo("pass");
        assertThat(status(report, "forbidden-references")).isEqualTo("pass");
        assertThat(status(report, "provider-targets")).isEqualTo("pass");
        for (String rule :
                List.of(DeployGatesRule.ID, WorkflowPermissionsRule.ID, KeylessAuthRule.ID, ScriptInjectionRule.ID)) {
            assertThat(status(report, rule)).as(rule).isEqualTo(workflows ? "pass" : "skipped");
        }
        assertThat(report.path("inputs").toString())
                .contains("change: working tree")
                .contains("policy: policy.yaml");
        assertThat(report.path("verdicts").toString())
                .as("the rule's own patterns are allowlisted, not hidden")
                .contains("ForbiddenReferencesRule.java");
    }

    private static String status(JsonNode report, String rule) {
        for (JsonNode v : report.path("verdicts")) {
            if (v.path("rule").asText().equals(rule)) {
                return v.path("status").asText();
            }
        }
        throw new AssertionError("no verdict for " + rule);
    }
}
