package dev.llmsafe.audit;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * Reads a log file as runs of whole lines into buffers its consumer lends: one loop for the line-by-line readers
 * (reports, imports, the one-pass verifier) and for {@link ParallelChainVerifier}, which hands each run to a worker
 * as it is. A buffer is filled, then cut after its last newline, and what follows is carried to the start of the
 * next; a buffer without a newline is carried whole into a larger one. A line without a newline that reaches
 * {@link #MAX_LINE} ends the reading and is given as it is, for the verifier to refuse as too large. Every buffer
 * keeps its last {@link #SLACK} bytes out of the runs.
 */
final class LineRuns {
    /** The buffer the line-by-line readers read into. */
    static final int CHUNK = 8 << 20;

    static final int MAX_LINE = 64 << 20;

    /**
     * Bytes at the end of every buffer that no run reaches. {@link CanonicalLexer} reads strings eight bytes at a
     * time while the array has eight more, so a scan of a run never takes its short path: C2 compiles a path that
     * profiling never saw as never taken, and the first batch end then threw the compiled scanner away
     * (a deoptimisation and recompilation in the middle of every large verify).
     */
    static final int SLACK = 8;

    /** Lends the buffers and receives the runs. */
    interface Sink {
        /**
         * A buffer of at least {@code minLength} bytes that no run given to {@link #accept} still uses; its last
         * {@link #SLACK} bytes are never filled.
         */
        byte[] buffer(int minLength);

        /**
         * {@code buf[0, length)} holds whole lines; the last lacks its newline only at the end of the file. Returns
         * false to stop the reading.
         */
        boolean accept(byte[] buf, int length);
    }

    private LineRuns() {}

    static void read(FileChannel ch, Sink sink) throws IOException {
        byte[] buf = sink.buffer(1 + SLACK);
        int filled = 0;
        while (true) {
            int room = buf.length - SLACK;
            int n = ch.read(ByteBuffer.wrap(buf, filled, room - filled));
            if (n < 0) {
                if (filled > 0) {
                    sink.accept(buf, filled);
                }
                return;
            }
            filled += n;
            if (filled < room) {
                continue; // a full buffer first: fewer, larger runs
            }
            int cut = lastNewline(buf, filled) + 1;
            if (cut == 0 && room >= MAX_LINE) {
                sink.accept(buf, filled);
                return;
            }
            // Room for the carry and at least one more byte: a buffer only the size of the carry reads nothing. A
            // line grows its buffer up to MAX_LINE exactly, so the cut above comes at MAX_LINE bytes, not below twice.
            byte[] next = sink.buffer((cut == 0 ? Math.min(room * 2, MAX_LINE) : filled - cut + 1) + SLACK);
            System.arraycopy(buf, cut, next, 0, filled - cut);
            if (cut > 0 && !sink.accept(buf, cut)) {
                return;
            }
            buf = next;
            filled -= cut;
        }
    }

    /** A sink that gives each line of the runs to {@code lines}, reading into two buffers in turn. */
    static Sink lines(LineSink lines) {
        return new Sink() {
            private byte[] lent;
            private byte[] spare;

            @Override
            public byte[] buffer(int minLength) {
                byte[] next = spare != null && spare.length >= minLength ? spare : new byte[Math.max(CHUNK, minLength)];
                spare = lent; // the buffer being read from until the run is given: free by the next call
                lent = next;
                return next;
            }

            @Override
            public boolean accept(byte[] buf, int length) {
                int start = 0;
                for (int i = nextNewline(buf, 0, length); i >= 0; i = nextNewline(buf, i + 1, length)) {
                    if (!lines.accept(buf, start, i - start, true)) {
                        return false;
                    }
                    start = i + 1;
                }
                return start == length || lines.accept(buf, start, length - start, false);
            }
        };
    }

    /** The index of the next '\n' in {@code buf[from, to)}, or -1; eight bytes at a time. */
    static int nextNewline(byte[] buf, int from, int to) {
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long x = (long) CanonicalLexer.LONGS.get(buf, i) ^ 0x0a0a0a0a0a0a0a0aL;
            long found = (x - CanonicalLexer.ONES) & ~x & CanonicalLexer.HIGH_BITS;
            if (found != 0) {
                return i + (Long.numberOfTrailingZeros(found) >>> 3);
            }
        }
        for (; i < to; i++) {
            if (buf[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static int lastNewline(byte[] buf, int filled) {
        for (int i = filled - 1; i >= 0; i--) {
            if (buf[i] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
