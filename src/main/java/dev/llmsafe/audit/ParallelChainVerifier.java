package dev.llmsafe.audit;

import dev.llmsafe.identity.ActorClassifier;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RunnableFuture;
import java.util.function.LongConsumer;

/**
 * The same verification as {@link ChainVerifier}, with the per-line work (canonical scan and SHA-256) spread over
 * the machine's cores. A local log is read straight into large batches of whole lines, which the workers split
 * and examine; other stores' lines are copied into batches. The batches are judged strictly in log order on the
 * reading thread, so every break is found and named exactly as in one pass.
 */
public final class ParallelChainVerifier implements LineSink, AutoCloseable {
    static final int BATCH_BYTES = 4 << 20;
    /** A line without a newline this long is judged as it is (a torn end), as {@link LocalFileStore} reads it. */
    static final int MAX_LINE = LocalFileStore.MAX_LINE;

    private static final long PROGRESS_NANOS = 5_000_000_000L;

    private final ChainVerifier judge;
    private final ExecutorService workers;
    private final int maxInFlight;
    private final Deque<Future<LineBatch>> inFlight = new ArrayDeque<>();
    private final Deque<LineBatch> spare = new ArrayDeque<>();
    private final ThreadLocal<LineFacts.Tools> tools;
    private final LongConsumer progress;
    private LineBatch current;
    private long judged;
    private long lastProgress = System.nanoTime();
    private boolean stopped;

    public ParallelChainVerifier(List<Checkpoint> checkpoints, int threads) {
        this(checkpoints, RecordMeaning.DEFAULT_CLASSIFIER, threads, records -> {});
    }

    /** Calls {@code progress} with the records judged so far every few seconds, on the reading thread. */
    public ParallelChainVerifier(
            List<Checkpoint> checkpoints, ActorClassifier classifier, int threads, LongConsumer progress) {
        this.judge = new ChainVerifier(checkpoints, classifier);
        this.tools = ThreadLocal.withInitial(() -> LineFacts.Tools.fresh(classifier));
        this.progress = progress;
        this.workers = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "audit-verify");
            t.setDaemon(true);
            return t;
        });
        this.maxInFlight = threads * 2;
    }

    /** Verifies a store's whole log with one worker per core. */
    public static VerifyResult verify(RecordStore store, List<Checkpoint> checkpoints, ActorClassifier classifier)
            throws IOException {
        return verify(store, checkpoints, classifier, records -> {});
    }

    /** As {@link #verify(RecordStore, List, ActorClassifier)}, reporting progress as the constructor says. */
    public static VerifyResult verify(
            RecordStore store, List<Checkpoint> checkpoints, ActorClassifier classifier, LongConsumer progress)
            throws IOException {
        try (var verifier = new ParallelChainVerifier(
                checkpoints, classifier, Runtime.getRuntime().availableProcessors(), progress)) {
            if (store instanceof LocalFileStore local) {
                local.readLocked(verifier::readBatches);
            } else {
                store.read(verifier);
            }
            return verifier.finish();
        }
    }

    @Override
    public boolean accept(byte[] buf, int off, int len, boolean terminated) {
        if (stopped) {
            return false;
        }
        if (current == null) {
            current = batch();
        }
        current.add(buf, off, len, terminated);
        if (current.bytes >= BATCH_BYTES || !terminated) {
            submit(current);
            current = null;
        }
        return !stopped;
    }

    /**
     * Reads the channel into batches of whole lines: each batch is filled, cut after its last newline, and what
     * follows is carried to the start of the next. Only a line longer than a batch makes the buffer grow.
     */
    void readBatches(FileChannel ch) throws IOException {
        LineBatch batch = batch();
        int filled = 0;
        while (!stopped) {
            int n = ch.read(ByteBuffer.wrap(batch.data, filled, batch.data.length - filled));
            if (n < 0) {
                if (filled > 0) {
                    batch.bytes = filled;
                    submit(batch);
                }
                return;
            }
            filled += n;
            if (filled < batch.data.length) {
                continue; // a full buffer first: fewer, larger batches
            }
            int cut = lastNewline(batch, filled) + 1;
            if (cut == 0 && batch.data.length >= MAX_LINE) {
                batch.bytes = filled; // judged as a line without a newline, and reading ends
                submit(batch);
                return;
            }
            if (cut == 0) {
                batch.grow();
                continue;
            }
            LineBatch next = batch();
            while (next.data.length < filled - cut) {
                next.grow();
            }
            System.arraycopy(batch.data, cut, next.data, 0, filled - cut);
            batch.bytes = cut;
            submit(batch);
            batch = next;
            filled -= cut;
        }
    }

    private static int lastNewline(LineBatch batch, int filled) {
        for (int i = filled - 1; i >= 0; i--) {
            if (batch.data[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** Judges what is left and returns the verdict. */
    public VerifyResult finish() {
        if (current != null) {
            submit(current);
            current = null;
        }
        while (!stopped && !inFlight.isEmpty()) {
            judgeOldest();
        }
        return judge.finish();
    }

    private LineBatch batch() {
        LineBatch reused = spare.poll();
        return reused != null ? reused.clear() : new LineBatch(BATCH_BYTES);
    }

    private void submit(LineBatch batch) {
        if (stopped || (batch.bytes == 0 && batch.count == 0)) {
            return;
        }
        inFlight.add(workers.submit(() -> batch.examine(tools.get())));
        while (!stopped && inFlight.size() >= maxInFlight) {
            judgeOldest();
        }
    }

    private void judgeOldest() {
        LineBatch batch;
        Future<LineBatch> oldest = inFlight.poll();
        if (oldest instanceof RunnableFuture<LineBatch> task) {
            task.run(); // examine it here if no worker has started it: the reading thread helps instead of waiting
        }
        try {
            batch = oldest.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("verification was interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a verification worker failed: " + e.getCause(), e.getCause());
        }
        for (int i = 0; i < batch.count; i++) {
            if (!judge.judge(batch.facts[i], batch.data, batch.offsets[i], batch.lengths[i], batch.terminated[i])) {
                stopped = true;
                inFlight.forEach(f -> f.cancel(true));
                inFlight.clear();
                return;
            }
        }
        judged += batch.count;
        spare.add(batch);
        if (System.nanoTime() - lastProgress > PROGRESS_NANOS) {
            lastProgress = System.nanoTime();
            progress.accept(judged);
        }
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }
}
