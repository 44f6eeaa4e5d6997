package dev.llmsafe.policy.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.llmsafe.policy.EnforcementLevel;
import dev.llmsafe.policy.Finding;
import dev.llmsafe.policy.Location;
import dev.llmsafe.policy.PolicyReport;
import dev.llmsafe.policy.RuleCategory;
import dev.llmsafe.policy.RuleRegistry;
import dev.llmsafe.policy.Verdict;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class SarifReportTest {
    /** A failure, a warning, a pass and a rule with nothing to judge: every verdict a renderer must tell apart. */
    static PolicyReport report() {
        var pins = new Verdict.RuleInfo("dependency-pins", "pins", RuleCategory.CHANGE, EnforcementLevel.MANDATORY);
        var cost = new Verdict.RuleInfo("preview-cost", "cost", RuleCategory.PLAN, EnforcementLevel.ADVISORY);
        var targets =
                new Verdict.RuleInfo("provider-targets", "targets", RuleCategory.PLAN, EnforcementLevel.MANDATORY);
        var wif = new Verdict.RuleInfo("wif-provider", "wif", RuleCategory.PLAN, EnforcementLevel.MANDATORY);
        return new PolicyReport(
                List.of(
                        new Verdict(
                                pins,
                                EnforcementLevel.MANDATORY,
                                Verdict.Status.FAIL,
                                "",
                                List.of(Finding.at(
                                        Location.file("svc dir/pom.xml", 12),
                                        "dependency g:a version LATEST is a moving alias",
                                        "pin it")),
                                List.of(new Verdict.ExceptedFinding(
                                        Finding.at(Location.file(".github/workflows/ci.yml", 3), "unpinned", "pin"),
                                        "suppressed",
                                        "vendor fix pending",
                                        "2025-07-01")),
                                2),
                        new Verdict(
                                cost,
                                EnforcementLevel.ADVISORY,
                                Verdict.Status.WARN,
                                "",
                                List.of(Finding.at(
                                        Location.resource(
                                                "urn:pulumi:pr-1::llm-safe::gcp:cloudrunv2/service:Service::app"),
                                        "warm",
                                        "scale to zero")),
                                List.of(),
                                1),
                        new Verdict(
                                targets, EnforcementLevel.MANDATORY, Verdict.Status.PASS, "", List.of(), List.of(), 14),
                        Verdict.without(
                                wif,
                                EnforcementLevel.MANDATORY,
                                Verdict.Status.NOT_APPLICABLE,
                                "no Workload Identity providers to judge")),
                List.of("plan: x"),
                LocalDate.of(2025, 6, 1));
    }

    @Test
    void resultsCarryRuleMetadataLevelsAndLocationsForCodeScanning() throws Exception {
        JsonNode sarif =
                new ObjectMapper().readTree(SarifReport.render(report(), RuleRegistry.all(), "plans/pr.json", "1.2.3"));
        assertThat(sarif.path("version").asText()).isEqualTo("2.1.0");
        assertThat(sarif.path("$schema").asText()).isEqualTo(SarifReport.SCHEMA);
        JsonNode run = sarif.path("runs").get(0);
        JsonNode rules = run.path("tool").path("driver").path("rules");
        assertThat(rules).hasSize(RuleRegistry.all().size());
        assertThat(rules.get(0).path("id").asText()).isEqualTo("provider-targets");
        assertThat(rules.get(0).path("shortDescription").path("text").asText()).isNotBlank();
        assertThat(rules.get(0).path("defaultConfiguration").path("level").asText())
                .isEqualTo("error");

        JsonNode results = run.path("results");
        assertThat(results)
                .as("a finding, an excepted one, a warning, a rule not applicable; no pass")
                .hasSize(4);
        JsonNode pin = results.get(0);
        assertThat(pin.path("ruleId").asText()).isEqualTo("dependency-pins");
        assertThat(rules.get(pin.path("ruleIndex").asInt()).path("id").asText()).isEqualTo("dependency-pins");
        assertThat(pin.path("level").asText()).isEqualTo("error");
        JsonNode physical = pin.path("locations").get(0).path("physicalLocation");
        assertThat(physical.path("artifactLocation").path("uri").asText()).isEqualTo("svc%20dir/pom.xml");
        assertThat(physical.path("region").path("startLine").asInt()).isEqualTo(12);
        assertThat(pin.path("partialFingerprints").path("llmsafeFinding/v1").asText())
                .hasSize(32);

        JsonNode suppressed = results.get(1);
        assertThat(suppressed.path("suppressions").get(0).path("justification").asText())
                .isEqualTo("suppressed until 2025-07-01: vendor fix pending");

        JsonNode warm = results.get(2);
        assertThat(warm.path("level").asText()).isEqualTo("warning");
        assertThat(warm.path("locations")
                        .get(0)
                        .path("physicalLocation")
                        .path("artifactLocation")
                        .path("uri")
                        .asText())
                .as("findings without a file point at the plan")
                .isEqualTo("plans/pr.json");
        assertThat(warm.path("locations")
                        .get(0)
                        .path("logicalLocations")
                        .get(0)
                        .path("fullyQualifiedName")
                        .asText())
                .endsWith("::app");
    }

    @Test
    void aRuleWithNothingToJudgeIsANotApplicableResultOfLevelNone() throws Exception {
        JsonNode run = new ObjectMapper()
                .readTree(SarifReport.render(report(), RuleRegistry.all(), "plans/pr.json", "1.2.3"))
                .path("runs")
                .get(0);
        JsonNode na = run.path("results").get(3);
        assertThat(na.path("ruleId").asText()).isEqualTo("wif-provider");
        assertThat(run.path("tool")
                        .path("driver")
                        .path("rules")
                        .get(na.path("ruleIndex").asInt())
                        .path("id")
                        .asText())
                .isEqualTo("wif-provider");
        // SARIF 2.1.0 3.27.9/3.27.10: kind notApplicable, and then level must be "none".
        assertThat(na.path("kind").asText()).isEqualTo("notApplicable");
        assertThat(na.path("level").asText()).isEqualTo("none");
        assertThat(na.path("message").path("text").asText())
                .isEqualTo("wif-provider was not evaluated: no Workload Identity providers to judge.");
        assertThat(na.path("locations")
                        .get(0)
                        .path("physicalLocation")
                        .path("artifactLocation")
                        .path("uri")
                        .asText())
                .as("code scanning refuses results without a location")
                .isEqualTo("plans/pr.json");
        assertThat(na.path("partialFingerprints").path("llmsafeFinding/v1").asText())
                .hasSize(32);
        for (JsonNode r : run.path("results")) {
            if (!r.has("kind")) {
                assertThat(r.path("level").asText())
                        .as("a finding is a failure")
                        .isIn("error", "warning");
            }
        }
        assertThat(run.path("results").findValues("ruleId"))
                .extracting(JsonNode::asText)
                .as("a passing rule has no result")
                .doesNotContain("provider-targets");
    }

    @Test
    void pathsThatAreNotRelativeUrisFallBack() {
        assertThat(SarifReport.uri("a:b/c")).isEqualTo("./a:b/c");
        assertThat(SarifReport.uri("/abs")).isNull();
        assertThat(SarifReport.uri("é ü.txt")).isEqualTo("%C3%A9%20%C3%BC.txt");
    }
}
