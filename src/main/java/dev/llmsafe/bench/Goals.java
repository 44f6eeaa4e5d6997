package dev.llmsafe.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** How every benchmark says whether its goal was reached, and when its runs were too uneven to say it firmly. */
public final class Goals {
    /**
     * Runs that spread more than this around their median ((slowest - fastest) / median) were timed while the host's
     * load changed. On a shared 2-core machine, sha256sum of one 634 MB file took from 1.36 to 2.4 s within an hour,
     * and in its steadiest run of five they stayed within 6% of each other.
     */
    public static final double UNEVEN = 0.25;

    private Goals() {}

    public static String verdict(boolean met) {
        return met ? "met" : "NOT met";
    }

    /** (slowest - fastest) / median of the runs; 0 for fewer than two. */
    static double spread(List<Double> runs) {
        if (runs.size() < 2) {
            return 0;
        }
        double min = runs.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        double max = runs.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        return (max - min) / Timings.median(runs);
    }

    /**
     * The line to print under a verdict when the runs of any of the timed things (by label, in order) spread more
     * than {@link #UNEVEN}: the verdict rests on medians that a quieter host would have given otherwise.
     */
    public static Optional<String> uneven(Map<String, List<Double>> runsByLabel) {
        List<String> spreads = new ArrayList<>();
        runsByLabel.forEach((label, runs) -> {
            double spread = spread(runs);
            if (spread > UNEVEN) {
                spreads.add(String.format(Locale.ROOT, "%.0f%% for %s", spread * 100, label));
            }
        });
        if (spreads.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("note: the timed runs spread (slowest - fastest) by " + String.join(", ", spreads)
                + " of their median: the host's load changed while they ran, so the verdict may differ on a quiet "
                + "machine; run again, with more --runs");
    }
}
