package dev.llmsafe.gate;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Recognises GitHub's rate limits: 429, or 403 with {@code retry-after} (secondary limits) or
 * {@code x-ratelimit-remaining: 0} (primary limit, until {@code x-ratelimit-reset}). A 403 without these is a
 * permission problem and is not retried.
 */
final class RateLimits {
    private static final Duration SECONDARY_DEFAULT = Duration.ofSeconds(60);

    private RateLimits() {}

    /** How long GitHub asks us to wait, or empty when this response is not a rate limit. */
    static Optional<Duration> wait(int status, HttpHeaders headers, Instant now) {
        if (status != 403 && status != 429) {
            return Optional.empty();
        }
        Optional<Long> retryAfter = number(headers, "retry-after");
        if (retryAfter.isPresent()) {
            return Optional.of(Duration.ofSeconds(Math.max(0, retryAfter.get())));
        }
        if (number(headers, "x-ratelimit-remaining").filter(n -> n == 0).isPresent()) {
            return Optional.of(number(headers, "x-ratelimit-reset")
                    .map(reset -> Duration.ofSeconds(Math.max(1, reset - now.getEpochSecond())))
                    .orElse(SECONDARY_DEFAULT));
        }
        // GitHub documents waiting at least a minute on a secondary limit that names no time.
        return status == 429 ? Optional.of(SECONDARY_DEFAULT) : Optional.empty();
    }

    private static Optional<Long> number(HttpHeaders headers, String name) {
        return headers.firstValue(name).flatMap(v -> {
            try {
                return Optional.of(Long.parseLong(v.trim()));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }
}
