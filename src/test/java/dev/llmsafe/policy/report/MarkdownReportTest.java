package dev.llmsafe.policy.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmsafe.policy.EnforcementLevel;
import dev.llmsafe.policy.Finding;
import dev.llmsafe.policy.Location;
import dev.llmsafe.policy.PolicyReport;
import dev.llmsafe.policy.RuleCategory;
import dev.llmsafe.policy.Verdict;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarkdownReportTest {
    private static Verdict verdict(String id, Verdict.Status status, List<Finding> findings) {
        return new Verdict(
                new Verdict.RuleInfo(id, "what " + id + " requires.", RuleCategory.PLAN, EnforcementLevel.MANDATORY),
                EnforcementLevel.MANDATORY,
                status,
                "",
                findings,
                List.of(),
                1);
    }

    @Test
    void verdictsComeFirstAndDetailsAfter() {
        String md = MarkdownReport.render(SarifReportTest.report());
        assertThat(md).startsWith("## ❌ llm-safe policy check failed");
        int table = md.indexOf("| ❌ | dependency-pins | mandatory | fail | 1 (+1 excepted) |");
        int details = md.indexOf("### Details");
        assertThat(table).isPositive();
        assertThat(details).isGreaterThan(table);
        assertThat(md.substring(details))
                .contains("**svc dir/pom.xml\\:12**: dependency g\\:a version LATEST is a moving alias<br>Fix: pin it")
                .contains("_suppressed until 2025-07-01_");
    }

    @Test
    void aRuleNotApplicableHasARowOfItsOwnNeverAPass() {
        String md = MarkdownReport.render(SarifReportTest.report());
        assertThat(md)
                .contains("| ✅ | provider-targets | mandatory | pass | 0 |")
                .contains(
                        "| ⚪ | wif-provider | mandatory | not applicable: no Workload Identity providers to judge | 0 |")
                .contains("1 passed, 1 not applicable");
    }

    @Test
    void hugeReportsStayUnderTheLimitAndSayWhatWasLeftOut() {
        List<Finding> many = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            many.add(Finding.at(
                    Location.file("src/File" + i + ".java", i + 1),
                    "finding number " + i + " with some words",
                    "fix " + i));
        }
        PolicyReport report = new PolicyReport(
                List.of(
                        verdict("forbidden-references", Verdict.Status.FAIL, many),
                        verdict("provider-targets", Verdict.Status.PASS, List.of())),
                List.of("change: a..b"),
                LocalDate.of(2025, 1, 1));
        String md = MarkdownReport.render(report);
        assertThat(md.length()).isLessThanOrEqualTo(MarkdownReport.LIMIT).isGreaterThan(MarkdownReport.LIMIT - 2000);
        assertThat(md)
                .contains("| ✅ | provider-targets |")
                .contains("finding number 0 ")
                .doesNotContain("finding number 4999 ");
        assertThat(md)
                .containsPattern("_\\d+ of 5000 findings are not shown to keep this comment under GitHub's size limit");
    }

    @Test
    void inputTextCannotInjectMarkdownHtmlOrMentions() {
        Finding hostile = Finding.at(
                Location.file("a|b`c.md"), "<img src=x onerror=alert(1)> @octocat [link](http://x) **bold**\u202E", "");
        String md = MarkdownReport.render(new PolicyReport(
                List.of(verdict("r", Verdict.Status.FAIL, List.of(hostile))), List.of(), LocalDate.of(2025, 1, 1)));
        assertThat(md)
                .doesNotContain("<img")
                .doesNotContain("@octocat")
                .doesNotContain("[link]")
                .doesNotContain("**bold**")
                .doesNotContain("a|b")
                .doesNotContain("\u202E")
                .contains("&lt;img")
                .contains("&#64;octocat")
                .contains("\\u202E");
    }

    @Test
    void aCleanReportHasNoDetails() {
        String md = MarkdownReport.render(new PolicyReport(
                List.of(verdict("r", Verdict.Status.PASS, List.of())), List.of(), LocalDate.of(2025, 1, 1)));
        assertThat(md).startsWith("## ✅ llm-safe policy check passed").doesNotContain("### Details");
    }
}
