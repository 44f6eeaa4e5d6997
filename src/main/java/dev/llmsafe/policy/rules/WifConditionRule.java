package dev.llmsafe.policy.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.llmsafe.components.GithubActionsIdentity;
import dev.llmsafe.plan.PlanDocument;
import dev.llmsafe.plan.PlannedResource;
import dev.llmsafe.policy.EnforcementLevel;
import dev.llmsafe.policy.Finding;
import dev.llmsafe.policy.Inputs;
import dev.llmsafe.policy.Location;
import dev.llmsafe.policy.PlanView;
import dev.llmsafe.policy.PolicyInput;
import dev.llmsafe.policy.Rule;
import dev.llmsafe.policy.RuleCategory;
import dev.llmsafe.stack.StackKind;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Workload Identity providers admit one repository: GitHub's issuer, attributes mapped from the claims of
 * their own names, and an attribute condition that CEL reads as a conjunction pinning the numeric
 * {@code repository_id} and {@code repository_owner_id} (names can be re-registered by anyone); and no IAM
 * member, binding, policy or ACL grants {@code *}, {@code allUsers} or {@code allAuthenticatedUsers}, except
 * {@code allUsers} as Cloud Run invoker of a review stack when policy.yaml sets {@code allowPublicReviewInvoker}.
 */
public final class WifConditionRule implements Rule {
    static final String PROVIDER_TYPE = "gcp:iam/workloadIdentityPoolProvider:WorkloadIdentityPoolProvider";
    private static final Set<String> CLOUD_RUN_IAM = Set.of("gcp:cloudrunv2/serviceIamMember:ServiceIamMember",
            "gcp:cloudrunv2/serviceIamBinding:ServiceIamBinding", "gcp:cloudrun/iamMember:IamMember",
            "gcp:cloudrun/iamBinding:IamBinding");
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String UNREADABLE_POLICY = "(policyData that is not valid JSON)";

    @Override
    public String id() {
        return "wif-condition";
    }

    @Override
    public String description() {
        return "Workload Identity providers trust GitHub's issuer and a CEL condition pinning numeric repository and owner ids; "
                + "no public or wildcard IAM members.";
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
    public List<Finding> check(PolicyInput input) {
        PlanView plan = input.plan().orElseThrow();
        List<Finding> out = new ArrayList<>();
        providerFindings(plan, out);
        boolean publicInvokerAllowed = input.isKind(StackKind.REVIEW) && input.policy().allowPublicReviewInvoker();
        for (String type : plan.types()) {
            if (!grantsAccess(type)) {
                continue;
            }
            for (PlannedResource r : plan.ofType(type)) {
                String role = Inputs.string(r.inputs().get("role"));
                for (String member : members(r)) {
                    if (!isPublic(member)) {
                        continue;
                    }
                    boolean invoker = CLOUD_RUN_IAM.contains(type) && "roles/run.invoker".equals(role)
                            && member.equals("allUsers");
                    if (invoker && publicInvokerAllowed) {
                        continue;
                    }
                    out.add(Finding.at(Location.resource(r.urn()), type + " (" + r.name() + ") grants "
                            + (role == null ? "access" : role) + " to '" + member + "'",
                            invoker ? "only review stacks may allow public invocation, and only with "
                                    + "allowPublicReviewInvoker: true in policy.yaml"
                                    : "grant the role to specific service accounts, users or groups"));
                }
            }
        }
        return out;
    }

    /**
     * Each provider judged on its own, then its ids against the stack's config where the plan carries it,
     * else against the first provider that pins them: one stack trusts one repository.
     */
    private static void providerFindings(PlanView plan, List<Finding> out) {
        Map<String, String> expected = new HashMap<>();
        Map<String, String> expectedFrom = new HashMap<>();
        Map<String, String> config = plan.document().config();
        for (String[] pair : new String[][] {{AttributeCondition.REPOSITORY_ID, PlanDocument.REPOSITORY_ID},
                {AttributeCondition.OWNER_ID, PlanDocument.OWNER_ID}}) {
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
                out.add(Finding.at(Location.resource(provider.urn()), "Workload Identity provider " + provider.name() + " "
                        + problem, "set oidc.issuerUri to " + GithubActionsIdentity.ISSUER + ", map each attribute.NAME "
                        + "from assertion.NAME, and set attributeCondition to \"assertion.repository_id == '<id>' && "
                        + "assertion.repository_owner_id == '<owner id>'\" with the stack's repositoryId and ownerId "
                        + "(`gh api repos/OWNER/REPO --jq .id,.owner.id`)"));
            }
        }
    }

    static boolean grantsAccess(String type) {
        String resource = type.substring(type.lastIndexOf(':') + 1).toLowerCase(Locale.ROOT);
        return resource.endsWith("iammember") || resource.endsWith("iambinding") || resource.endsWith("iampolicy")
                || resource.endsWith("accesscontrol") || resource.endsWith("acl");
    }

    /** Members a grant names: member, members, entity, role entities and IAM policy bindings. */
    static List<String> members(PlannedResource r) {
        List<String> out = new ArrayList<>();
        addText(out, r.inputs().get("member"));
        Inputs.list(r.inputs().get("members")).forEach(m -> addText(out, m));
        addText(out, r.inputs().get("entity"));
        for (Object entity : Inputs.list(r.inputs().get("roleEntities"))) {
            String text = Inputs.string(entity);
            if (text != null) {
                out.add(text.substring(text.indexOf(':') + 1));
            }
        }
        String policy = Inputs.string(r.inputs().get("policyData"));
        if (policy != null && !Inputs.opaque(policy)) {
            try {
                for (JsonNode binding : JSON.readTree(policy).path("bindings")) {
                    for (JsonNode m : binding.path("members")) {
                        out.add(m.asText());
                    }
                }
            } catch (java.io.IOException e) {
                out.add(UNREADABLE_POLICY); // a policy that cannot be read cannot be shown to be private

            }
        }
        return out;
    }

    private static void addText(List<String> out, Object value) {
        String text = Inputs.string(value);
        if (text != null && !Inputs.opaque(text)) {
            out.add(text);
        }
    }

    static boolean isPublic(String member) {
        String m = member.trim().toLowerCase(Locale.ROOT);
        return member.equals(UNREADABLE_POLICY) || m.equals("allusers") || m.equals("allauthenticatedusers") || m.contains("*")
                || m.endsWith(":allusers") || m.endsWith(":allauthenticatedusers");
    }
}
