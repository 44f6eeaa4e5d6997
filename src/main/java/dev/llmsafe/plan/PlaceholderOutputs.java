package dev.llmsafe.plan;

import dev.llmsafe.naming.ServiceAccounts;
import dev.llmsafe.stack.Labels;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * What the offline plan pretends a provider returned: the inputs echoed back plus the few computed
 * properties the program reads (names, emails, URLs), filled with obvious placeholders such as project
 * number {@value #PROJECT_NUMBER}. Deterministic, so two plans of the same config are identical.
 */
public final class PlaceholderOutputs {
    public static final String PROJECT_NUMBER = "000000000000";

    private static final Map<String, Function<Map<String, Object>, Map<String, Object>>> COMPUTED = new HashMap<>();

    static {
        COMPUTED.put("gcp:serviceaccount/account:Account", in -> {
            String email =
                    ServiceAccounts.email(String.valueOf(in.get("accountId")), String.valueOf(in.get("project")));
            return Map.of(
                    "email",
                    email,
                    "member",
                    ServiceAccounts.member(email),
                    "name",
                    "projects/" + in.get("project") + "/serviceAccounts/" + email,
                    "uniqueId",
                    "100000000000000000000");
        });
        COMPUTED.put(
                "gcp:iam/workloadIdentityPool:WorkloadIdentityPool",
                in -> Map.of("name", poolName(in.get("workloadIdentityPoolId")), "state", "ACTIVE"));
        COMPUTED.put(
                "gcp:iam/workloadIdentityPoolProvider:WorkloadIdentityPoolProvider",
                in -> Map.of(
                        "name",
                        poolName(in.get("workloadIdentityPoolId")) + "/providers/"
                                + in.get("workloadIdentityPoolProviderId"),
                        "state",
                        "ACTIVE"));
        COMPUTED.put(
                "gcp:storage/bucket:Bucket",
                in -> Map.of(
                        "url",
                        "gs://" + in.get("name"),
                        "selfLink",
                        "https://www.googleapis.com/storage/v1/b/" + in.get("name")));
        COMPUTED.put(
                "gcp:monitoring/uptimeCheckConfig:UptimeCheckConfig",
                in -> Map.of(
                        "uptimeCheckId",
                        Labels.value(String.valueOf(in.get("displayName")))
                                        .replaceAll("-+", "-")
                                        .replaceAll("-$", "") + "-000000")); // real ids: name + random suffix
        COMPUTED.put(
                "github:index/repositoryRuleset:RepositoryRuleset",
                in -> Map.of("rulesetId", 0, "nodeId", "RRS_placeholder", "etag", "placeholder"));
        COMPUTED.put(
                "gcp:secretmanager/secret:Secret",
                in -> Map.of("name", "projects/" + PROJECT_NUMBER + "/secrets/" + in.get("secretId")));
    }

    private PlaceholderOutputs() {}

    private static String poolName(Object poolId) {
        return "projects/" + PROJECT_NUMBER + "/locations/global/workloadIdentityPools/" + poolId;
    }

    /** Registers the computed outputs of another resource type (used by runtime and provider bindings). */
    public static void register(String type, Function<Map<String, Object>, Map<String, Object>> computed) {
        COMPUTED.put(type, computed);
    }

    public static Map<String, Object> of(String type, Map<String, Object> inputs) {
        Map<String, Object> state = new HashMap<>(inputs);
        var computed = COMPUTED.get(type);
        if (computed != null) {
            computed.apply(inputs).forEach((k, v) -> state.merge(k, v, PlaceholderOutputs::inputsWin));
        }
        return state;
    }

    /** Inputs win, except that a computed field inside an input object (an id, say) is added to it. */
    @SuppressWarnings("unchecked")
    private static Object inputsWin(Object input, Object computed) {
        if (input instanceof Map && computed instanceof Map) {
            Map<String, Object> merged = new HashMap<>((Map<String, Object>) input);
            ((Map<String, Object>) computed).forEach((k, v) -> merged.merge(k, v, PlaceholderOutputs::inputsWin));
            return merged;
        }
        return input;
    }

    private static final Map<String, Function<Map<String, Object>, Map<String, Object>>> INVOKES = new HashMap<>();

    /** Registers what an invoke (a provider function such as a secret lookup) returns offline. */
    public static void registerInvoke(String token, Function<Map<String, Object>, Map<String, Object>> result) {
        INVOKES.put(token, result);
    }

    /** An invoke's placeholder result: the registered one, or its arguments echoed. */
    public static Map<String, Object> invoke(String token, Map<String, Object> args) {
        var result = INVOKES.get(token);
        return result == null ? Map.copyOf(args) : result.apply(args);
    }

    static {
        RuntimePlaceholders.register(); // after INVOKES exists: static initializers run in textual order
    }

    /** The deterministic id of a resource in an offline plan. */
    public static String id(String type, String name, Map<String, Object> inputs) {
        if ("gcp:secretmanager/secret:Secret".equals(type)) {
            return "projects/" + PROJECT_NUMBER + "/secrets/" + inputs.get("secretId");
        }
        return name + "-id";
    }
}
