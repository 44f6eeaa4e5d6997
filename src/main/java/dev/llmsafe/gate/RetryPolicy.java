package dev.llmsafe.gate;

import java.time.Duration;

/**
 * How transient failures (5xx, rate limits, dropped connections) are retried: at most {@code maxAttempts}
 * requests, waiting {@code baseDelay} doubled each time (or what GitHub asks for), never longer than
 * {@code maxDelay} at once. The sleeper is injectable so tests need not wait.
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay, Sleeper sleeper) {

    /** Waits; tests substitute one that records the delay. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration delay) throws InterruptedException;
    }

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
        }
    }

    /** Four attempts over about 7 seconds, waiting at most a minute when GitHub says so. */
    public static RetryPolicy standard() {
        return new RetryPolicy(
                4, Duration.ofSeconds(1), Duration.ofSeconds(60), delay -> Thread.sleep(delay.toMillis()));
    }

    /** The wait before attempt {@code attempt + 1}: GitHub's {@code requested} wait if any, else exponential. */
    public Duration delay(int attempt, Duration requested) {
        Duration d = requested != null ? requested : baseDelay.multipliedBy(1L << Math.min(attempt - 1, 20));
        return d.compareTo(maxDelay) > 0 ? maxDelay : d;
    }
}
