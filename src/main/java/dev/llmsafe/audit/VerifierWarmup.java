package dev.llmsafe.audit;

import java.util.List;

/**
 * Gets verification's hot code compiled while the command line starts. A whole {@code llmsafe audit verify} process
 * otherwise spends its first half second of verifying in the interpreter and in C1's profiling code, several times
 * slower than the optimised code that follows, and SHA-256 runs without its CPU instructions until C2 compiles it.
 * The command line's start-up runs on one thread, so a second core is idle then: this thread examines and judges a
 * small generated log over and over on it, until the real verification begins or {@link #MAX_NANOS} pass.
 *
 * <p>It shares nothing with the real verification but the compiled code: its own batch, tools and judge, so it
 * cannot change a verdict.
 */
public final class VerifierWarmup {
    /** Records in the generated log: varied enough to profile every kind of record the stores write. */
    static final int RECORDS = 280;

    static final long MAX_NANOS = 1_500_000_000L;

    private static volatile boolean stopped;
    private static volatile long rounds;

    private VerifierWarmup() {}

    /** Whether the command line {@code args} verifies a log: then warming up pays. */
    public static boolean wanted(String[] args) {
        return args.length >= 2 && args[0].equals("audit") && args[1].equals("verify");
    }

    /** Starts warming up on a daemon thread, which never delays the process's exit, and returns the thread. */
    public static Thread start() {
        stopped = false;
        rounds = 0;
        Thread warmup = new Thread(VerifierWarmup::run, "audit-verify-warmup");
        warmup.setDaemon(true);
        warmup.start();
        return warmup;
    }

    /** Ends the warm-up: the real verification has work for every core now. */
    static void stop() {
        stopped = true;
    }

    /** How many times the generated log was verified (for tests). */
    static long rounds() {
        return rounds;
    }

    private static void run() {
        long start = System.nanoTime();
        LineBatch batch = new LineBatch(RECORDS * 1024);
        AuditBenchmark.chain(RECORDS, (seq, line) -> {
            System.arraycopy(line, 0, batch.data, batch.bytes, line.length);
            batch.data[batch.bytes + line.length] = '\n';
            batch.bytes += line.length + 1;
        });
        int bytes = batch.bytes;
        LineFacts.Tools tools = LineFacts.Tools.fresh(RecordMeaning.DEFAULT_CLASSIFIER);
        while (!stopped && System.nanoTime() - start < MAX_NANOS) {
            batch.clear().bytes = bytes;
            batch.examine(tools);
            ChainVerifier judge = new ChainVerifier(List.of());
            for (int i = 0; i < batch.count; i++) {
                if (!judge.judge(batch.facts[i], batch.data, batch.offsets[i], batch.lengths[i], true)) {
                    throw new IllegalStateException("the generated log does not verify: " + judge.finish());
                }
            }
            rounds++;
        }
    }
}
