package dev.llmsafe.audit;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Where the log lives: appends are serialised by the store, reads return the stored lines in order. */
public interface RecordStore {
    /**
     * Places the draft after the current head (next seq, prev = head hash, time = now) and stores it durably
     * without ever overwriting a record.
     *
     * @throws IOException when the store cannot be read or written, or its tail is torn or invalid
     */
    AuditRecord append(RecordDraft draft) throws IOException;

    /** Feeds every stored line to the sink, in order, until the sink returns false. */
    void read(LineSink sink) throws IOException;

    /** Where the log is, for messages: a path or {@code gs://bucket/records/}. */
    String describe();

    /**
     * Why the store holds no log (no file, its folder missing, an empty file, a bucket without records), or null
     * when it holds at least one line: a store without a log is never taken for an intact, empty one.
     */
    String absence() throws IOException;

    /**
     * The last record, read without verifying the chain ({@code 0:000...} when the store holds no log).
     *
     * @throws IOException when the last line is torn or no record, as append would find it
     */
    LogHead head() throws IOException;

    /** Verifies the whole chain against the given checkpoints, examining lines on every core. */
    default VerifyResult verify(List<Checkpoint> checkpoints) throws IOException {
        return verify(checkpoints, RecordMeaning.DEFAULT_CLASSIFIER);
    }

    /** As {@link #verify(List)}, judging actors with the classifier configured with the project's AI identities. */
    default VerifyResult verify(List<Checkpoint> checkpoints, dev.llmsafe.identity.ActorClassifier classifier)
            throws IOException {
        return ParallelChainVerifier.verify(this, checkpoints, classifier);
    }

    /** Every record, parsed; for reports and imports (verify first: this does not check the chain). */
    default List<AuditRecord> records() throws IOException {
        return records(Long.MAX_VALUE);
    }

    /** The first {@code limit} records, parsed (for a broken log: the ones verified before the break). */
    default List<AuditRecord> records(long limit) throws IOException {
        List<AuditRecord> out = new ArrayList<>();
        IOException[] error = new IOException[1];
        read((buf, off, len, terminated) -> {
            if (!terminated || out.size() >= limit) {
                return false; // a torn tail is no record; verify reports it
            }
            try {
                out.add(RecordCodec.parse(new String(buf, off, len, java.nio.charset.StandardCharsets.UTF_8)));
                return true;
            } catch (IOException e) {
                error[0] = new IOException(
                        "record " + (out.size() + 1) + " of " + describe() + " cannot be read: " + e.getMessage(), e);
                return false;
            }
        });
        if (error[0] != null) {
            throw error[0];
        }
        return out;
    }
}
