package dev.llmsafe.cli;

import dev.llmsafe.bench.Goals;
import dev.llmsafe.plan.PlanReadException;
import dev.llmsafe.policy.bench.PolicyBenchmark;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code llmsafe bench policy}: plan parsing against rule evaluation on a generated plan. */
@Command(
        name = "policy",
        mixinStandardHelpOptions = true,
        description = {
            "Times reading a generated plan against judging it.",
            "",
            "Generates a plan of N resources, then times reading it and evaluating every rule on it, each "
                    + "over several runs after warm-up, and prints both medians and their ratio. Goal: "
                    + "(parse + evaluate) / parse <= 1.5.",
            "",
            "Progress goes to stderr, results to stdout."
        })
public final class BenchPolicyCommand implements Callable<Integer> {
    static final double GOAL = 1.5;

    @Spec
    CommandSpec spec;

    @Option(
            names = "--resources",
            paramLabel = "N",
            defaultValue = "10000",
            description = "Resources in the plan (default: ${DEFAULT-VALUE}).")
    int resources;

    @Mixin
    BenchRunOptions timing;

    @Override
    public Integer call() throws PlanReadException {
        if (resources < 1 || resources > 1_000_000) {
            throw new ParameterException(
                    spec.commandLine(), "--resources must be between 1 and 1000000, not " + resources);
        }
        timing.validate(spec);
        var err = spec.commandLine().getErr();
        int total = 2 * timing.runs + timing.warmup;
        PolicyBenchmark.Result r = PolicyBenchmark.run(resources, timing.runs, timing.warmup, i -> {
            err.printf(
                    Locale.ROOT,
                    "run %d/%d%s%n",
                    i,
                    total,
                    i <= timing.warmup ? " (warm-up)" : i <= timing.warmup + timing.runs ? " (parse)" : " (evaluate)");
            err.flush();
        });
        var out = spec.commandLine().getOut();
        out.printf(
                Locale.ROOT,
                "plan:      %d resources, %.1f MB of JSON, %d findings%n",
                r.resources(),
                r.bytes() / 1e6,
                r.findings());
        out.printf(
                Locale.ROOT, "parse:     %.1f ms median (%s)%n", r.parseMillis(), BenchRunOptions.list(r.parseRuns()));
        out.printf(
                Locale.ROOT,
                "evaluate:  %.1f ms median (%s)%n",
                r.evaluateMillis(),
                BenchRunOptions.list(r.evaluateRuns()));
        out.printf(
                Locale.ROOT,
                "ratio:     %.2f (parse + evaluate) / parse; goal <= %.1f: %s%n",
                r.ratio(),
                GOAL,
                Goals.verdict(r.ratio() <= GOAL));
        out.flush();
        return ExitCodes.OK;
    }
}
