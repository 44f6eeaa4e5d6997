package dev.llmsafe.policy.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class TextAndJsonReportTest {
    @Test
    void textShowsEachRuleItsFindingsAndFixes() {
        String text = TextReport.render(SarifReportTest.report());
        assertThat(text)
                .startsWith("policy check FAILED: 1 failed, 1 warned, 1 passed, 1 not applicable, 0 skipped")
                .contains(
                        "FAIL     dependency-pins (mandatory)\n  - svc dir/pom.xml:12: dependency g:a version LATEST is a moving alias\n    fix: pin it\n")
                .contains("  ~ suppressed until 2025-07-01: .github/workflows/ci.yml:3: unpinned (vendor fix pending)")
                .contains("WARN     preview-cost (advisory)");
    }

    @Test
    void jsonHasTheResultAndEveryFinding() throws Exception {
        JsonNode json = new ObjectMapper().readTree(JsonReport.render(SarifReportTest.report()));
        assertThat(json.path("result").asText()).isEqualTo("failed");
        assertThat(json.path("exitCode").asInt()).isEqualTo(1);
        JsonNode pins = json.path("verdicts").get(0);
        assertThat(pins.path("status").asText()).isEqualTo("fail");
        assertThat(pins.path("findings").get(0).path("line").asInt()).isEqualTo(12);
        assertThat(pins.path("excepted").get(0).path("until").asText()).isEqualTo("2025-07-01");
        assertThat(json.path("verdicts")
                        .get(1)
                        .path("findings")
                        .get(0)
                        .path("resource")
                        .asText())
                .endsWith("::app");
    }

    @Test
    void textSaysNotApplicableWithWhatWasMissingNeverPass() {
        String text = TextReport.render(SarifReportTest.report());
        assertThat(text)
                .contains("\nPASS     provider-targets (mandatory)\n")
                .contains("\nN/A      wif-provider (mandatory): no Workload Identity providers to judge\n")
                .doesNotContain("PASS     wif-provider");
    }

    @Test
    void jsonNamesNotApplicableAndHowManyElementsEachRuleJudged() throws Exception {
        JsonNode json = new ObjectMapper().readTree(JsonReport.render(SarifReportTest.report()));
        JsonNode targets = json.path("verdicts").get(2);
        assertThat(targets.path("status").asText()).isEqualTo("pass");
        assertThat(targets.path("judged").asInt()).isEqualTo(14);
        JsonNode wif = json.path("verdicts").get(3);
        assertThat(wif.path("status").asText()).isEqualTo("not-applicable");
        assertThat(wif.path("judged").asInt()).isZero();
        assertThat(wif.path("note").asText()).isEqualTo("no Workload Identity providers to judge");
        assertThat(json.path("summary").asText()).contains("1 passed, 1 not applicable");
    }

    @Test
    void controlCharactersNeverReachATerminal() {
        assertThat(Escapes.plain("a\u001b[2Jb\rc")).isEqualTo("a\\u001B[2Jb\\u000Dc");
    }
}
