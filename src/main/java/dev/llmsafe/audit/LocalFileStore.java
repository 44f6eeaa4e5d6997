package dev.llmsafe.audit;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The embedded store: a JSON Lines file. An append takes an exclusive lock on the file (other processes),
 * reads the head, writes the whole line at the end, and forces it to disk before returning. A crash can
 * leave only a torn last line, which {@link ChainVerifier} reports and which is never dropped or repaired:
 * no record is appended after it.
 */
public final class LocalFileStore implements RecordStore {
    /** OS file locks belong to the whole JVM, so threads of one JVM queue here first. */
    private static final ConcurrentHashMap<Path, ReentrantLock> JVM_LOCKS = new ConcurrentHashMap<>();

    private static final int CHUNK = 8 << 20;
    /** A line without a newline this long ends the reading: it is judged as it is, as a torn end. */
    static final int MAX_LINE = 64 << 20;

    private final Path file;
    private final Clock clock;

    public LocalFileStore(Path file, Clock clock) {
        this.file = file.toAbsolutePath().normalize();
        this.clock = clock;
    }

    public LocalFileStore(Path file) {
        this(file, Clock.systemUTC());
    }

    public Path file() {
        return file;
    }

    @Override
    public String describe() {
        return file.toString();
    }

    @Override
    public String absence() throws IOException {
        if (Files.exists(file)) {
            return Files.size(file) == 0 ? "the file is empty" : null;
        }
        Path folder = file.getParent();
        return folder != null && !Files.isDirectory(folder)
                ? "the folder " + folder + " does not exist"
                : "there is no such file";
    }

    @Override
    public LogHead head() throws IOException {
        if (!Files.exists(file)) {
            return LogHead.EMPTY;
        }
        ReentrantLock jvmLock = JVM_LOCKS.computeIfAbsent(file, f -> new ReentrantLock());
        jvmLock.lock();
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
                FileLock ignored = ch.lock(0, Long.MAX_VALUE, true)) {
            return head(ch);
        } finally {
            jvmLock.unlock();
        }
    }

    @Override
    public AuditRecord append(RecordDraft draft) throws IOException {
        ReentrantLock jvmLock = JVM_LOCKS.computeIfAbsent(file, f -> new ReentrantLock());
        jvmLock.lock();
        try {
            boolean created = !Files.exists(file);
            if (created && file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            try (FileChannel ch = FileChannel.open(
                            file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
                    FileLock ignored = ch.lock()) {
                LogHead head = head(ch);
                RecordCodec.Sealed sealed = RecordCodec.seal(draft, head.seq() + 1, head.hash(), clock.instant());
                byte[] line = Arrays.copyOf(sealed.line(), sealed.line().length + 1);
                line[line.length - 1] = '\n';
                ByteBuffer buf = ByteBuffer.wrap(line);
                long at = ch.size();
                while (buf.hasRemaining()) {
                    at += ch.write(buf, at);
                }
                ch.force(true);
                if (created) {
                    syncDirectory();
                }
                return sealed.record();
            }
        } finally {
            jvmLock.unlock();
        }
    }

    /** Makes the new file's directory entry durable too (Linux allows fsync on a directory). */
    private void syncDirectory() {
        Path dir = file.getParent();
        if (dir == null) {
            return;
        }
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Platforms without directory fsync: the file's own data is already forced.
        }
    }

    private LogHead head(FileChannel ch) throws IOException {
        long size = ch.size();
        if (size == 0) {
            return LogHead.EMPTY;
        }
        ByteBuffer last = ByteBuffer.allocate(1);
        ch.read(last, size - 1);
        if (last.get(0) != '\n') {
            throw new IOException(describe() + " ends in a torn line (an append was interrupted); nothing is "
                    + "appended after it. Run `llmsafe audit verify` and see docs/auditor-guide.md, "
                    + "\"A torn last line\"");
        }
        int window = (int) Math.min(size, RecordLimits.MAX_RECORD_BYTES + 2L);
        ByteBuffer tail = ByteBuffer.allocate(window);
        long from = size - window;
        while (tail.hasRemaining()) {
            if (ch.read(tail, from + tail.position()) < 0) {
                throw new IOException(describe() + " shrank while it was locked");
            }
        }
        byte[] bytes = tail.array();
        int end = window - 1; // the final newline
        int start = end;
        while (start > 0 && bytes[start - 1] != '\n') {
            start--;
        }
        if (start == 0 && from > 0) {
            throw new IOException("the last line of " + describe() + " is longer than any record can be");
        }
        return LogHead.of(bytes, start, end - start, describe());
    }

    @Override
    public void read(LineSink sink) throws IOException {
        readLocked(ch -> readLines(ch, sink));
    }

    /** What reads the whole file while it is locked against appends. */
    @FunctionalInterface
    interface ChannelReader {
        void read(FileChannel ch) throws IOException;
    }

    /**
     * Gives the file to {@code reader} under a shared lock, so no append lands while it reads: for verification,
     * which reads it in large runs of lines ({@link ParallelChainVerifier}) instead of line by line.
     */
    void readLocked(ChannelReader reader) throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        ReentrantLock jvmLock = JVM_LOCKS.computeIfAbsent(file, f -> new ReentrantLock());
        jvmLock.lock();
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
                FileLock ignored = ch.lock(0, Long.MAX_VALUE, true)) {
            reader.read(ch);
        } finally {
            jvmLock.unlock();
        }
    }

    private static final java.lang.invoke.VarHandle LONGS =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);

    /** The index of the next '\n' in {@code buf[from, to)}, or -1; eight bytes at a time. */
    static int nextNewline(byte[] buf, int from, int to) {
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long x = (long) LONGS.get(buf, i) ^ 0x0a0a0a0a0a0a0a0aL;
            long found = (x - 0x0101010101010101L) & ~x & 0x8080808080808080L;
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

    /** Splits the channel's bytes into lines without copying each line. */
    static void readLines(FileChannel ch, LineSink sink) throws IOException {
        byte[] buf = new byte[CHUNK];
        int filled = 0;
        int scanFrom = 0; // bytes before this were searched for a newline already
        while (true) {
            int n = ch.read(ByteBuffer.wrap(buf, filled, buf.length - filled));
            if (n < 0) {
                if (filled > 0) {
                    sink.accept(buf, 0, filled, false);
                }
                return;
            }
            filled += n;
            int start = 0;
            for (int i = nextNewline(buf, scanFrom, filled); i >= 0; i = nextNewline(buf, i + 1, filled)) {
                if (!sink.accept(buf, start, i - start, true)) {
                    return;
                }
                start = i + 1;
            }
            System.arraycopy(buf, start, buf, 0, filled - start);
            filled -= start;
            scanFrom = filled;
            if (filled == buf.length) {
                if (buf.length >= MAX_LINE) {
                    sink.accept(buf, 0, filled, false);
                    return;
                }
                buf = Arrays.copyOf(buf, buf.length * 2);
            }
        }
    }
}
