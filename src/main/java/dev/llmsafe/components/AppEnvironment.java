package dev.llmsafe.components;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * What the app is told at run time, on any runtime (built with {@link #builder}): plain variables, secret variables (each the id of a Secret
 * Manager secret of this environment, never of another) and its OpenTelemetry identity.
 *
 * @param environment the deployment environment: {@code review}, {@code staging}, {@code production}
 * @param serviceName the app's service name in telemetry
 * @param prNumber    the pull request a preview belongs to
 * @param commitSha   the commit being run, when known
 * @param variables   plain variables by name
 * @param secrets     variable name to the Secret Manager secret id ({@code <environment>-<name>}) holding it
 */
public record AppEnvironment(
        String environment,
        String serviceName,
        Optional<Integer> prNumber,
        Optional<String> commitSha,
        Map<String, String> variables,
        Map<String, String> secrets,
        OtelConfig otel) {

    public static final Pattern VARIABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,254}");
    /** Variables the runtimes or llm-safe set themselves; configuring them would be silently overridden. */
    public static final Set<String> RESERVED = Set.of(
            "PORT",
            "K_SERVICE",
            "K_REVISION",
            "K_CONFIGURATION",
            OpenTelemetryEnv.SERVICE_NAME,
            OpenTelemetryEnv.RESOURCE_ATTRIBUTES,
            OpenTelemetryEnv.ENDPOINT,
            OpenTelemetryEnv.PROTOCOL,
            OpenTelemetryEnv.SAMPLER,
            OpenTelemetryEnv.SAMPLER_ARG);

    public AppEnvironment {
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(serviceName, "serviceName");
        prNumber = prNumber == null ? Optional.empty() : prNumber;
        commitSha = commitSha == null ? Optional.empty() : commitSha;
        otel = otel == null ? OtelConfig.defaults() : otel;
        variables = Collections.unmodifiableMap(new LinkedHashMap<>(variables == null ? Map.of() : variables));
        secrets = Collections.unmodifiableMap(new LinkedHashMap<>(secrets == null ? Map.of() : secrets));
        for (String name : variables.keySet()) {
            checkName(name);
        }
        for (Map.Entry<String, String> e : secrets.entrySet()) {
            checkName(e.getKey());
            if (variables.containsKey(e.getKey())) {
                throw new IllegalArgumentException("variable " + e.getKey() + " is both plain and secret");
            }
            if (!e.getValue().startsWith(environment + "-")) {
                throw new IllegalArgumentException("secret " + e.getValue() + " (for " + e.getKey()
                        + ") is not a secret of environment " + environment + "; its ids start with '"
                        + environment + "-'");
            }
        }
    }

    private static void checkName(String name) {
        if (!VARIABLE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("'" + name + "' is not a valid environment variable name");
        }
        if (RESERVED.contains(name)) {
            throw new IllegalArgumentException(name + " is set by the runtime or by llm-safe and cannot be configured");
        }
    }

    /**
     * Checks that a runtime may add {@code name} as a variable composed outside this environment's config (a
     * preview database's URL, say): a valid name, not set by the runtime, not already plain or secret here.
     */
    public void requireFreeVariable(String name) {
        checkName(name);
        if (variables.containsKey(name) || secrets.containsKey(name)) {
            throw new IllegalArgumentException("variable " + name + " is already set by the app's config ("
                    + (variables.containsKey(name) ? "appEnv" : "appSecrets") + "); a variable has one source");
        }
    }

    public static Builder builder(String environment, String serviceName) {
        return new Builder(environment, serviceName);
    }

    public static final class Builder {
        private final String environment;
        private final String serviceName;
        private Optional<Integer> prNumber = Optional.empty();
        private Optional<String> commitSha = Optional.empty();
        private Map<String, String> variables = Map.of();
        private Map<String, String> secrets = Map.of();
        private OtelConfig otel = OtelConfig.defaults();

        private Builder(String environment, String serviceName) {
            this.environment = environment;
            this.serviceName = serviceName;
        }

        public Builder prNumber(Optional<Integer> prNumber) {
            this.prNumber = prNumber;
            return this;
        }

        public Builder commitSha(Optional<String> commitSha) {
            this.commitSha = commitSha;
            return this;
        }

        public Builder variables(Map<String, String> variables) {
            this.variables = variables;
            return this;
        }

        public Builder secrets(Map<String, String> secrets) {
            this.secrets = secrets;
            return this;
        }

        public Builder otel(OtelConfig otel) {
            this.otel = otel;
            return this;
        }

        public AppEnvironment build() {
            return new AppEnvironment(environment, serviceName, prNumber, commitSha, variables, secrets, otel);
        }
    }

    /** The plain variables plus the OpenTelemetry ones, in a stable order. */
    public Map<String, String> plainVariables() {
        Map<String, String> all = new LinkedHashMap<>(new TreeMap<>(variables));
        all.putAll(OpenTelemetryEnv.variables(this));
        return Collections.unmodifiableMap(all);
    }

    /** Labels that tie a resource to this deployment: {@code environment}, and {@code pr} and {@code commit}. */
    public Map<String, String> deploymentLabels() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("environment", environment);
        prNumber.ifPresent(pr -> labels.put("pr", String.valueOf(pr)));
        commitSha.ifPresent(sha -> labels.put("commit", sha));
        return labels;
    }
}
