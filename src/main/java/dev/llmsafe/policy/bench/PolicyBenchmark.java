package dev.llmsafe.policy.bench;

import dev.llmsafe.bench.Timings;
import dev.llmsafe.plan.PlanJson;
import dev.llmsafe.plan.PlanReadException;
import dev.llmsafe.plan.PlanReader;
import dev.llmsafe.policy.PlanView;
import dev.llmsafe.policy.PolicyEngine;
import dev.llmsafe.policy.PolicyFile;
import dev.llmsafe.policy.PolicyInput;
import dev.llmsafe.policy.PolicyReport;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * Times what {@code policy check --plan} does in two parts: reading the plan file (JSON to the model) and
 * evaluating every rule (indexing included). After warm-up, each phase runs on its own several times and
 * reports its median, so each pays for its own garbage collections and not for the other's.
 */
public final class PolicyBenchmark {
    private PolicyBenchmark() {}

    /** The plan's size, how many findings evaluation produced (a sanity check), and the runs in milliseconds. */
    public record Result(int resources, int bytes, int findings, List<Double> parseRuns, List<Double> evaluateRuns) {
        public double parseMillis() {
            return Timings.median(parseRuns);
        }

        public double evaluateMillis() {
            return Timings.median(evaluateRuns);
        }

        /** (parse + evaluate) / parse: the goal is at most 1.5. */
        public double ratio() {
            return (parseMillis() + evaluateMillis()) / parseMillis();
        }
    }

    public static Result run(int resources, int runs, int warmup, IntConsumer progress) throws PlanReadException {
        String json = PlanJson.write(SyntheticPlan.generate(resources, 42));
        PolicyEngine engine = PolicyEngine.withAllRules();
        PolicyFile policy = PolicyFile.defaults();
        int step = 0;
        for (int i = 0; i < warmup; i++) {
            evaluate(engine, policy, PlanReader.read(json, "bench"));
            progress.accept(++step);
        }
        List<Double> parse = new ArrayList<>();
        PlanReader.Result read = null;
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            read = PlanReader.read(json, "bench");
            parse.add((System.nanoTime() - t0) / 1e6);
            progress.accept(++step);
        }
        List<Double> evaluate = new ArrayList<>();
        int findings = 0;
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            PolicyReport report = evaluate(engine, policy, read);
            evaluate.add((System.nanoTime() - t0) / 1e6);
            findings = report.verdicts().stream()
                    .mapToInt(v -> v.findings().size())
                    .sum();
            progress.accept(++step);
        }
        return new Result(resources, json.length(), findings, parse, evaluate);
    }

    private static PolicyReport evaluate(PolicyEngine engine, PolicyFile policy, PlanReader.Result read) {
        return engine.evaluate(
                PolicyInput.builder(policy).plan(PlanView.of(read.plan())).build());
    }
}
