package dev.llmsafe.policy.rules;

import dev.llmsafe.components.ComponentTypes;
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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A review stack (a pull request's preview, possibly of AI-written code) references only review-scoped
 * secrets and variables: Secret Manager secrets named {@code <review env>-...} (how {@code SecretStore} names
 * them), wherever they appear (Cloud Run {@code secretKeyRef}s and secret volumes, Secret Manager resources,
 * any {@code projects/.../secrets/...} name, e.g. in Railway variables), and GitHub environment secrets and
 * variables of the review environment only. A reference that is unknown until apply cannot be shown to be
 * review-scoped and is reported too.
 */
public final class PreviewSecretIsolationRule implements Rule {
    /** The rule's id in policy.yaml, suppressions and reports. */
    public static final String ID = "preview-secret-isolation";

    private static final Pattern SECRET_NAME = Pattern.compile("projects/[^/\\s\"']+/secrets/([^/\\s\"']+)");
    /**
     * Types whose inputs cannot reference a secret (bucket settings, service-account names, Railway services,
     * whose secrets are variables of their own): not read at all.
     */
    private static final Set<String> INERT_TYPES = Set.of(
            "gcp:storage/bucket:Bucket",
            "gcp:serviceaccount/account:Account",
            "gcp:iam/workloadIdentityPool:WorkloadIdentityPool",
            "railway:index/service:Service",
            "railway:index/project:Project",
            "railway:index/serviceDomain:ServiceDomain");
    /** IAM grants name a secret only in their condition, their policy document, or (on a secret) its id. */
    private static final List<String> GRANT_FIELDS = List.of("secretId", "condition", "policyData");

    private static final List<String> SECRET_MANAGER_FIELDS = List.of("secretId", "secret", "condition", "policyData");
    private static final Set<String> GITHUB_ENVIRONMENT_TYPES = Set.of(
            "github:index/actionsEnvironmentSecret:ActionsEnvironmentSecret",
            "github:index/actionsEnvironmentVariable:ActionsEnvironmentVariable");
    private static final Set<String> GITHUB_SHARED_TYPES = Set.of(
            "github:index/actionsSecret:ActionsSecret",
            "github:index/actionsVariable:ActionsVariable",
            "github:index/actionsOrganizationSecret:ActionsOrganizationSecret",
            "github:index/actionsOrganizationVariable:ActionsOrganizationVariable");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "A review stack references only review-scoped secrets and variables.";
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
        return "resources that can reference a secret";
    }

    @Override
    public Judgement judge(PolicyInput input) {
        if (ReviewOnly.outside(input)) {
            return ReviewOnly.notApplicable(input);
        }
        PlanView plan = input.plan().orElseThrow();
        String env = input.policy().environments().review();
        List<Finding> out = new ArrayList<>();
        List<Object> found = new ArrayList<>();
        int judged = 0;
        for (String type : plan.types()) {
            // Decided once per type, not per resource: the index spares touching resources that cannot refer.
            List<String> fields = fieldsToRead(type);
            if (fields != null && fields.isEmpty()) {
                continue;
            }
            for (PlannedResource r : plan.ofType(type)) {
                judged++;
                found.clear();
                if (fields == null) {
                    walk(r.inputs(), found, 0);
                } else {
                    for (String field : fields) {
                        Object value = r.inputs().get(field);
                        if (value != null) {
                            addIfPresent(field.equals("secretId") || field.equals("secret") ? found : null, value);
                            walk(value, found, 0);
                        }
                    }
                }
                if (!found.isEmpty()) {
                    judgeReferences(r, found, env, out);
                }
            }
        }
        for (PlannedResource r : plan.ofTypes(GITHUB_ENVIRONMENT_TYPES)) {
            Object target = r.inputs().get("environment");
            if (!env.equals(target)) {
                out.add(Finding.at(
                        Location.resource(r.urn()),
                        r.type() + " (" + r.name() + ") writes to GitHub environment " + Inputs.show(target)
                                + " from a review stack",
                        "a review stack may only set secrets and " + "variables of the " + env + " environment"));
            }
        }
        for (PlannedResource r : plan.ofTypes(GITHUB_SHARED_TYPES)) {
            out.add(Finding.at(
                    Location.resource(r.urn()),
                    r.type() + " (" + r.name() + ") is visible to every environment, "
                            + "and a review stack creates it",
                    "manage repository-wide secrets and variables in the platform " + "stack; a review stack may set "
                            + env + " environment ones only"));
        }
        return Judgement.of(judged, out);
    }

    /**
     * Where a type can name a secret: null for anywhere (its whole input tree is walked), the fields to read
     * for types whose schema allows a reference in those fields only, or none at all. Unknown types are
     * walked whole.
     */
    static List<String> fieldsToRead(String type) {
        if (INERT_TYPES.contains(type) || type.startsWith(ComponentTypes.PACKAGE + ":") || type.startsWith("pulumi:")) {
            return List.of();
        }
        if (type.startsWith("gcp:secretmanager/")) {
            return SECRET_MANAGER_FIELDS;
        }
        return IamGrants.grantsAccess(type) ? GRANT_FIELDS : null;
    }

    private static void judgeReferences(PlannedResource r, List<Object> found, String env, List<Finding> out) {
        String prefix = env + "-";
        for (Object ref : found.size() == 1 ? found : new LinkedHashSet<>(found)) {
            String id = Inputs.string(ref);
            if (Inputs.opaque(ref) || id == null) {
                out.add(Finding.at(
                        Location.resource(r.urn()),
                        r.type() + " (" + r.name() + ") references a secret " + Inputs.show(ref)
                                + " that cannot be verified as review-scoped",
                        "reference review secrets by their literal id (" + prefix + "<name>)"));
            } else if (!secretId(id).startsWith(prefix)) {
                out.add(Finding.at(
                        Location.resource(r.urn()),
                        r.type() + " (" + r.name() + ") references secret '" + id + "', which is not scoped to the "
                                + env + " environment",
                        "use the " + prefix + "<name> secret; staging and production secrets never reach previews"));
            }
        }
    }

    /** The secret's id from a bare id or a full name ({@code projects/p/secrets/id[/versions/n]}). */
    static String secretId(String reference) {
        if (reference.indexOf("/secrets/") < 0) {
            return reference;
        }
        Matcher m = SECRET_NAME.matcher(reference);
        return m.find() ? m.group(1) : reference;
    }

    /** Collects secret references; strings are checked first, as they are most of any plan. */
    private static void walk(Object value, List<Object> refs, int depth) {
        if (value instanceof String) {
            String text = (String) value;
            if (text.indexOf("/secrets/") >= 0) {
                Matcher m = SECRET_NAME.matcher(text);
                while (m.find()) {
                    refs.add(m.group(1));
                }
            }
            return;
        }
        if (depth > 64) {
            return;
        }
        if (value instanceof Map) {
            for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
                Object v = e.getValue();
                Object key = e.getKey();
                if (v instanceof Map) {
                    if ("secretKeyRef".equals(key)) {
                        Map<String, Object> ref = Inputs.map(v);
                        addIfPresent(refs, ref.containsKey("secret") ? ref.get("secret") : ref.get("name"));
                    } else if ("secret".equals(key)) {
                        Map<String, Object> volume = Inputs.map(v);
                        addIfPresent(
                                refs, volume.containsKey("secret") ? volume.get("secret") : volume.get("secretName"));
                    }
                } else if (v instanceof String && "secret".equals(key)) {
                    addIfPresent(refs, v); // e.g. Cloud Functions' secretEnvironmentVariables[].secret
                } else if (v instanceof List && "secretKeyRef".equals(key)) {
                    Map<String, Object> ref = Inputs.map(v);
                    addIfPresent(refs, ref.containsKey("secret") ? ref.get("secret") : ref.get("name"));
                }
                // Label values cannot hold '/', so never a secret name: skipping them halves the walk.
                if (v != null && !(v instanceof Boolean) && !(v instanceof Number) && !"labels".equals(key)) {
                    walk(v, refs, depth + 1);
                }
            }
        } else if (value instanceof List) {
            for (Object item : (List<?>) value) {
                walk(item, refs, depth + 1);
            }
        }
    }

    private static void addIfPresent(List<Object> refs, Object value) {
        if (refs != null && value != null && !(value instanceof Map) && !(value instanceof List)) {
            refs.add(value instanceof String ? secretId((String) value) : value);
        }
    }
}
