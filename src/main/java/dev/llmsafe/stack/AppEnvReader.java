package dev.llmsafe.stack;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmsafe.components.AppEnvironment;
import dev.llmsafe.components.OtelConfig;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** Reads what the app is told: {@code appEnv}, {@code appSecrets} and the {@code otel*} keys. */
final class AppEnvReader {
    static final Pattern OTLP_ENDPOINT = Pattern.compile("https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?(/[^\\s]*)?");

    private final ConfigReader in;
    private final SecretSettings secrets;
    private Map<String, String> variables;

    AppEnvReader(ConfigReader in, SecretSettings secrets) {
        this.in = in;
        this.secrets = secrets;
    }

    /** {@code appEnv}: variable name to plain value. */
    Map<String, String> variables() {
        if (variables != null) { // read once, so each mistake is reported once
            return variables;
        }
        Map<String, String> out = new TreeMap<>();
        in.object("appEnv").forEach((name, node) -> {
            if (checkName("appEnv", name) && node.isValueNode()) {
                out.put(name, node.asText());
            } else if (!node.isValueNode()) {
                in.problem("appEnv", name, "values are plain strings; put secrets in appSecrets");
            }
        });
        variables = Map.copyOf(out);
        return variables;
    }

    /** {@code appSecrets}: variable name to a secret name declared in {@code secretNames}. */
    Map<String, String> secrets() {
        Map<String, String> out = new TreeMap<>();
        for (Map.Entry<String, JsonNode> e : in.object("appSecrets").entrySet()) {
            String secret = e.getValue().asText();
            if (!checkName("appSecrets", e.getKey())) {
                continue;
            }
            if (e.getValue().isTextual() && secrets.deployerNames().contains(secret)) {
                in.problem(
                        "appSecrets",
                        e.getKey() + ": " + secret,
                        "is a secret of deployerSecretNames, which "
                                + "only the deployer reads: the app's runtime cannot read it; give the app a secret of "
                                + "secretNames " + secrets.names());
            } else if (!e.getValue().isTextual() || !secrets.names().contains(secret)) {
                in.problem(
                        "appSecrets",
                        e.getKey() + ": " + e.getValue(),
                        "must name a secret of secretNames " + secrets.names()
                                + " (the environment is added: the review stack reads review-<name>)");
            } else {
                out.put(e.getKey(), secret);
            }
        }
        Map<String, String> plain = variables();
        out.keySet().stream()
                .filter(plain::containsKey)
                .forEach(name ->
                        in.problem("appSecrets", name, "is also set in appEnv; a variable is either plain or secret"));
        return Map.copyOf(out);
    }

    private boolean checkName(String key, String name) {
        if (!AppEnvironment.VARIABLE_NAME.matcher(name).matches()) {
            in.problem(key, name, "variable names use letters, digits and '_', not starting with a digit");
            return false;
        }
        if (AppEnvironment.RESERVED.contains(name)) {
            in.problem(key, name, "is set by the runtime or by llm-safe (see the otel* keys and containerPort)");
            return false;
        }
        return true;
    }

    /** OpenTelemetry: every trace kept in previews and staging, one in ten in production by default. */
    OtelConfig otel(StackKind kind) {
        Optional<String> endpoint = Optional.ofNullable(in.optional(
                "otelEndpoint",
                null,
                OTLP_ENDPOINT,
                "must be the OTLP collector's http(s) URL, e.g. https://otlp.example.com:4318"));
        String protocol = in.optional(
                "otelProtocol",
                OtelConfig.DEFAULT_PROTOCOL,
                Pattern.compile("grpc|http/protobuf|http/json"),
                "must be grpc, http/protobuf or http/json");
        in.declareDefault("otelSampler", OtelConfig.DEFAULT_SAMPLER);
        String sampler = in.raw("otelSampler").map(String::trim).orElse(OtelConfig.DEFAULT_SAMPLER);
        if (!OtelConfig.SAMPLERS.contains(sampler)) {
            in.problem("otelSampler", sampler, "must be one of " + new TreeSet<>(OtelConfig.SAMPLERS));
            sampler = OtelConfig.DEFAULT_SAMPLER;
        }
        double ratio = RuntimeSettingsReader.ratio(
                in,
                "otelSamplerRatio",
                kind == StackKind.PRODUCTION
                        ? OtelConfig.DEFAULT_PRODUCTION_SAMPLER_RATIO
                        : OtelConfig.DEFAULT_SAMPLER_RATIO);
        return new OtelConfig(endpoint, protocol == null ? OtelConfig.DEFAULT_PROTOCOL : protocol, sampler, ratio);
    }
}
