package dev.llmsafe.audit;

import dev.llmsafe.identity.ActorClassifier;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RunnableFuture;

/**
 * The same verification as {@link ChainVerifier}, with the per-line work (canonical scan and SHA-256) spread over
 * the machine's cores. Lines are copied into batches; each batch is examined on a worker, and the batches are
 * judged strictly in log order on the reading thread, so every break is found and named exactly as in one pass.
 */
public final class ParallelChainVerifier implements LineSink, AutoCloseable {
    static final int BATCH_BYTES = 1 << 20;

    private final ChainVerifier judge;
    private final ExecutorService workers;
    private final int maxInFlight;
    private final Deque<Future<Batch>> inFlight = new ArrayDeque<>();
    private final ThreadLocal<LineFacts.Tools> tools;
    private Batch current = new Batch();
    private boolean stopped;

    public ParallelChainVerifier(List<Checkpoint> checkpoints, int threads) {
        this(checkpoints, RecordMeaning.DEFAULT_CLASSIFIER, threads);
    }

    public ParallelChainVerifier(List<Checkpoint> checkpoints, ActorClassifier classifier, int threads) {
        this.judge = new ChainVerifier(checkpoints, classifier);
        this.tools = ThreadLocal.withInitial(() -> LineFacts.Tools.fresh(classifier));
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
        try (var verifier = new ParallelChainVerifier(
                checkpoints, classifier, Runtime.getRuntime().availableProcessors())) {
            store.read(verifier);
            return verifier.finish();
        }
    }

    @Override
    public boolean accept(byte[] buf, int off, int len, boolean terminated) {
        if (stopped) {
            return false;
        }
        current.add(buf, off, len, terminated);
        if (current.bytes >= BATCH_BYTES || !terminated) {
            submit();
        }
        while (!stopped && inFlight.size() >= maxInFlight) {
            judgeOldest();
        }
        return !stopped;
    }

    /** Judges what is left and returns the verdict. */
    public VerifyResult finish() {
        submit();
        while (!stopped && !inFlight.isEmpty()) {
            judgeOldest();
        }
        return judge.finish();
    }

    private void submit() {
        if (current.count == 0) {
            return;
        }
        Batch batch = current;
        current = new Batch();
        inFlight.add(workers.submit(() -> batch.examine(tools.get())));
    }

    private void judgeOldest() {
        Batch batch;
        Future<Batch> oldest = inFlight.poll();
        if (oldest instanceof RunnableFuture<Batch> task) {
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
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }

    /** Lines copied out of the reader's buffer, with what a worker found in each. */
    private static final class Batch {
        byte[] data = new byte[BATCH_BYTES + 4096];
        int[] offsets = new int[4096];
        int[] lengths = new int[4096];
        boolean[] terminated = new boolean[4096];
        LineFacts[] facts = new LineFacts[0];
        int count;
        int bytes;

        void add(byte[] buf, int off, int len, boolean ended) {
            if (bytes + len > data.length) {
                data = Arrays.copyOf(data, Math.max(data.length * 2, bytes + len));
            }
            if (count == offsets.length) {
                offsets = Arrays.copyOf(offsets, count * 2);
                lengths = Arrays.copyOf(lengths, count * 2);
                terminated = Arrays.copyOf(terminated, count * 2);
            }
            System.arraycopy(buf, off, data, bytes, len);
            offsets[count] = bytes;
            lengths[count] = len;
            terminated[count] = ended;
            bytes += len;
            count++;
        }

        Batch examine(LineFacts.Tools tools) {
            facts = new LineFacts[count];
            for (int i = 0; i < count; i++) {
                facts[i] = new LineFacts().examine(tools, data, offsets[i], lengths[i]);
            }
            return this;
        }
    }
}
