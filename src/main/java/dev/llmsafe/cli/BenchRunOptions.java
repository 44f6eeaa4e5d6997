package dev.llmsafe.cli;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** The runs every timing benchmark takes: untimed warm-up first, then timed runs reported as their median. */
public final class BenchRunOptions {
    @Option(
            names = "--runs",
            paramLabel = "R",
            defaultValue = "10",
            description = "Timed runs of each phase (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(
            names = "--warmup",
            paramLabel = "W",
            defaultValue = "20",
            description = "Untimed warm-up runs (default: ${DEFAULT-VALUE}).")
    int warmup;

    void validate(CommandSpec spec) {
        if (runs < 1 || runs > 1000 || warmup < 0 || warmup > 1000) {
            throw new ParameterException(spec.commandLine(), "--runs must be 1-1000 and --warmup 0-1000");
        }
    }

    /** Timed runs as printed after a median: milliseconds, one decimal. */
    static String list(List<Double> runs) {
        return runs.stream().map(d -> String.format(Locale.ROOT, "%.1f", d)).collect(Collectors.joining(" "));
    }
}
