package dev.llmsafe.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.llmsafe.plan.PlanJson;
import dev.llmsafe.plan.PlanReadException;
import dev.llmsafe.plan.PlanReader;
import dev.llmsafe.policy.bench.SyntheticPlan;
import dev.llmsafe.policy.report.JsonReport;
import dev.llmsafe.policy.report.MarkdownReport;
import dev.llmsafe.policy.report.SarifReport;
import dev.llmsafe.policy.report.TextReport;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/** Whatever a plan file holds, the check ends in a verdict or a clear input error, never another exception. */
class MalformedPlanProperties {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OFFLINE = PlanJson.write(SyntheticPlan.generate(30, 7));
    private static final String PREVIEW = "{\"config\":{\"llm-safe:kind\":\"review\"},\"steps\":["
            + "{\"op\":\"create\",\"urn\":\"urn:pulumi:pr-1::llm-safe::gcp:storage/bucket:Bucket::b\",\"newState\":{\"type\":"
            + "\"gcp:storage/bucket:Bucket\",\"inputs\":{\"name\":\"b\",\"labels\":{\"pr\":\"1\"}}}},"
            + "{\"op\":\"delete\",\"urn\":\"urn:pulumi:pr-1::llm-safe::gcp:serviceaccount/key:Key::k\",\"oldState\":{\"type\":"
            + "\"gcp:serviceaccount/key:Key\",\"inputs\":{}}}]}";

    @Property(tries = 1000)
    void malformedPlansEndInAVerdictOrAnInputError(@ForAll("documents") String text) {
        Statistics.coverage(
                c -> { // both outcomes must be exercised, or the property proves little
                    c.check("verdict").percentage(p -> p > 15);
                    c.check("input error").percentage(p -> p > 15);
                });
        PlanReader.Result read;
        try {
            read = PlanReader.read(text, "plan.json");
        } catch (PlanReadException e) {
            assertThat(e.getMessage()).startsWith("plan.json: ").hasSizeGreaterThan("plan.json: ".length());
            Statistics.collect("input error");
            return;
        }
        Statistics.collect("verdict");
        PolicyEngine engine = PolicyEngine.withAllRules();
        PolicyInput input = PolicyInput.builder(PolicyFile.defaults())
                .plan(PlanView.of(read.plan()))
                .build();
        PolicyReport report = engine.evaluate(input);
        // A plan whose stack kind is lost cannot be judged: every plan rule fails closed and names the fix.
        // Anything else must end in a verdict.
        boolean kindUnknown = input.kind().isEmpty();
        assertThat(report.verdicts())
                .noneMatch(v -> v.status() == Verdict.Status.ERROR
                        && !(kindUnknown
                                && v.rule().category() == RuleCategory.PLAN
                                && v.note().endsWith("; give --kind")));
        if (kindUnknown) {
            assertThat(report.verdicts())
                    .filteredOn(v -> v.rule().category() == RuleCategory.PLAN)
                    .isNotEmpty()
                    .allMatch(v -> v.status() == Verdict.Status.ERROR);
        }
        assertThat(TextReport.render(report)).isNotEmpty();
        assertThat(JsonReport.render(report)).isNotEmpty();
        assertThat(MarkdownReport.render(report).length()).isLessThanOrEqualTo(MarkdownReport.LIMIT);
        assertThat(SarifReport.render(report, engine.rules(), "plan.json", "1.0.0"))
                .contains("\"2.1.0\"");
    }

    @Provide
    static Arbitrary<String> documents() {
        return Arbitraries.longs().map(seed -> {
            Random r = new Random(seed);
            try {
                switch (r.nextInt(5)) {
                    case 0:
                        return JSON.writeValueAsString(RandomJson.value(r, 0));
                    case 1:
                    case 2: {
                        JsonNode doc = JSON.readTree(r.nextBoolean() ? PREVIEW : OFFLINE);
                        for (int i = 0, n = 1 + r.nextInt(3); i < n; i++) {
                            RandomJson.mutate(doc, r);
                        }
                        return JSON.writeValueAsString(doc);
                    }
                    case 3: {
                        String base = r.nextBoolean() ? PREVIEW : OFFLINE;
                        return base.substring(0, r.nextInt(base.length()));
                    }
                    default: {
                        String alphabet = "{}[]\":,0ae \u0000\\";
                        StringBuilder s = new StringBuilder();
                        for (int i = 0, n = r.nextInt(40); i < n; i++) {
                            s.append(alphabet.charAt(r.nextInt(alphabet.length())));
                        }
                        return s.toString();
                    }
                }
            } catch (java.io.IOException e) {
                throw new AssertionError(e);
            }
        });
    }
}
