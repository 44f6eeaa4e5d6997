package dev.llmsafe.policy.rules;

import dev.llmsafe.components.ComponentTypes;
import dev.llmsafe.plan.PlannedResource;
import dev.llmsafe.plan.Urns;
import dev.llmsafe.policy.EnforcementLevel;
import dev.llmsafe.policy.Finding;
import dev.llmsafe.policy.Inputs;
import dev.llmsafe.policy.Judgement;
import dev.llmsafe.policy.Location;
import dev.llmsafe.policy.PlanView;
import dev.llmsafe.policy.PolicyInput;
import dev.llmsafe.policy.Rule;
import dev.llmsafe.policy.RuleCategory;
import dev.llmsafe.stack.StackKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The state and audit buckets (told apart by the component that owns them: {@code StateBackend} or
 * {@code AuditTrail}) have uniform bucket-level access and enforced public access prevention. The state bucket
 * is versioned. The audit bucket keeps objects for at least the configured retention, locked outside review;
 * GCS refuses versioning together with a retention policy, so the retention policy stands in for versioning
 * there (objects can be neither replaced nor deleted while it holds). Neither bucket is deleted outside review.
 */
public final class BucketHardeningRule implements Rule {
    /** The rule's id in policy.yaml, suppressions and reports. */
    public static final String ID = "bucket-hardening";

    static final String BUCKET_TYPE = "gcp:storage/bucket:Bucket";
    static final String STATE = ComponentTypes.of("StateBackend");
    static final String AUDIT = ComponentTypes.of("AuditTrail");
    private static final long SECONDS_PER_DAY = 86_400;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "State and audit buckets are private, uniform-access and versioned or retained; audit retention is locked outside review.";
    }

    @Override
    public EnforcementLevel defaultLevel() {
        return EnforcementLevel.MANDATORY;
    }

    @Override
    public RuleCategory category() {
        return RuleCategory.PLAN;
    }

    @Override
    public String judges() {
        return "state or audit buckets";
    }

    @Override
    public Judgement judge(PolicyInput input) {
        PlanView plan = input.plan().orElseThrow();
        boolean review = input.isKind(StackKind.REVIEW);
        List<Finding> out = new ArrayList<>();
        int judged = 0;
        for (PlannedResource bucket : plan.ofType(BUCKET_TYPE)) {
            String role = role(bucket);
            if (role != null) {
                judged++;
                judgeBucket(bucket, role, input.policy().auditRetentionDays(), review, out);
            }
        }
        if (!review) {
            for (PlannedResource gone : plan.deletions()) {
                String role = BUCKET_TYPE.equals(gone.type()) ? role(gone) : null;
                if (role != null) {
                    judged++;
                    out.add(Finding.at(
                            Location.resource(gone.urn()),
                            "the plan deletes the " + role + " bucket " + gone.name(),
                            "keep it: its history is what the " + role + " bucket is for; mark it protect"));
                }
            }
        }
        return Judgement.of(judged, out);
    }

    /** {@code state}, {@code audit} or null, from the component the bucket belongs to. */
    static String role(PlannedResource bucket) {
        if (Urns.hasAncestorType(bucket.urn(), AUDIT) || ownedBy(bucket.parent(), AUDIT)) {
            return "audit";
        }
        if (Urns.hasAncestorType(bucket.urn(), STATE) || ownedBy(bucket.parent(), STATE)) {
            return "state";
        }
        return null;
    }

    private static boolean ownedBy(String parentUrn, String componentType) {
        return Urns.parse(parentUrn)
                .map(p -> p.typeChain().contains(componentType))
                .orElse(false);
    }

    private static void judgeBucket(
            PlannedResource b, String role, long retentionDays, boolean review, List<Finding> out) {
        Map<String, Object> in = b.inputs();
        Location at = Location.resource(b.urn());
        String what = "the " + role + " bucket " + b.name();
        if (!Inputs.bool(in.get("uniformBucketLevelAccess")).orElse(false)) {
            out.add(Finding.at(
                    at,
                    what + " has uniformBucketLevelAccess " + Inputs.show(in.get("uniformBucketLevelAccess")),
                    "set uniformBucketLevelAccess: true so object ACLs cannot grant access"));
        }
        if (!"enforced".equals(in.get("publicAccessPrevention"))) {
            out.add(Finding.at(
                    at,
                    what + " has publicAccessPrevention " + Inputs.show(in.get("publicAccessPrevention")),
                    "set publicAccessPrevention: \"enforced\""));
        }
        Map<String, Object> retention = Inputs.map(in.get("retentionPolicy"));
        boolean versioned = Inputs.bool(Inputs.at(in, "versioning", "enabled")).orElse(false);
        if (role.equals("state") && !versioned) {
            out.add(Finding.at(
                    at,
                    what + " is not versioned (versioning.enabled "
                            + Inputs.show(Inputs.at(in, "versioning", "enabled")) + ")",
                    "set versioning: {enabled: true} so earlier states can be restored"));
        }
        if (role.equals("audit")) {
            OptionalDouble seconds = Inputs.number(retention.get("retentionPeriod"));
            long minimum = retentionDays * SECONDS_PER_DAY;
            if (retention.isEmpty() || seconds.isEmpty() || seconds.getAsDouble() < minimum) {
                out.add(Finding.at(
                        at,
                        what + " retains objects for " + Inputs.show(retention.get("retentionPeriod"))
                                + " seconds; the policy requires at least " + minimum + " (" + retentionDays + " days)",
                        "set retentionPolicy.retentionPeriod to at least " + minimum
                                + ", or lower auditRetentionDays in policy.yaml"));
            }
            if (!review
                    && !retention.isEmpty()
                    && !Inputs.bool(retention.get("isLocked")).orElse(false)) {
                out.add(Finding.at(
                        at,
                        what + " has an unlocked retention policy (isLocked " + Inputs.show(retention.get("isLocked"))
                                + ")",
                        "set retentionPolicy.isLocked: true outside review "
                                + "stacks; a locked policy cannot be shortened or removed by anyone"));
            }
        }
    }
}
