package dev.llmsafe.verify;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/** Probes until healthy or out of time, waiting longer between tries (up to 30 s), reporting each try. */
public final class HealthVerifier {
    static final Duration MAX_INTERVAL = Duration.ofSeconds(30);

    /** Waits; replaced in tests so they do not sleep. */
    public interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    private final Supplier<HealthResult> probe;
    private final LongSupplier nanoClock;
    private final Sleeper sleeper;

    public HealthVerifier(Supplier<HealthResult> probe, LongSupplier nanoClock, Sleeper sleeper) {
        this.probe = probe;
        this.nanoClock = nanoClock;
        this.sleeper = sleeper;
    }

    public HealthResult verify(Duration timeout, Duration interval, PrintWriter progress) {
        long deadline = nanoClock.getAsLong() + timeout.toNanos();
        Duration wait = interval;
        int attempt = 0;
        while (true) {
            attempt++;
            HealthResult result = probe.get();
            progress.println("try " + attempt + ": " + (result.healthy() ? "healthy" : result.reason()));
            progress.flush();
            long left = deadline - nanoClock.getAsLong();
            if (result.healthy() || left <= 0) {
                return result;
            }
            try {
                sleeper.sleep(Duration.ofNanos(Math.min(wait.toNanos(), left)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new HealthResult(
                        false, result.status(), result.bodyExcerpt(), "interrupted; last: " + result.reason());
            }
            wait = wait.multipliedBy(2).compareTo(MAX_INTERVAL) > 0 ? MAX_INTERVAL : wait.multipliedBy(2);
        }
    }
}
