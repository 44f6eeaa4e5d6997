package dev.llmsafe.cli;

import dev.llmsafe.audit.AuditBenchmark;
import dev.llmsafe.bench.Goals;
import dev.llmsafe.bench.SelfCommand;
import dev.llmsafe.bench.StartupBenchmark;
import dev.llmsafe.bench.StartupBenchmark.Probe;
import dev.llmsafe.bench.StartupBenchmark.Timed;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code llmsafe bench audit}: audit log verification, as a process, against sha256sum and in-process SHA-256. */
@Command(
        name = "audit",
        mixinStandardHelpOptions = true,
        description = {
            "Measures audit log verification against sha256sum and raw SHA-256.",
            "",
            "Writes an audit log of N records, then times `llmsafe audit verify` of it as a whole process "
                    + "next to `sha256sum` of the same file (the median of the timed runs), and verification "
                    + "in this JVM next to raw SHA-256 over the same bytes. Goal: "
                    + "`audit verify` of a 1,000,000-record log at least 1.5 times the throughput of sha256sum "
                    + "(verify may use every core, sha256sum uses one); the default size finishes in about 10 "
                    + "seconds, so measure the goal with --records 1000000. A note follows the verdict when the runs "
                    + "of either process spread by more than a quarter of their median.",
            "",
            "Progress goes to stderr, results to stdout. Exit codes: 0 measured (whatever the numbers); 2 bad "
                    + "input, an I/O error, or a program to compare with that is missing or fails."
        })
public final class BenchAuditCommand implements Callable<Integer> {
    /** Records written unless --records says otherwise: a run of about 10 seconds on a 2-core machine. */
    static final String DEFAULT_RECORDS = "20000";

    static final double GOAL = 1.5;
    static final long GOAL_RECORDS = 1_000_000;

    @Spec
    CommandSpec spec;

    @Option(
            names = "--records",
            paramLabel = "N",
            defaultValue = DEFAULT_RECORDS,
            description = "Records to write (default: ${DEFAULT-VALUE}; the goal is set for 1000000).")
    long records;

    @Option(
            names = "--runs",
            paramLabel = "R",
            defaultValue = "3",
            description = "Timed runs of each process (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(
            names = "--sha256sum",
            paramLabel = "PROGRAM",
            defaultValue = "sha256sum",
            description = "The sha256sum to compare with: a name on PATH or a path (default: ${DEFAULT-VALUE}; "
                    + "gsha256sum on macOS with Homebrew's coreutils).")
    String sha256sum;

    @Option(
            names = "--dir",
            paramLabel = "DIR",
            description = "Where to write the log (default: a temporary directory, removed afterwards).")
    Path dir;

    @Option(names = "--keep", description = "Keep the log file after the run.")
    boolean keep;

    @Override
    public Integer call() throws IOException, StartupBenchmark.ProbeFailedException, InterruptedException {
        if (records < 1 || records > 100_000_000 || runs < 1 || runs > 100) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--records must be from 1 to 100000000 and --runs from " + "1 to 100, not " + records + " and "
                            + runs);
        }
        PrintWriter err = spec.commandLine().getErr();
        Optional<Path> hasher = SelfCommand.onPath(sha256sum);
        if (hasher.isEmpty()) {
            throw new BadInputException(
                    "--sha256sum " + sha256sum + ": no such program " + (sha256sum.contains("/") ? "" : "on PATH ")
                            + "to compare verify with; install GNU coreutils (apt-get install coreutils, "
                            + "brew install coreutils), or name the program with --sha256sum");
        }
        Path file = null;
        try {
            Path where = dir != null ? Files.createDirectories(dir) : Files.createTempDirectory("llmsafe-bench");
            file = where.resolve("bench-audit.jsonl");
            AuditBenchmark.Result r = AuditBenchmark.run(file, records, line -> progress(err, line));
            List<String> verify = SelfCommand.llmsafe("audit", "verify", "--log", file.toString());
            // The file was just written and read twice, and this JVM started from the same jar: nothing to warm.
            List<Timed> processes = StartupBenchmark.run(
                    List.of(
                            new Probe("audit verify", verify),
                            new Probe("sha256sum", List.of(hasher.get().toString(), file.toString()))),
                    where,
                    false,
                    runs,
                    line -> progress(err, line));
            print(r, processes.get(0), processes.get(1), verify.get(0));
            return ExitCodes.OK;
        } finally {
            remove(file, err);
        }
    }

    private void print(AuditBenchmark.Result r, Timed verify, Timed hash, String how) {
        PrintWriter out = spec.commandLine().getOut();
        double mb = r.bytes() / 1e6;
        out.printf(Locale.ROOT, "records:                         %,d (%.1f MB)%n", r.records(), mb);
        out.printf(
                Locale.ROOT,
                "write (bulk, 1 fsync):           %.2f s, %,.0f records/s%n",
                r.writeNanos() / 1e9,
                r.records() / (r.writeNanos() / 1e9));
        out.printf(
                Locale.ROOT,
                "audit verify, whole process:     %.2f s median, %.1f MB/s (%s; %s ms)%n",
                verify.millis() / 1e3,
                mb / (verify.millis() / 1e3),
                how,
                BenchRunOptions.list(verify.runs()));
        out.printf(
                Locale.ROOT,
                "sha256sum, whole process:        %.2f s median, %.1f MB/s (%s ms)%n",
                hash.millis() / 1e3,
                mb / (hash.millis() / 1e3),
                BenchRunOptions.list(hash.runs()));
        out.printf(
                Locale.ROOT,
                "in-process verify:               %.2f s, %.1f MB/s, %,.0f records/s (%s)%n",
                r.verifyNanos() / 1e9,
                r.verifyMBps(),
                r.records() / (r.verifyNanos() / 1e9),
                r.verify().intact()
                        ? "intact"
                        : "BROKEN: " + r.verify().failure().orElseThrow());
        out.printf(
                Locale.ROOT, "in-process raw SHA-256:          %.2f s, %.1f MB/s%n", r.hashNanos() / 1e9, r.hashMBps());
        out.printf(Locale.ROOT, "in-process verify / raw SHA-256: %.2f%n", r.ratio());
        out.println(goal(hash.millis() / verify.millis(), r.records()));
        Goals.uneven(StartupBenchmark.runsByLabel(List.of(verify, hash))).ifPresent(out::println);
        out.flush();
    }

    /** The goal's line: the process ratio, met or not, and whether this log is the size the goal is set for. */
    static String goal(double ratio, long records) {
        return String.format(
                Locale.ROOT,
                "goal: audit verify >= %.1f x sha256sum on a %,d-record log: %.2f x, %s%s",
                GOAL,
                GOAL_RECORDS,
                ratio,
                Goals.verdict(ratio >= GOAL),
                records == GOAL_RECORDS
                        ? ""
                        : String.format(
                                Locale.ROOT,
                                " (at %,d records, where startup weighs %s; measure the goal " + "with --records %d)",
                                records,
                                records < GOAL_RECORDS ? "more" : "less",
                                GOAL_RECORDS));
    }

    private static void progress(PrintWriter err, String line) {
        err.println(line);
        err.flush();
    }

    private void remove(Path file, PrintWriter err) {
        if (file == null || keep) {
            return;
        }
        try {
            Files.deleteIfExists(file);
            if (dir == null) {
                Files.deleteIfExists(file.getParent());
            }
        } catch (IOException e) {
            err.println("llmsafe bench audit: could not remove " + file + ": " + e.getMessage());
        }
    }
}
