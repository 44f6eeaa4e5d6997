package dev.llmsafe.components;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Inputs and lookups shared by the app runtime component tests. */
final class AppFixtures {
    static final String SHA = "3f786850e387550fdab836ed7e6dc881de23001b";
    static final String DIGEST = "sha256:" + "ab".repeat(32);
    static final OtelConfig OTEL =
            new OtelConfig(Optional.of("https://otel.acme.example:4318"), "grpc", "parentbased_traceidratio", 0.25);

    private AppFixtures() {}

    static AppEnvironment review() {
        return AppEnvironment.builder("review", "shop")
                .prNumber(Optional.of(42))
                .commitSha(Optional.of(SHA))
                .variables(Map.of("LOG_LEVEL", "debug"))
                .secrets(Map.of("DATABASE_URL", "review-database-url", "SESSION_KEY", "review-session-key"))
                .otel(OTEL)
                .build();
    }

    static AppEnvironment staging() {
        return AppEnvironment.builder("staging", "shop")
                .commitSha(Optional.of(SHA))
                .variables(Map.of("LOG_LEVEL", "info"))
                .secrets(Map.of("DATABASE_URL", "staging-database-url"))
                .otel(OTEL)
                .build();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
        return (List<Object>) value;
    }
}
