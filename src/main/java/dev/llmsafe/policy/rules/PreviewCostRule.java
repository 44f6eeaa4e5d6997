package dev.llmsafe.policy.rules;

import dev.llmsafe.plan.PlannedResource;
import dev.llmsafe.policy.EnforcementLevel;
import dev.llmsafe.policy.Finding;
import dev.llmsafe.policy.Inputs;
import dev.llmsafe.policy.Judgement;
import dev.llmsafe.policy.Location;
import dev.llmsafe.policy.PlanView;
import dev.llmsafe.policy.PolicyInput;
import dev.llmsafe.policy.Rule;
import dev.llmsafe.policy.RuleCategory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Previews cost nothing while idle and can be found and reaped: a review stack's Cloud Run services scale to
 * zero ({@code template.scaling.minInstanceCount} 0 or unset; for Cloud Run v1 the {@code minScale}
 * annotation) and carry the {@code pr} and {@code managed-by} labels. Railway resources take no labels and
 * the provider cannot make a service sleep, so a Railway service is held to a single replica.
 */
public final class PreviewCostRule implements Rule {
    /** The rule's id in policy.yaml, suppressions and reports. */
    public static final String ID = "preview-cost";

    static final String RUN_V2 = "gcp:cloudrunv2/service:Service";
    static final String RUN_V1 = "gcp:cloudrun/service:Service";
    static final String RAILWAY_SERVICE = "railway:index/service:Service";
    static final List<String> REQUIRED_LABELS = List.of("pr", "managed-by");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "Review runtimes scale to zero and carry the pr and managed-by labels.";
    }

    @Override
    public EnforcementLevel defaultLevel() {
        return EnforcementLevel.ADVISORY;
    }

    @Override
    public RuleCategory category() {
        return RuleCategory.PLAN;
    }

    @Override
    public String judges() {
        return "Cloud Run or Railway services";
    }

    @Override
    public Judgement judge(PolicyInput input) {
        if (ReviewOnly.outside(input)) {
            return ReviewOnly.notApplicable(input);
        }
        PlanView plan = input.plan().orElseThrow();
        List<Finding> out = new ArrayList<>();
        for (PlannedResource s : plan.ofType(RUN_V2)) {
            minimum(
                    s,
                    Inputs.at(s.inputs(), "template", "scaling", "minInstanceCount"),
                    "template.scaling.minInstanceCount",
                    out);
            minimum(s, Inputs.at(s.inputs(), "scaling", "minInstanceCount"), "scaling.minInstanceCount", out);
            labels(s, Inputs.map(s.inputs().get("labels")), "labels", out);
        }
        for (PlannedResource s : plan.ofType(RUN_V1)) {
            Object annotation = Inputs.map(Inputs.at(s.inputs(), "template", "metadata", "annotations"))
                    .get("autoscaling.knative.dev/minScale");
            minimum(s, annotation, "template.metadata.annotations[autoscaling.knative.dev/minScale]", out);
            labels(s, Inputs.map(Inputs.at(s.inputs(), "metadata", "labels")), "metadata.labels", out);
        }
        for (PlannedResource s : plan.ofType(RAILWAY_SERVICE)) {
            double replicas = 0;
            for (Object region : Inputs.list(s.inputs().get("regions"))) {
                Object n = Inputs.map(region).get("numReplicas");
                replicas += n == null ? 1 : Inputs.number(n).orElse(Double.MAX_VALUE);
            }
            if (replicas > 1) {
                out.add(Finding.at(
                        Location.resource(s.urn()),
                        "Railway service " + s.name() + " runs " + format(replicas) + " replicas in a preview",
                        "give a preview one replica in one region (regions[].numReplicas: 1)"));
            }
        }
        return Judgement.of(
                plan.ofType(RUN_V2).size()
                        + plan.ofType(RUN_V1).size()
                        + plan.ofType(RAILWAY_SERVICE).size(),
                out);
    }

    private static void minimum(PlannedResource s, Object value, String property, List<Finding> out) {
        if (value == null) {
            return;
        }
        OptionalDouble n = Inputs.number(value);
        if (n.isEmpty() || n.getAsDouble() != 0) {
            out.add(Finding.at(
                    Location.resource(s.urn()),
                    "preview service " + s.name() + " keeps " + Inputs.show(value) + " instances warm (" + property
                            + ")",
                    "set " + property + " to 0 so an idle preview costs nothing"));
        }
    }

    private static void labels(PlannedResource s, Map<String, Object> labels, String property, List<Finding> out) {
        for (String label : REQUIRED_LABELS) {
            Object value = labels.get(label);
            if (value == null || (value instanceof String && ((String) value).isBlank())) {
                out.add(Finding.at(
                        Location.resource(s.urn()),
                        "preview service " + s.name() + " has no '" + label + "' label",
                        "add " + property + "." + label + " so previews can be attributed and reaped"));
            }
        }
    }

    private static String format(double n) {
        return n == Math.rint(n) && n < 1e15 ? Long.toString((long) n) : "an unknown number of";
    }
}
