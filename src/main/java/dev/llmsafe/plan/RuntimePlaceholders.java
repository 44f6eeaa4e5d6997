package dev.llmsafe.plan;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Offline stand-ins for what the app runtimes' providers compute: Railway's default environment and domains,
 * Cloud Run's URL, Secret Manager versions and reads, and a Cloud SQL instance's addresses. Obviously fake, deterministic, and shaped like the real answers so
 * the program's own code runs unchanged under the mocks.
 */
final class RuntimePlaceholders {
    static final String SECRET_TOKEN = "gcp:secretmanager/getSecretVersion:getSecretVersion";
    static final String SQL_INSTANCE_TOKEN = "gcp:sql/getDatabaseInstance:getDatabaseInstance";
    /** From TEST-NET-1 (RFC 5737): an address that can never be a real instance. */
    static final String SQL_PUBLIC_IP = "192.0.2.10";
    /** Every placeholder secret value starts with this, so plans can recognise and redact them. */
    static final String SECRET_PREFIX = "offline-placeholder-secret:";

    private RuntimePlaceholders() {}

    static void register() {
        PlaceholderOutputs.register("railway:index/project:Project", in -> {
            Object environment = in.get("defaultEnvironment") instanceof Map<?, ?> env && env.get("name") != null
                    ? env.get("name")
                    : "production";
            return Map.of(
                    "defaultEnvironment",
                    Map.of("id", in.get("name") + "-environment-id", "name", environment),
                    "private",
                    true,
                    "hasPrDeploys",
                    false);
        });
        PlaceholderOutputs.register(
                "railway:index/serviceDomain:ServiceDomain",
                in -> Map.of("domain", in.get("subdomain") + ".up.railway.app", "suffix", "up.railway.app"));
        PlaceholderOutputs.register(
                "gcp:cloudrunv2/service:Service",
                in -> Map.of(
                        "uri",
                        "https://" + in.get("name") + "-" + PlaceholderOutputs.PROJECT_NUMBER + "." + in.get("location")
                                + ".run.app"));
        PlaceholderOutputs.registerInvoke(SECRET_TOKEN, args -> {
            String name =
                    "projects/" + PlaceholderOutputs.PROJECT_NUMBER + "/secrets/" + args.get("secret") + "/versions/1";
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("id", name);
            result.put("name", name);
            result.put("project", args.get("project"));
            result.put("secret", args.get("secret"));
            result.put("version", "1");
            result.put("enabled", true);
            result.put("createTime", "1970-01-01T00:00:00Z");
            result.put("destroyTime", "");
            result.put("secretData", SECRET_PREFIX + args.get("secret"));
            return result;
        });
        PlaceholderOutputs.register(
                "gcp:secretmanager/secretVersion:SecretVersion",
                in -> Map.of("version", "1", "name", in.get("secret") + "/versions/1"));
        PlaceholderOutputs.registerInvoke(SQL_INSTANCE_TOKEN, RuntimePlaceholders::sqlInstance);
    }

    private static Map<String, Object> sqlInstance(Map<String, Object> args) {
        Object project = args.get("project");
        Object name = args.get("name");
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("id", "projects/" + project + "/instances/" + name);
        result.put("name", name);
        result.put("project", project);
        result.put("region", "offline-placeholder-region");
        result.put("connectionName", project + ":offline-placeholder-region:" + name);
        result.put("publicIpAddress", SQL_PUBLIC_IP);
        result.put("firstIpAddress", SQL_PUBLIC_IP);
        result.put("privateIpAddress", "");
        result.put("databaseVersion", "POSTGRES_16");
        return result;
    }
}
