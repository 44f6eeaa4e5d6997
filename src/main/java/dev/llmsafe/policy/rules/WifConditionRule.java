package dev.llmsafe.policy.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Workload Identity providers admit one repository, pinned by its numeric {@code repository_id} and
 * {@code repository_owner_id} in the attribute condition (names can be re-registered by anyone); and no IAM
 * member, binding, policy or ACL grants {@code *}, {@code allUsers} or {@code allAuthenticatedUsers}, except
 * {@code allUsers} as Cloud Run invoker of a review stack when policy.yaml sets {@code allowPublicReviewInvoker}.
 */
public final class WifConditionRule implements Rule {
    static final String PROVIDER_TYPE = "gcp:iam/workloadIdentityPoolProvider:WorkloadIdentityPoolProvider";
    private static final Set<String> CLOUD_RUN_IAM = Set.of("gcp:cloudrunv2/serviceIamMember:ServiceIamMember",
            "gcp:cloudrunv2/serviceIamBinding:ServiceIamBinding", "gcp:cloudrun/iamMember:IamMember",
            "gcp:cloudrun/iamBinding:IamBinding");
    private static final Pattern REPOSITORY_ID = Pattern.compile(
            "(assertion|attribute)\\.repository_id\\s*==\\s*(['\"]?)[1-9][0-9]*\\2");
    private static final Pattern OWNER_ID = Pattern.compile(
            "(assertion|attribute)\\.repository_owner_id\\s*==\\s*(['\"]?)[1-9][0-9]*\\2");
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String UNREADABLE_POLICY = "(policyData that is not valid JSON)";

    @Override
    public String id() {
        return "wif-condition";
    }

    @Override
    public String description() {
        return "Workload Identity providers are pinned to numeric repository and owner ids; no public or wildcard IAM members.";
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
        for (PlannedResource provider : plan.ofType(PROVIDER_TYPE)) {
            String problem = conditionProblem(provider.inputs().get("attributeCondition"));
            if (problem != null) {
                out.add(Finding.at(Location.resource(provider.urn()), "Workload Identity provider " + provider.name() + " "
                        + problem, "set attributeCondition to \"assertion.repository_id == '<id>' && "
                        + "assertion.repository_owner_id == '<owner id>'\" (`gh api repos/OWNER/REPO --jq .id,.owner.id`)"));
            }
        }
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

    /** Null when the condition pins both numeric ids in a top-level conjunction, else what is wrong. */
    static String conditionProblem(Object value) {
        if (Inputs.opaque(value)) {
            return "has an attribute condition that is unknown until apply or secret, so it cannot be verified";
        }
        String condition = Inputs.string(value);
        if (condition == null || condition.isBlank()) {
            return "has no attribute condition, so any repository's workflows could authenticate";
        }
        List<String> conjuncts = new ArrayList<>();
        if (!splitConjunction(condition, conjuncts)) {
            return "has an attribute condition with a top-level '||' (" + condition + "), so the id checks may not bind";
        }
        boolean repo = conjuncts.stream().anyMatch(c -> REPOSITORY_ID.matcher(c).matches());
        boolean owner = conjuncts.stream().anyMatch(c -> OWNER_ID.matcher(c).matches());
        if (!repo || !owner) {
            return "has attribute condition '" + condition + "', which does not require "
                    + (!repo ? "a numeric repository_id" : "a numeric repository_owner_id");
        }
        return null;
    }

    /** Splits on top-level {@code &&}, outside quotes and parentheses; false if a top-level {@code ||} exists. */
    private static boolean splitConjunction(String text, List<String> out) {
        int depth = 0;
        char quote = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (depth == 0 && text.startsWith("||", i)) {
                return false;
            } else if (depth == 0 && text.startsWith("&&", i)) {
                out.add(stripParens(text.substring(start, i)));
                start = i + 2;
                i++;
            }
        }
        out.add(stripParens(text.substring(start)));
        return true;
    }

    private static String stripParens(String part) {
        String p = part.trim();
        while (p.length() >= 2 && p.startsWith("(") && p.endsWith(")") && balanced(p.substring(1, p.length() - 1))) {
            p = p.substring(1, p.length() - 1).trim();
        }
        return p;
    }

    private static boolean balanced(String s) {
        int depth = 0;
        for (int i = 0; i < s.length(); i++) {
            depth += s.charAt(i) == '(' ? 1 : s.charAt(i) == ')' ? -1 : 0;
            if (depth < 0) {
                return false;
            }
        }
        return depth == 0;
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
