package dev.llmsafe.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** What every benchmark reports: the median of its timed runs, in milliseconds. */
public final class Timings {
    private Timings() {}

    public static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** How long one run takes, in milliseconds. */
    public static double millis(Runnable run) {
        long start = System.nanoTime();
        run.run();
        return (System.nanoTime() - start) / 1e6;
    }
}
