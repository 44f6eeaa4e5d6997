package dev.llmsafe.components;

import com.pulumi.core.Output;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The GitHub Actions variables of each deploying environment, name to value, which jobs in it read as
 * {@code vars.NAME}: identifiers (the Workload Identity provider, the deployer, where state and audit records
 * live), never credentials. Assembled by the platform program from several components, set by
 * {@link GithubGovernance}.
 */
public final class CiVariables {
    /** A valid Actions variable name; {@code GITHUB_} is GitHub's own. */
    public static final Pattern NAME = Pattern.compile("(?!GITHUB_)[A-Za-z_][A-Za-z0-9_]{0,99}");

    private static final CiVariables NONE = new CiVariables(Map.of());

    private final Map<String, Map<String, Output<String>>> byEnvironment;

    private CiVariables(Map<String, Map<String, Output<String>>> byEnvironment) {
        this.byEnvironment = byEnvironment;
    }

    public static CiVariables none() {
        return NONE;
    }

    /** Each environment's variables as given, name to value. */
    public static CiVariables of(Map<String, Map<String, Output<String>>> byEnvironment) {
        Builder builder = builder(List.copyOf(byEnvironment.keySet()));
        byEnvironment.forEach((env, vars) -> vars.forEach((name, value) -> builder.put(env, name, value)));
        return builder.build();
    }

    /** Variables of {@code environments}, each starting empty. */
    public static Builder builder(List<String> environments) {
        return new Builder(environments);
    }

    public Set<String> environments() {
        return byEnvironment.keySet();
    }

    /** The variables of {@code environment}, in the order they were added; none for an unknown environment. */
    public Map<String, Output<String>> of(String environment) {
        return byEnvironment.getOrDefault(environment, Map.of());
    }

    public static final class Builder {
        private final Map<String, Map<String, Output<String>>> byEnvironment = new LinkedHashMap<>();

        private Builder(List<String> environments) {
            environments.forEach(env -> byEnvironment.put(env, new LinkedHashMap<>()));
        }

        /** The same value in every environment. */
        public Builder shared(String name, Output<String> value) {
            byEnvironment.keySet().forEach(env -> put(env, name, value));
            return this;
        }

        /** A value of each environment's own, for every environment. */
        public Builder each(String name, Map<String, Output<String>> valueOfEnvironment) {
            byEnvironment.keySet().forEach(env -> {
                Output<String> value = valueOfEnvironment.get(env);
                if (value == null) {
                    throw new IllegalArgumentException("variable " + name + " has no value for environment " + env);
                }
                put(env, name, value);
            });
            return this;
        }

        public Builder put(String environment, String name, Output<String> value) {
            if (!byEnvironment.containsKey(environment)) {
                throw new IllegalArgumentException("variable " + name + " names environment '" + environment
                        + "', which is not one of " + byEnvironment.keySet());
            }
            if (name == null || !NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("'" + name + "' is not a valid Actions variable name "
                        + "(letters, digits and '_', not starting with a digit or GITHUB_)");
            }
            byEnvironment.get(environment).put(name, value);
            return this;
        }

        public CiVariables build() {
            Map<String, Map<String, Output<String>>> copy = new LinkedHashMap<>();
            byEnvironment.forEach((env, vars) -> copy.put(env, Collections.unmodifiableMap(new LinkedHashMap<>(vars))));
            return new CiVariables(Collections.unmodifiableMap(copy));
        }
    }
}
