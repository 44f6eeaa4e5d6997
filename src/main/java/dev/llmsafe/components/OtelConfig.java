package dev.llmsafe.components;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Where and how the app sends OpenTelemetry data.
 *
 * @param endpoint     the OTLP collector URL; when empty the app's SDK keeps its own default
 * @param protocol     {@code grpc}, {@code http/protobuf} or {@code http/json}
 * @param sampler      an {@code OTEL_TRACES_SAMPLER} value such as {@code parentbased_traceidratio}
 * @param samplerRatio the share of traces kept by ratio samplers, from 0 to 1
 */
public record OtelConfig(Optional<String> endpoint, String protocol, String sampler, double samplerRatio) {
    public static final Set<String> PROTOCOLS = Set.of("grpc", "http/protobuf", "http/json");
    public static final Set<String> SAMPLERS = Set.of(
            "always_on",
            "always_off",
            "traceidratio",
            "parentbased_always_on",
            "parentbased_always_off",
            "parentbased_traceidratio");

    public static final String DEFAULT_PROTOCOL = "http/protobuf";
    public static final String DEFAULT_SAMPLER = "parentbased_traceidratio";
    /** Every trace kept outside production. */
    public static final double DEFAULT_SAMPLER_RATIO = 1.0;
    /** Production keeps one trace in ten. */
    public static final double DEFAULT_PRODUCTION_SAMPLER_RATIO = 0.1;

    public OtelConfig {
        endpoint = endpoint == null ? Optional.empty() : endpoint;
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(sampler, "sampler");
        if (!PROTOCOLS.contains(protocol)) {
            throw new IllegalArgumentException("OTLP protocol '" + protocol + "' is not one of " + PROTOCOLS);
        }
        if (!SAMPLERS.contains(sampler)) {
            throw new IllegalArgumentException("trace sampler '" + sampler + "' is not one of " + SAMPLERS);
        }
        if (!(samplerRatio >= 0 && samplerRatio <= 1)) {
            throw new IllegalArgumentException("sampler ratio must be from 0 to 1, got " + samplerRatio);
        }
    }

    /** Every trace kept, exporter left to the SDK's default: what a preview needs when nothing is configured. */
    public static OtelConfig defaults() {
        return new OtelConfig(Optional.empty(), DEFAULT_PROTOCOL, DEFAULT_SAMPLER, DEFAULT_SAMPLER_RATIO);
    }

    /** Whether the sampler takes a ratio argument. */
    public boolean samplerTakesRatio() {
        return sampler.endsWith("traceidratio");
    }
}
