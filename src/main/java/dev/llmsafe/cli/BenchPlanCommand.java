package dev.llmsafe.cli;

import dev.llmsafe.bench.Goals;
import dev.llmsafe.plan.OfflinePlanner;
import dev.llmsafe.plan.bench.PlanBenchmark;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code llmsafe bench plan}: a stack's offline plan against a one-resource program under the same mocks. */
@Command(
        name = "plan",
        mixinStandardHelpOptions = true,
        description = {
            "Times a stack's offline plan against a one-resource program.",
            "",
            "Times the offline plan of a stack (what `llmsafe plan` runs) against the smallest Pulumi Java "
                    + "program, one resource under the same mocks, in this JVM, and prints both medians and "
                    + "their ratio. Goal: plan / one resource <= 2.0. It also times as many empty resources as "
                    + "the plan has, to tell the SDK's cost per resource from the program's.",
            "",
            "Progress goes to stderr, results to stdout."
        })
public final class BenchPlanCommand implements Callable<Integer> {
    static final double GOAL = 2.0;

    @Spec
    CommandSpec spec;

    @Option(
            names = "--stack",
            paramLabel = "NAME",
            defaultValue = "pr-42",
            description = "The stack to plan (default: ${DEFAULT-VALUE}).")
    String stack;

    @Option(
            names = "--project-dir",
            paramLabel = "DIR",
            defaultValue = ".",
            description =
                    "The folder holding Pulumi.yaml and the stack config files (default: the current " + "folder).")
    Path projectDir;

    @Mixin
    BenchRunOptions timing;

    @Override
    public Integer call() throws IOException {
        timing.validate(spec);
        var err = spec.commandLine().getErr();
        PlanBenchmark.Result r;
        var settings = OfflinePlanner.settingsForPlan(projectDir, stack, Optional.empty(), Map.of())
                .settings();
        r = PlanBenchmark.run(settings, timing.runs, timing.warmup, i -> {
            err.printf(
                    Locale.ROOT,
                    "run %d/%d%s%n",
                    i,
                    timing.runs + timing.warmup,
                    i <= timing.warmup ? " (warm-up)" : "");
            err.flush();
        });
        var out = spec.commandLine().getOut();
        out.printf(
                Locale.ROOT,
                "plan %s:     %.1f ms median, %d resources (%s)%n",
                stack,
                r.planMillis(),
                r.resources(),
                BenchRunOptions.list(r.planRuns()));
        out.printf(
                Locale.ROOT,
                "one resource: %.1f ms median (%s)%n",
                r.baselineMillis(),
                BenchRunOptions.list(r.baselineRuns()));
        out.printf(
                Locale.ROOT,
                "%d empty:     %.1f ms median (%s)%n",
                r.resources(),
                r.sameCountMillis(),
                BenchRunOptions.list(r.sameCountRuns()));
        out.printf(
                Locale.ROOT,
                "ratio:        %.2f plan / one resource; goal <= %.1f: %s%n",
                r.ratio(),
                GOAL,
                Goals.verdict(r.ratio() <= GOAL));
        out.printf(
                Locale.ROOT,
                "              %.2f plan / %d empty resources (the program's own share)%n",
                r.sameCountRatio(),
                r.resources());
        out.flush();
        return ExitCodes.OK;
    }
}
