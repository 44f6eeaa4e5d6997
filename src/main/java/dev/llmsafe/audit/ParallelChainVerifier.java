package dev.llmsafe.audit;

import dev.llmsafe.identity.ActorClassifier;
import java.io.IOException;
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

    private static final long PROGRESS_NANOS = 5_000_000_000L;

    private final ChainVerifier judge;
    private final ExecutorService workers;
    private final int maxInFlight;
    private final Deque<Future<LineBatch>> inFlight = new ArrayDeque<>();
    private final Deque<LineBatch> spare = new ArrayDeque<>();
    /** Batches whose buffers {@link LineRuns} is filling, oldest first. */
    private final Deque<LineBatch> lent = new ArrayDeque<>();

    private final ThreadLocal<LineFacts.Tools> tools;
    private final LongConsumer progress;
    private LineBatch current;
    private long judged;
    private long lastProgress = System.nanoTime();
    private boolean stopped;

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
                local.readRuns(verifier.new Runs());
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

    /** Takes runs of whole lines read straight into lent batches: a worker splits and examines each as it is. */
    private final class Runs implements LineRuns.Sink {
        @Override
        public byte[] buffer(int minLength) {
            LineBatch batch = batch().capacity(minLength);
            lent.add(batch);
            return batch.data;
        }

        @Override
        public boolean accept(byte[] buf, int length) {
            LineBatch batch = lent.poll();
            while (batch.data != buf) {
                spare.add(batch); // lent before a line outgrew it, and never filled since
                batch = lent.poll();
            }
            batch.bytes = length;
            submit(batch);
            return !stopped;
        }
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
