package dev.llmsafe.components;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The standard OpenTelemetry SDK environment variables every runtime sets, so traces, metrics and logs from any
 * preview or environment carry where they came from without the app knowing.
 */
public final class OpenTelemetryEnv {
    public static final String SERVICE_NAME = "OTEL_SERVICE_NAME";
    public static final String RESOURCE_ATTRIBUTES = "OTEL_RESOURCE_ATTRIBUTES";
    public static final String ENDPOINT = "OTEL_EXPORTER_OTLP_ENDPOINT";
    public static final String PROTOCOL = "OTEL_EXPORTER_OTLP_PROTOCOL";
    public static final String SAMPLER = "OTEL_TRACES_SAMPLER";
    public static final String SAMPLER_ARG = "OTEL_TRACES_SAMPLER_ARG";

    private OpenTelemetryEnv() {}

    public static Map<String, String> variables(AppEnvironment app) {
        OtelConfig otel = app.otel();
        Map<String, String> env = new LinkedHashMap<>();
        env.put(SERVICE_NAME, app.serviceName());
        env.put(RESOURCE_ATTRIBUTES, resourceAttributes(app));
        otel.endpoint().ifPresent(endpoint -> {
            env.put(ENDPOINT, endpoint);
            env.put(PROTOCOL, otel.protocol());
        });
        env.put(SAMPLER, otel.sampler());
        if (otel.samplerTakesRatio()) {
            env.put(SAMPLER_ARG, ratio(otel.samplerRatio()));
        }
        return env;
    }

    /**
     * Semantic-convention attributes: the environment (under its current and its older, still widely read name),
     * the pull request ({@code vcs.change.id}) and the commit ({@code vcs.ref.head.revision}, and as
     * {@code service.version}). All values are plain tokens, so no percent-encoding is needed.
     */
    static String resourceAttributes(AppEnvironment app) {
        StringJoiner attrs = new StringJoiner(",");
        attrs.add("deployment.environment.name=" + app.environment());
        attrs.add("deployment.environment=" + app.environment());
        app.prNumber().ifPresent(pr -> attrs.add("vcs.change.id=" + pr));
        app.commitSha().ifPresent(sha -> {
            attrs.add("vcs.ref.head.revision=" + sha);
            attrs.add("service.version=" + sha.substring(0, Math.min(12, sha.length())));
        });
        return attrs.toString();
    }

    private static String ratio(double ratio) {
        return ratio == Math.rint(ratio) ? String.valueOf((long) ratio) : String.valueOf(ratio);
    }
}
