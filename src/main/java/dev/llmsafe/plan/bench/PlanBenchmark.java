package dev.llmsafe.plan.bench;

import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.ResourceArgs;
import dev.llmsafe.bench.Timings;
import dev.llmsafe.plan.MockRun;
import dev.llmsafe.plan.OfflinePlanner;
import dev.llmsafe.stack.StackSettings;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * The offline plan of a stack against the smallest Pulumi Java program, a single resource under the same mocks,
 * in one JVM: what our program and settings cost on top of the SDK's own mock deployment.
 */
public final class PlanBenchmark {

    /** The medians in milliseconds, every timed run, and plan / baseline. */
    public record Result(int resources, double planMillis, double baselineMillis, List<Double> planRuns,
                         List<Double> baselineRuns) {
        public double ratio() {
            return planMillis / baselineMillis;
        }
    }

    private PlanBenchmark() {
    }

    public static Result run(StackSettings settings, int runs, int warmup, IntConsumer progress) {
        int resources = OfflinePlanner.plan(settings).resources().size();
        int step = 0;
        for (int i = 0; i < warmup; i++) {
            progress.accept(++step);
            OfflinePlanner.plan(settings);
            baseline();
        }
        List<Double> plan = new ArrayList<>();
        List<Double> base = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            progress.accept(++step);
            plan.add(Timings.millis(() -> OfflinePlanner.plan(settings)));
            base.add(Timings.millis(PlanBenchmark::baseline));
        }
        return new Result(resources, Timings.median(plan), Timings.median(base), plan, base);
    }

    /** One custom resource with no inputs: the SDK's fixed cost of a mock deployment. */
    private static void baseline() {
        MockRun.run("bench", "bench", "review", ctx -> new CustomResource("bench:index:Thing", "thing",
                ResourceArgs.Empty, CustomResourceOptions.Empty) {
        }, List.of());
    }
}
