package dev.llmsafe.policy.rules;

import dev.llmsafe.components.GithubActionsIdentity;
import dev.llmsafe.plan.PlanDocument;
import dev.llmsafe.plan.PlannedResource;
import dev.llmsafe.policy.EnforcementLevel;
import dev.llmsafe.policy.Finding;
import dev.llmsafe.policy.Judgement;
import dev.llmsafe.policy.Location;
import dev.llmsafe.policy.PlanView;
import dev.llmsafe.policy.PolicyInput;
import dev.llmsafe.policy.Rule;
import dev.llmsafe.policy.RuleCategory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Workload Identity providers admit one repository: GitHub's issuer, attributes mapped from the claims of
 * their own names, and an attribute condition that CEL reads as a conjunction pinning the numeric
 * {@code repository_id} and {@code repository_owner_id} (names can be re-registered by anyone), the ids the
 * stack's config names where the plan carries them. Public grants are {@link PublicAccessRule}'s.
 */
public final class WifProviderRule implements Rule {
    /** The rule's id in policy.yaml, suppressions and reports. */
    public static final String ID = "wif-provider";

    static final String PROVIDER_TYPE = "gcp:iam/workloadIdentityPoolProvider:WorkloadIdentityPoolProvider";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "Workload Identity providers trust GitHub's issuer and a CEL condition pinning numeric repository and owner ids.";
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
        return "Workload Identity providers";
    }

    @Override
    public Judgement judge(PolicyInput input) {
        PlanView plan = input.plan().orElseThrow();
        List<Finding> out = new ArrayList<>();
        providerFindings(plan, out);
        return Judgement.of(plan.ofType(PROVIDER_TYPE).size(), out);
    }

    /**
     * Each provider judged on its own, then its ids against the stack's config where the plan carries it,
     * else against the first provider that pins them: one stack trusts one repository.
     */
    private static void providerFindings(PlanView plan, List<Finding> out) {
        Map<String, String> expected = new HashMap<>();
        Map<String, String> expectedFrom = new HashMap<>();
        Map<String, String> config = plan.document().config();
        for (String[] pair : new String[][] {
            {AttributeCondition.REPOSITORY_ID, PlanDocument.REPOSITORY_ID},
            {AttributeCondition.OWNER_ID, PlanDocument.OWNER_ID}
        }) {
            if (config.containsKey(pair[1])) {
                expected.put(pair[0], config.get(pair[1]));
                expectedFrom.put(pair[0], "the stack's config (" + pair[1] + ")");
            }
        }
        for (PlannedResource provider : plan.ofType(PROVIDER_TYPE)) {
            WifProviderCheck.Result result = WifProviderCheck.check(provider.inputs());
            List<String> problems = new ArrayList<>(result.problems());
            result.ids().forEach((claim, id) -> {
                String want = expected.putIfAbsent(claim, id);
                expectedFrom.putIfAbsent(claim, "provider " + provider.name());
                if (want != null && !want.equals(id)) {
                    problems.add("pins " + claim + " '" + id + "', but " + expectedFrom.get(claim) + " says '" + want
                            + "', so the stack would trust another repository");
                }
            });
            for (String problem : problems) {
                out.add(Finding.at(
                        Location.resource(provider.urn()),
                        "Workload Identity provider " + provider.name() + " " + problem,
                        "set oidc.issuerUri to " + GithubActionsIdentity.ISSUER + ", map each attribute.NAME "
                                + "from assertion.NAME, and set attributeCondition to \"assertion.repository_id == '<id>' && "
                                + "assertion.repository_owner_id == '<owner id>'\" with the stack's repositoryId and ownerId "
                                + "(`gh api repos/OWNER/REPO --jq .id,.owner.id`)"));
            }
        }
    }
}
