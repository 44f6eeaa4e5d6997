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
 * in one JVM: what our program and settings cost on top of the SDK's own mock deployment. A third phase runs as
 * many empty resources as the plan has, so the SDK's own cost per resource (its mock runner polls every task in
 * flight) can be told from ours.
 */
public final class PlanBenchmark {

    /** Every timed run in milliseconds, their medians, and plan / baseline. */
    public record Result(int resources, List<Double> planRuns, List<Double> baselineRuns, List<Double> sameCountRuns) {
        public double planMillis() {
            return Timings.median(planRuns);
        }

        public double baselineMillis() {
            return Timings.median(baselineRuns);
        }

        public double sameCountMillis() {
            return Timings.median(sameCountRuns);
        }

        /** The benchmark's goal ratio: the plan against one resource. */
        public double ratio() {
            return planMillis() / baselineMillis();
        }

        /** The plan against as many empty resources: what our program adds to the SDK's cost per resource. */
        public double sameCountRatio() {
            return planMillis() / sameCountMillis();
        }
    }

    private PlanBenchmark() {}

    public static Result run(StackSettings settings, int runs, int warmup, IntConsumer progress) {
        int resources = OfflinePlanner.plan(settings).resources().size();
        int step = 0;
        for (int i = 0; i < warmup; i++) {
            progress.accept(++step);
            OfflinePlanner.plan(settings);
            emptyResources(1);
            emptyResources(resources);
        }
        List<Double> plan = new ArrayList<>();
        List<Double> base = new ArrayList<>();
        List<Double> same = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            progress.accept(++step);
            plan.add(Timings.millis(() -> OfflinePlanner.plan(settings)));
            base.add(Timings.millis(() -> emptyResources(1)));
            same.add(Timings.millis(() -> emptyResources(resources)));
        }
        return new Result(resources, plan, base, same);
    }

    /** Custom resources with no inputs: the SDK's own cost of a mock deployment of that many resources. */
    static void emptyResources(int count) {
        MockRun.run(
                "bench",
                "bench",
                "review",
                ctx -> {
                    for (int i = 0; i < count; i++) {
                        new CustomResource(
                                "bench:index:Thing", "thing-" + i, ResourceArgs.Empty, CustomResourceOptions.Empty) {};
                    }
                },
                List.of());
    }
}
