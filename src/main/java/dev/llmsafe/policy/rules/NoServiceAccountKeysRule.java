package dev.llmsafe.policy.rules;

import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * No long-lived keys: no service-account key or HMAC key resource of any provider, and none in GitHub (a key
 * pasted into a secret or variable is as long-lived as one created by Pulumi), whatever the secret or
 * variable is called. Every GitHub Actions, Dependabot and Codespaces secret and variable is judged by its
 * value ({@link KeyMaterial}) and a secret also by its name. A value the plan hides ({@code [secret]}, as
 * Pulumi shows every secret input) cannot be shown to be free of keys and is reported; a value unknown until
 * apply is computed from another resource's non-secret outputs (Pulumi keeps secret outputs secret), and key
 * material comes only from key resources, which this rule refuses, so it is not reported. Workload Identity
 * Federation is the only way in.
 */
public final class NoServiceAccountKeysRule implements Rule {
    /** The rule's id in policy.yaml, suppressions and reports. */
    public static final String ID = "no-service-account-keys";

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The inputs of GitHub secrets and variables that hold their value (github 6.15.0 schema). */
    static final List<String> VALUE_FIELDS = List.of("value", "plaintextValue", "encryptedValue", "valueEncrypted");

    private static final Pattern KEY_SECRET_NAME = Pattern.compile(
            "(?i).*(sa_?key|service_?account_?(key|json)|credentials?_?json|gcp_?(sa_?)?key|google_?(application_)?credentials"
                    + "|hmac|json_?key|key_?json|keyfile|key_?file).*");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "No service-account keys or HMAC keys of any kind, and no key material in any GitHub secret or "
                + "variable; CI reaches GCP only through Workload Identity Federation.";
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
        return "resources";
    }

    @Override
    public Judgement judge(PolicyInput input) {
        PlanView plan = input.plan().orElseThrow();
        List<Finding> out = new ArrayList<>();
        for (String type : plan.types()) {
            if (isKeyType(type)) {
                for (PlannedResource r : plan.ofType(type)) {
                    out.add(Finding.at(
                            Location.resource(r.urn()),
                            type + " (" + r.name() + ") is a long-lived key",
                            "remove it; authenticate through Workload Identity Federation (google-github-actions/auth "
                                    + "with workload_identity_provider)"));
                }
            } else if (holdsGithubValue(type)) {
                for (PlannedResource r : plan.ofType(type)) {
                    judgeGithubValue(r, out);
                }
            }
        }
        return Judgement.of(plan.live().size(), out);
    }

    private static void judgeGithubValue(PlannedResource r, List<Finding> out) {
        Location at = Location.resource(r.urn());
        String name = Inputs.string(r.inputs().get("secretName"));
        String what = name != null
                ? "CI secret " + name + " (" + r.name() + ")"
                : "CI variable " + Inputs.show(r.inputs().get("variableName")) + " (" + r.name() + ")";
        if (name != null && KEY_SECRET_NAME.matcher(name).matches()) {
            out.add(Finding.at(
                    at,
                    what + " is named like a service-account or HMAC key",
                    "do not store keys in CI; use "
                            + "Workload Identity Federation, or rename the secret if it holds no key"));
        }
        for (String field : VALUE_FIELDS) {
            Object value = r.inputs().get(field);
            if (value == null || PlannedResource.UNKNOWN.equals(value)) {
                continue;
            }
            if (PlannedResource.SECRET.equals(value)) {
                out.add(Finding.at(
                        at,
                        what + " has a " + field + " the plan hides as a secret, so it cannot be shown "
                                + "to hold no service-account key",
                        "set the secret outside the stack (gh secret set), or "
                                + "allowlist this resource in policy.yaml with the reason its value is no key"));
                continue;
            }
            Optional<String> key = KeyMaterial.find(text(value));
            key.ifPresent(k -> out.add(Finding.at(
                    at,
                    what + " holds " + k + " in its " + field,
                    "delete the key in "
                            + "GCP and the " + (name != null ? "secret" : "variable")
                            + "; authenticate through Workload "
                            + "Identity Federation")));
        }
    }

    private static String text(Object value) {
        if (value instanceof String) {
            return (String) value;
        }
        try {
            return JSON.writeValueAsString(value); // a hostile plan's object or list: judged as the JSON it is
        } catch (java.io.IOException e) {
            return String.valueOf(value);
        }
    }

    /** GitHub resources that hold a value: every Actions, Dependabot and Codespaces secret and variable. */
    static boolean holdsGithubValue(String type) {
        if (!type.startsWith("github:")) {
            return false;
        }
        String resource = type.substring(type.lastIndexOf(':') + 1).toLowerCase(Locale.ROOT);
        return resource.endsWith("secret") || resource.endsWith("variable");
    }

    /** Key resources by token: {@code gcp:serviceaccount/key:Key}, {@code gcp:storage/hmacKey:HmacKey}, and kin. */
    static boolean isKeyType(String type) {
        String t = type.toLowerCase(Locale.ROOT);
        int colon = t.lastIndexOf(':');
        String module = colon < 0 ? t : t.substring(0, colon);
        String resource = t.substring(colon + 1);
        return resource.contains("hmackey")
                || resource.equals("serviceaccountkey")
                || (module.contains("serviceaccount") && resource.equals("key"));
    }
}
