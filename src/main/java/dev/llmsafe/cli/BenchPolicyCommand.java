package dev.llmsafe.cli;

import dev.llmsafe.plan.PlanReadException;
import dev.llmsafe.policy.bench.PolicyBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/** {@code llmsafe bench policy}: plan parsing against rule evaluation on a generated plan. */
@Command(name = "policy", mixinStandardHelpOptions = true,
        description = {"Generates a plan of N resources, then times reading it and evaluating",
                "every rule on it, each over several runs after warm-up, and prints both",
                "medians and their ratio. Goal: (parse + evaluate) / parse <= 1.5.",
                "Progress goes to stderr; results to stdout."})
public final class BenchPolicyCommand implements Callable<Integer> {
    static final double GOAL = 1.5;

    @Spec
    CommandSpec spec;

    @Option(names = "--resources", paramLabel = "N", defaultValue = "10000", description = "Resources in the plan (default: ${DEFAULT-VALUE}).")
    int resources;

    @Option(names = "--runs", paramLabel = "R", defaultValue = "10", description = "Timed runs of each phase (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--warmup", paramLabel = "W", defaultValue = "20", description = "Untimed warm-up runs (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Override
    public Integer call() throws PlanReadException {
        if (resources < 1 || resources > 1_000_000) {
            throw new ParameterException(spec.commandLine(), "--resources must be between 1 and 1000000, not " + resources);
        }
        if (runs < 1 || runs > 1000 || warmup < 0 || warmup > 1000) {
            throw new ParameterException(spec.commandLine(), "--runs must be 1-1000 and --warmup 0-1000");
        }
        var err = spec.commandLine().getErr();
        int total = 2 * runs + warmup;
        PolicyBenchmark.Result r = PolicyBenchmark.run(resources, runs, warmup, i -> {
            err.printf(Locale.ROOT, "run %d/%d%s%n", i, total, i <= warmup ? " (warm-up)" : i <= warmup + runs ? " (parse)" : " (evaluate)");
            err.flush();
        });
        var out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "plan:      %d resources, %.1f MB of JSON, %d findings%n", r.resources(), r.bytes() / 1e6, r.findings());
        out.printf(Locale.ROOT, "parse:     %.1f ms median (%s)%n", r.parseMillis(), list(r.parseRuns()));
        out.printf(Locale.ROOT, "evaluate:  %.1f ms median (%s)%n", r.evaluateMillis(), list(r.evaluateRuns()));
        out.printf(Locale.ROOT, "ratio:     %.2f (parse + evaluate) / parse; goal <= %.1f: %s%n", r.ratio(), GOAL,
                r.ratio() <= GOAL ? "met" : "NOT met");
        out.flush();
        return ExitCodes.OK;
    }

    private static String list(java.util.List<Double> runs) {
        return runs.stream().map(d -> String.format(Locale.ROOT, "%.1f", d)).collect(Collectors.joining(" "));
    }
}
