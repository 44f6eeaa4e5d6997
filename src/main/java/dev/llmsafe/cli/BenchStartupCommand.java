package dev.llmsafe.cli;

import dev.llmsafe.bench.Goals;
import dev.llmsafe.bench.SelfCommand;
import dev.llmsafe.bench.StartupBenchmark;
import dev.llmsafe.bench.StartupBenchmark.Probe;
import dev.llmsafe.bench.StartupBenchmark.Timed;
import dev.llmsafe.plan.bench.OneResourceProgram;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code llmsafe bench startup}: whole commands, start to exit, next to the JVM and a one-resource program. */
@Command(
        name = "startup",
        mixinStandardHelpOptions = true,
        description = {
            "Times whole commands, start to exit, next to a one-resource program.",
            "",
            "Times `llmsafe --help`, `llmsafe policy rules` and `llmsafe plan --stack pr-42` through the "
                    + "launcher (target/bin/llmsafe), the plan through `java -jar` as well, next to "
                    + "`java -version` and the smallest Pulumi Java program (one resource under the same "
                    + "mocks). Prints each median and its ratio to that program. Goal: the plan through the "
                    + "launcher at most 1.5 times the one-resource program. A note follows the verdict when the "
                    + "runs of any command spread by more than a quarter of their median.",
            "",
            "Progress goes to stderr, results to stdout."
        })
public final class BenchStartupCommand implements Callable<Integer> {
    static final double GOAL = 1.5;
    private static final String BASELINE = "one-resource program";
    private static final String PLAN = "llmsafe plan --stack pr-42";

    @Spec
    CommandSpec spec;

    @Option(
            names = "--runs",
            paramLabel = "R",
            defaultValue = "5",
            description = "Timed runs of each command (default: ${DEFAULT-VALUE}); one untimed run comes first.")
    int runs;

    @Option(
            names = "--project-dir",
            paramLabel = "DIR",
            defaultValue = ".",
            description =
                    "The folder holding Pulumi.yaml and the stack config files (default: the current " + "folder).")
    Path projectDir;

    @Override
    public Integer call() throws Exception {
        if (runs < 1 || runs > 100) {
            throw new ParameterException(spec.commandLine(), "--runs must be 1-100, not " + runs);
        }
        var err = spec.commandLine().getErr();
        Path jar = SelfCommand.jar().orElse(null);
        Path launcher = SelfCommand.launcher().orElse(null);
        if (launcher == null) {
            throw new BadInputException("no launcher beside the jar ("
                    + (jar == null
                            ? "not run from a jar"
                            : jar.resolveSibling("bin").resolve("llmsafe")) + "); build it with ./mvnw package and run "
                    + "target/bin/llmsafe bench startup");
        }
        String java = SelfCommand.java();
        String classPath = jar + File.pathSeparator + jar.resolveSibling("lib").resolve("*");
        List<Probe> probes = List.of(
                new Probe("java -version", List.of(java, "-version")),
                new Probe(BASELINE, List.of(java, "-cp", classPath, OneResourceProgram.class.getName())),
                new Probe("llmsafe --help", List.of(launcher.toString(), "--help")),
                new Probe("llmsafe policy rules", List.of(launcher.toString(), "policy", "rules")),
                new Probe(PLAN, List.of(launcher.toString(), "plan", "--stack", "pr-42")),
                new Probe(
                        "java -jar llm-safe.jar plan --stack pr-42",
                        List.of(java, "-jar", jar.toString(), "plan", "--stack", "pr-42")));
        List<Timed> timed = StartupBenchmark.run(probes, projectDir, runs, line -> {
            err.println(line);
            err.flush();
        });
        double baseline = median(timed, BASELINE);
        var out = spec.commandLine().getOut();
        for (Timed t : timed) {
            out.printf(
                    Locale.ROOT,
                    "%-42s %7.0f ms median  %5.2f x one resource  (%s)%n",
                    t.probe().label(),
                    t.millis(),
                    t.millis() / baseline,
                    BenchRunOptions.list(t.runs()));
        }
        double ratio = median(timed, PLAN) / baseline;
        out.printf(
                Locale.ROOT,
                "goal: plan through the launcher <= %.1f x one resource: %.2f, %s%n",
                GOAL,
                ratio,
                Goals.verdict(ratio <= GOAL));
        Goals.uneven(StartupBenchmark.runsByLabel(timed)).ifPresent(out::println);
        out.flush();
        return ExitCodes.OK;
    }

    private static double median(List<Timed> timed, String label) {
        return timed.stream()
                .filter(t -> t.probe().label().equals(label))
                .findFirst()
                .orElseThrow()
                .millis();
    }
}
