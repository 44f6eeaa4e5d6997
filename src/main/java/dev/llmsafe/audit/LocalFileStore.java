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
        readRuns(LineRuns.lines(sink));
    }

    /**
     * Reads the file as runs of whole lines ({@link LineRuns}) under a shared lock, so no append lands meanwhile:
     * {@link ParallelChainVerifier} takes the runs as they are instead of line by line.
     */
    void readRuns(LineRuns.Sink sink) throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        ReentrantLock jvmLock = JVM_LOCKS.computeIfAbsent(file, f -> new ReentrantLock());
        jvmLock.lock();
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
                FileLock ignored = ch.lock(0, Long.MAX_VALUE, true)) {
            LineRuns.read(ch, sink);
        } finally {
            jvmLock.unlock();
        }
    }
}
