package dev.llmsafe.policy.rules;

import dev.llmsafe.plan.PlannedResource;
import dev.llmsafe.policy.EnforcementLevel;
import dev.llmsafe.policy.Finding;
import dev.llmsafe.policy.Inputs;
import dev.llmsafe.policy.Location;
import dev.llmsafe.policy.PlanView;
import dev.llmsafe.policy.PolicyInput;
import dev.llmsafe.policy.Rule;
import dev.llmsafe.policy.RuleCategory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * No long-lived keys: no service-account key or HMAC key resource of any provider, and no CI secret whose name
 * says it holds one (a key pasted into GitHub is as long-lived as one created by Pulumi). Workload Identity
 * Federation is the only way in.
 */
public final class NoServiceAccountKeysRule implements Rule {
    /** GitHub secret resources: their name is visible in a plan, their value is not. */
    private static final List<String> SECRET_TYPES = List.of(
            "github:index/actionsSecret:ActionsSecret", "github:index/actionsEnvironmentSecret:ActionsEnvironmentSecret",
            "github:index/actionsOrganizationSecret:ActionsOrganizationSecret",
            "github:index/dependabotSecret:DependabotSecret", "github:index/codespacesSecret:CodespacesSecret");
    private static final Pattern KEY_SECRET_NAME = Pattern.compile(
            "(?i).*(sa_?key|service_?account_?(key|json)|credentials?_?json|gcp_?(sa_?)?key|google_?(application_)?credentials"
                    + "|hmac|json_?key|key_?json|keyfile|key_?file).*");

    @Override
    public String id() {
        return "no-service-account-keys";
    }

    @Override
    public String description() {
        return "No service-account keys or HMAC keys of any kind; CI reaches GCP only through Workload Identity Federation.";
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
        for (String type : plan.types()) {
            if (isKeyType(type)) {
                for (PlannedResource r : plan.ofType(type)) {
                    out.add(Finding.at(Location.resource(r.urn()), type + " (" + r.name() + ") is a long-lived key",
                            "remove it; authenticate through Workload Identity Federation (google-github-actions/auth "
                                    + "with workload_identity_provider)"));
                }
            }
        }
        for (PlannedResource r : plan.ofTypes(SECRET_TYPES)) {
            String name = Inputs.string(r.inputs().get("secretName"));
            if (name != null && KEY_SECRET_NAME.matcher(name).matches()) {
                out.add(Finding.at(Location.resource(r.urn()), "CI secret " + name + " (" + r.name()
                        + ") is named like a service-account or HMAC key", "do not store keys in CI; use Workload "
                        + "Identity Federation, or rename the secret if it holds no key"));
            }
        }
        return out;
    }

    /** Key resources by token: {@code gcp:serviceaccount/key:Key}, {@code gcp:storage/hmacKey:HmacKey}, and kin. */
    static boolean isKeyType(String type) {
        String t = type.toLowerCase(Locale.ROOT);
        int colon = t.lastIndexOf(':');
        String module = colon < 0 ? t : t.substring(0, colon);
        String resource = t.substring(colon + 1);
        return resource.contains("hmackey") || resource.equals("serviceaccountkey")
                || (module.contains("serviceaccount") && resource.equals("key"));
    }
}
