package dev.llmsafe.cli;

import dev.llmsafe.audit.AuditBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code llmsafe bench audit}: audit log verification throughput against raw SHA-256. */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = {
                "Measures audit log verification against raw SHA-256.",
                "",
                "Writes an audit log of N records, then prints how fast `audit verify` checks it next to the raw "
                        + "SHA-256 throughput over the same bytes in the same run. Goal: verify reaches at least "
                        + "half the raw hashing throughput.",
                "",
                "Exit codes: 0 measured (whatever the numbers); 2 bad input or I/O error."})
public final class BenchAuditCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--records", paramLabel = "N", defaultValue = "1000000",
            description = "Records to write (default: ${DEFAULT-VALUE}).")
    long records;

    @Option(names = "--dir", paramLabel = "DIR",
            description = "Where to write the log (default: a temporary directory, removed afterwards).")
    Path dir;

    @Option(names = "--keep", description = "Keep the log file after the run.")
    boolean keep;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (records < 1 || records > 100_000_000) {
            err.println("llmsafe bench audit: --records " + records + " must be from 1 to 100000000");
            return ExitCodes.BAD_INPUT;
        }
        Path file = null;
        try {
            Path where = dir != null ? Files.createDirectories(dir) : Files.createTempDirectory("llmsafe-bench");
            file = where.resolve("bench-audit.jsonl");
            AuditBenchmark.Result r = AuditBenchmark.run(file, records, line -> {
                err.println(line);
                err.flush();
            });
            PrintWriter out = spec.commandLine().getOut();
            out.printf("records:              %,d (%.1f MB)%n", r.records(), r.bytes() / 1e6);
            out.printf("write (bulk, 1 fsync): %.2f s, %,.0f records/s%n", r.writeNanos() / 1e9,
                    r.records() / (r.writeNanos() / 1e9));
            out.printf("verify:               %.2f s, %.1f MB/s, %,.0f records/s (%s)%n", r.verifyNanos() / 1e9,
                    r.verifyMBps(), r.records() / (r.verifyNanos() / 1e9),
                    r.verify().intact() ? "intact" : "BROKEN: " + r.verify().failure().orElseThrow());
            out.printf("raw SHA-256:          %.2f s, %.1f MB/s%n", r.hashNanos() / 1e9, r.hashMBps());
            out.printf("verify / raw SHA-256: %.2f (goal: at least 0.50)%n", r.ratio());
            out.flush();
            return ExitCodes.OK;
        } catch (IOException e) {
            err.println("llmsafe bench audit: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        } finally {
            if (file != null && !keep) {
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
    }
}
