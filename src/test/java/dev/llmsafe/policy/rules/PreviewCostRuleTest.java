package dev.llmsafe.policy.rules;

import static dev.llmsafe.policy.Fixtures.map;
import static dev.llmsafe.policy.Fixtures.messages;
import static dev.llmsafe.policy.Fixtures.resource;
import static dev.llmsafe.policy.Fixtures.verdict;
import static org.assertj.core.api.Assertions.assertThat;

import dev.llmsafe.policy.Fixtures;
import dev.llmsafe.policy.Verdict;
import dev.llmsafe.stack.StackKind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PreviewCostRuleTest {
    private final PreviewCostRule rule = new PreviewCostRule();

    @Test
    void scaleToZeroLabelledPreviewsPass() {
        var input = Fixtures.input(
                StackKind.REVIEW,
                resource(
                        PreviewCostRule.RUN_V2,
                        "app",
                        map(
                                "labels",
                                Map.of("pr", "7", "managed-by", "llm-safe"),
                                "template",
                                map("scaling", map("minInstanceCount", 0.0, "maxInstanceCount", 2.0)))),
                resource(PreviewCostRule.RUN_V2, "unset", map("labels", Map.of("pr", "7", "managed-by", "llm-safe"))),
                resource(
                        PreviewCostRule.RAILWAY_SERVICE,
                        "rw",
                        map("name", "app", "regions", List.of(map("region", "eu", "numReplicas", 1.0)))));
        assertThat(rule.check(input)).isEmpty();
        assertThat(rule.defaultLevel()).isEqualTo(dev.llmsafe.policy.EnforcementLevel.ADVISORY);
    }

    @Test
    void warmInstancesMissingLabelsAndExtraReplicasAreReported() {
        var input = Fixtures.input(
                StackKind.REVIEW,
                resource(
                        PreviewCostRule.RUN_V2,
                        "app",
                        map(
                                "labels",
                                Map.of("managed-by", "llm-safe"),
                                "template",
                                map("scaling", map("minInstanceCount", 1.0)))),
                resource(
                        PreviewCostRule.RUN_V1,
                        "v1",
                        map(
                                "metadata",
                                map("labels", Map.of("pr", "7", "managed-by", "x")),
                                "template",
                                map("metadata", map("annotations", Map.of("autoscaling.knative.dev/minScale", "2"))))),
                resource(
                        PreviewCostRule.RAILWAY_SERVICE,
                        "rw",
                        map("regions", List.of(map("region", "a", "numReplicas", 2.0), map("region", "b")))));
        assertThat(messages(rule, input))
                .containsExactly(
                        "preview service app keeps 1.0 instances warm (template.scaling.minInstanceCount)",
                        "preview service app has no 'pr' label",
                        "preview service v1 keeps 2 instances warm (template.metadata.annotations[autoscaling.knative.dev/minScale])",
                        "Railway service rw runs 3 replicas in a preview");
    }

    @Test
    void longLivedStacksAreNotJudged() {
        var input = Fixtures.input(
                StackKind.PRODUCTION,
                resource(PreviewCostRule.RUN_V2, "app", map("template", map("scaling", map("minInstanceCount", 3.0)))));
        assertThat(rule.check(input)).isEmpty();
    }

    @Test
    void otherStackKindsAndReviewPlansWithoutServicesAreNotApplicable() {
        Verdict production = verdict(
                rule,
                Fixtures.input(
                        StackKind.PRODUCTION,
                        resource(
                                PreviewCostRule.RUN_V2,
                                "app",
                                map("template", map("scaling", map("minInstanceCount", 3.0))))));
        assertThat(production.status()).isEqualTo(Verdict.Status.NOT_APPLICABLE);
        assertThat(production.note()).isEqualTo("judges review stacks only; this is a production stack");
        Verdict none =
                verdict(rule, Fixtures.input(StackKind.REVIEW, resource("gcp:storage/bucket:Bucket", "b", Map.of())));
        assertThat(none.status()).isEqualTo(Verdict.Status.NOT_APPLICABLE);
        assertThat(none.note()).isEqualTo("no Cloud Run or Railway services to judge");
        Verdict one = verdict(
                rule,
                Fixtures.input(
                        StackKind.REVIEW,
                        resource(
                                PreviewCostRule.RUN_V2,
                                "app",
                                map("labels", Map.of("pr", "7", "managed-by", "llm-safe")))));
        assertThat(one.status()).isEqualTo(Verdict.Status.PASS);
        assertThat(one.judged()).isEqualTo(1);
    }
}
