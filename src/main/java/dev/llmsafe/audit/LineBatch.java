package dev.llmsafe.audit;

import java.util.Arrays;

/**
 * A run of log lines in one buffer, and what a worker found in each. The lines are either added one by one, each
 * copied in with its end known ({@link #add}), or read straight into {@link #data} as whole lines, which the worker
 * splits as it examines them. {@link ParallelChainVerifier} reuses a batch once it is judged, so verifying a log
 * allocates a few batches, not memory per line.
 */
final class LineBatch {
    byte[] data;
    /** {@code data[0, bytes)} holds the lines. */
    int bytes;
    /** Whether the lines were added one by one (their table is filled), or still need splitting. */
    private boolean added;

    int count;
    int[] offsets = new int[4096];
    int[] lengths = new int[4096];
    boolean[] terminated = new boolean[4096];
    LineFacts[] facts = new LineFacts[4096];

    LineBatch(int capacity) {
        data = new byte[capacity];
    }

    /** Empties the batch for reuse. */
    LineBatch clear() {
        bytes = 0;
        count = 0;
        added = false;
        return this;
    }

    /** Copies one line in, with its end known. */
    void add(byte[] buf, int off, int len, boolean ended) {
        added = true;
        if (bytes + len > data.length) {
            data = Arrays.copyOf(data, Math.max(data.length * 2, bytes + len));
        }
        System.arraycopy(buf, off, data, bytes, len);
        line(bytes, len, ended);
        bytes += len;
    }

    /** Makes the empty batch's buffer at least {@code length} bytes: a line longer than a batch is being read. */
    LineBatch capacity(int length) {
        if (data.length < length) {
            data = new byte[length];
        }
        return this;
    }

    /**
     * Examines every line with this thread's {@code tools}, and checks each line's prev against the line before it in
     * the batch. Lines read straight into the buffer are split here: each ends at a newline, and whatever follows the
     * last newline is a line without one (a torn end of the log).
     */
    LineBatch examine(LineFacts.Tools tools) {
        if (added) {
            for (int i = 0; i < count; i++) {
                facts[i].examine(tools, data, offsets[i], lengths[i]);
                if (i > 0) {
                    facts[i].checkLink(data, facts[i - 1]);
                }
            }
            return this;
        }
        int start = 0;
        while (start < bytes) {
            LineFacts line = line(start, 0, true);
            int len = line.examineLine(tools, data, start, bytes);
            if (len < 0) {
                int newline = LineRuns.nextNewline(data, start, bytes);
                terminated[count - 1] = newline >= 0;
                len = (newline >= 0 ? newline : bytes) - start;
                line.examine(tools, data, start, len);
            }
            lengths[count - 1] = len;
            if (count > 1) {
                line.checkLink(data, facts[count - 2]);
            }
            start += len + 1;
        }
        return this;
    }

    private LineFacts line(int off, int len, boolean ended) {
        if (count == offsets.length) {
            offsets = Arrays.copyOf(offsets, count * 2);
            lengths = Arrays.copyOf(lengths, count * 2);
            terminated = Arrays.copyOf(terminated, count * 2);
            facts = Arrays.copyOf(facts, count * 2);
        }
        offsets[count] = off;
        lengths[count] = len;
        terminated[count] = ended;
        if (facts[count] == null) {
            facts[count] = new LineFacts();
        }
        return facts[count++];
    }
}
