package dev.llmsafe.bench;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Whole processes, timed from start to exit: each command of the CLI next to {@code java -version} and the
 * smallest Pulumi Java program, because a short command's time is mostly the JVM starting and loading classes.
 */
public final class StartupBenchmark {
    /** One command line to time, under the label it is printed with. */
    public record Probe(String label, List<String> command) {}

    /** A probe's median and every timed run, in milliseconds. */
    public record Timed(Probe probe, double millis, List<Double> runs) {}

    /** A command that did not exit 0: its label, exit code and the end of its output. */
    public static final class ProbeFailedException extends Exception {
        private static final long serialVersionUID = 1L;

        ProbeFailedException(String message) {
            super(message);
        }
    }

    private StartupBenchmark() {}

    /** Runs every probe once untimed (so files are in the page cache), then {@code runs} timed rounds. */
    public static List<Timed> run(List<Probe> probes, Path dir, int runs, Consumer<String> progress)
            throws IOException, InterruptedException, ProbeFailedException {
        return run(probes, dir, true, runs, progress);
    }

    /** As {@link #run(List, Path, int, Consumer)}; without {@code warmUp} when the caller has read the files already. */
    public static List<Timed> run(List<Probe> probes, Path dir, boolean warmUp, int runs, Consumer<String> progress)
            throws IOException, InterruptedException, ProbeFailedException {
        for (Probe probe : warmUp ? probes : List.<Probe>of()) {
            progress.accept("warm-up: " + probe.label());
            once(probe, dir);
        }
        List<List<Double>> times = new ArrayList<>();
        probes.forEach(p -> times.add(new ArrayList<>()));
        for (int round = 1; round <= runs; round++) {
            progress.accept("round " + round + "/" + runs);
            for (int i = 0; i < probes.size(); i++) {
                times.get(i).add(once(probes.get(i), dir));
            }
        }
        List<Timed> timed = new ArrayList<>();
        for (int i = 0; i < probes.size(); i++) {
            timed.add(new Timed(probes.get(i), Timings.median(times.get(i)), List.copyOf(times.get(i))));
        }
        return timed;
    }

    /** Each probe's timed runs by its label, in the order given: what {@link Goals#uneven} judges. */
    public static Map<String, List<Double>> runsByLabel(List<Timed> timed) {
        Map<String, List<Double>> runs = new LinkedHashMap<>();
        timed.forEach(t -> runs.put(t.probe().label(), t.runs()));
        return runs;
    }

    private static double once(Probe probe, Path dir) throws IOException, InterruptedException, ProbeFailedException {
        File log = File.createTempFile("llmsafe-startup", ".log");
        try {
            long start = System.nanoTime();
            Process process = new ProcessBuilder(probe.command())
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log)
                    .start();
            int exit = process.waitFor();
            double millis = (System.nanoTime() - start) / 1e6;
            if (exit != 0) {
                String output = java.nio.file.Files.readString(log.toPath());
                throw new ProbeFailedException(probe.label() + " exited " + exit + ": "
                        + output.substring(Math.max(0, output.length() - 600)).strip());
            }
            return millis;
        } finally {
            java.nio.file.Files.deleteIfExists(log.toPath());
        }
    }
}
