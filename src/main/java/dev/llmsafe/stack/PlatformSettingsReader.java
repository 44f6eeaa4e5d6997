package dev.llmsafe.stack;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmsafe.components.GithubActionsIdentityArgs;
import dev.llmsafe.components.StackSecretsKeysArgs;
import dev.llmsafe.components.StateBackendArgs;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads the platform's keys: state bucket, workload identity, Secret Manager. Part of the one validator. */
final class PlatformSettingsReader {
    static final Pattern BUCKET = Pattern.compile("(?!goog)[a-z0-9][a-z0-9_-]{1,61}[a-z0-9]");
    static final Pattern LOCATION = Pattern.compile("[A-Za-z]+(-[A-Za-z]+[0-9]*)?|[a-z]+-[a-z]+[0-9]+");
    static final Pattern KMS_KEY =
            Pattern.compile("projects/[a-z][a-z0-9-]{4,28}[a-z0-9]/locations/[a-z0-9-]+/keyRings/[A-Za-z0-9_-]{1,63}"
                    + "/cryptoKeys/[A-Za-z0-9_-]{1,63}");
    static final Pattern KEY_RING = Pattern.compile("[a-zA-Z0-9_-]{1,63}");
    static final Pattern POOL_ID = Pattern.compile("(?!gcp-)[a-z0-9][a-z0-9-]{2,30}[a-z0-9]");
    static final Pattern ROLE =
            Pattern.compile("roles/[A-Za-z0-9_.]{1,128}|projects/[a-z0-9-]{6,30}/roles/[A-Za-z0-9_.]{3,64}");
    static final Pattern SECRET_NAME = Pattern.compile("[a-z][a-z0-9-]{0,50}[a-z0-9]|[a-z]");
    /** Basic roles grant far more than a deployer needs; they are never given to CI. */
    static final Set<String> BASIC_ROLES = Set.of("roles/owner", "roles/editor", "roles/viewer");
    /** Deploys Cloud Run services and sets their invoker policy (run.developer cannot set IAM policy). */
    static final List<String> DEFAULT_DEPLOYER_ROLES = List.of("roles/run.admin");

    static final String DEPLOYER_SECRET_NAMES = "deployerSecretNames";

    private final ConfigReader in;
    private final String project;
    private final String region;
    private final EnvironmentNames environments;

    PlatformSettingsReader(ConfigReader in, String project, String region, EnvironmentNames environments) {
        this.in = in;
        this.project = project;
        this.region = region;
        this.environments = environments;
    }

    /** The platform's own state bucket; labels and writers are the program's to add. */
    StateBackendArgs.Builder stateBackend() {
        String name = in.optional(
                "stateBucket",
                project == null ? null : StateBackendArgs.defaultBucketName(project),
                BUCKET,
                "must be a GCS bucket name: 3-63 characters, lowercase letters, digits, '-' and '_', "
                        + "starting and ending with a letter or digit, not starting with 'goog'");
        String location = in.optional(
                "stateBucketLocation",
                region == null ? null : region.toUpperCase(Locale.ROOT),
                LOCATION,
                "must be a GCS location: a region (us-central1), dual-region or multi-region (EU, US)");
        return StateBackendArgs.builder(project, name, location == null ? null : location.toUpperCase(Locale.ROOT))
                .noncurrentVersionDays(in.integer(
                        "stateNoncurrentVersionDays",
                        StateBackendArgs.DEFAULT_NONCURRENT_VERSION_DAYS,
                        1,
                        3650,
                        "days a replaced state file is kept"))
                .maxNoncurrentVersions(in.integer(
                        "stateMaxNoncurrentVersions",
                        StateBackendArgs.DEFAULT_MAX_NONCURRENT_VERSIONS,
                        1,
                        1000,
                        "older state versions kept per file"))
                .kmsKeyName(Optional.ofNullable(in.optional(
                        "stateKmsKeyName",
                        null,
                        KMS_KEY,
                        "must be a Cloud KMS key: projects/P/locations/L/keyRings/R/cryptoKeys/K")))
                .adoptExisting(in.bool("stateBucketAdopt", StateBackendArgs.DEFAULT_ADOPT_EXISTING))
                .protect(in.bool("stateBucketProtect", StateBackendArgs.DEFAULT_PROTECT));
    }

    /** The Cloud KMS key ring of the per-environment keys that encrypt stack secrets. */
    String stackKeyRing() {
        return in.optional(
                "stackKeyRing",
                StackSecretsKeysArgs.DEFAULT_KEY_RING,
                KEY_RING,
                "must be 1-63 letters, digits, '_' or '-'; a Cloud KMS key ring can never be deleted, so choose it once");
    }

    IdentitySettings identity() {
        String fix = "must be 4-32 characters: lowercase letters, digits and hyphens, not starting with 'gcp-'";
        String pool = in.optional("workloadIdentityPoolId", GithubActionsIdentityArgs.DEFAULT_POOL_ID, POOL_ID, fix);
        String provider =
                in.optional("workloadIdentityProviderId", GithubActionsIdentityArgs.DEFAULT_PROVIDER_ID, POOL_ID, fix);
        in.declareDefault("deployerRoles", DEFAULT_DEPLOYER_ROLES);
        Map<String, JsonNode> configured = in.object("deployerRoles");
        for (String env : configured.keySet()) {
            if (!environments.all().contains(env)) {
                in.problem("deployerRoles", env, "is not an environment; use one of " + environments.all());
            }
        }
        Map<String, List<String>> roles = new LinkedHashMap<>();
        for (String env : environments.all()) {
            if (env == null) {
                continue;
            }
            JsonNode node = configured.get(env);
            roles.put(env, node == null ? DEFAULT_DEPLOYER_ROLES : roles(env, node));
        }
        return new IdentitySettings(pool, provider, Map.copyOf(roles));
    }

    private List<String> roles(String env, JsonNode node) {
        if (!node.isArray()) {
            in.problem("deployerRoles", env + ": " + node, "each environment maps to a list of roles");
            return List.of();
        }
        List<String> roles = new ArrayList<>();
        for (JsonNode item : node) {
            String role = item.asText();
            if (!item.isTextual() || !ROLE.matcher(role).matches()) {
                in.problem("deployerRoles", env + ": " + item, "roles look like roles/run.developer");
            } else if (BASIC_ROLES.contains(role)) {
                in.problem(
                        "deployerRoles",
                        env + ": " + role,
                        "basic roles are never granted to CI; "
                                + "list the predefined roles the deployer needs, e.g. roles/run.developer");
            } else {
                roles.add(role);
            }
        }
        return List.copyOf(roles);
    }

    SecretSettings secrets() {
        List<String> names = secretNames("secretNames");
        List<String> deployerNames = secretNames(DEPLOYER_SECRET_NAMES);
        for (String name : names) {
            if (deployerNames.contains(name)) {
                in.problem(
                        DEPLOYER_SECRET_NAMES,
                        name,
                        "is also in secretNames; list each secret once: in "
                                + "secretNames if the app reads it, in deployerSecretNames if only the deployer does");
            } else if (name.equals(SecretSettings.RAILWAY_TOKEN)) {
                in.problem(
                        "secretNames",
                        name,
                        "the Railway API token reaches every project of its workspace, so "
                                + "no app may read it: move " + name
                                + " to deployerSecretNames, which only the deployer reads");
            }
        }
        List<String> all = new ArrayList<>(names);
        all.addAll(deployerNames);
        List<String> replicas = in.list(
                "secretReplicaLocations",
                List.of(),
                l -> StackSettingsReader.GCP_REGION.matcher(l).matches(),
                "replica locations are GCP regions such as us-central1; leave unset for automatic replication");
        Map<String, SecretText> values = new LinkedHashMap<>();
        Map<String, JsonNode> configured = in.object("secretValues");
        if (!configured.isEmpty() && !in.isSecret("secretValues")) {
            in.problem(
                    "secretValues",
                    "(plain text)",
                    "secret values must be encrypted: set each with "
                            + "`pulumi config set --secret --path 'secretValues.<env>-<name>' VALUE`");
            return new SecretSettings(names, deployerNames, replicas, Map.of());
        }
        for (Map.Entry<String, JsonNode> e : configured.entrySet()) {
            if (!declared(all).contains(e.getKey())) {
                in.problem(
                        "secretValues",
                        e.getKey(),
                        "names no declared secret; ids are <environment>-<name> "
                                + "with a name from secretNames or deployerSecretNames, e.g. " + environments.staging()
                                + "-"
                                + (all.isEmpty() ? "database-url" : all.get(0)));
            } else if (!e.getValue().isTextual() || e.getValue().asText().isEmpty()) {
                in.problem("secretValues", e.getKey(), "each secret value is a non-empty string");
            } else {
                values.put(e.getKey(), new SecretText(e.getValue().asText()));
            }
        }
        return new SecretSettings(names, deployerNames, replicas, Map.copyOf(values));
    }

    private List<String> secretNames(String key) {
        return in.list(
                key,
                List.of(),
                n -> SECRET_NAME.matcher(n).matches(),
                "secret names use lowercase letters, digits and hyphens, starting with a letter (the "
                        + "environment is prepended: staging-<name>)");
    }

    private List<String> declared(List<String> names) {
        List<String> ids = new ArrayList<>();
        for (String env : environments.all()) {
            for (String name : names) {
                ids.add(env + "-" + name);
            }
        }
        return ids;
    }
}
