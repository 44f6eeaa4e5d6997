package dev.llmsafe.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where checkpoints are published, apart from the log: one entry per checkpoint, named by its zero-padded seq
 * and holding {@code SEQ:HASH}. Entries are only ever added: publishing the same checkpoint again changes
 * nothing, and one that disagrees with an entry already there is refused. Kept where the log's writer cannot
 * rewrite it (a bucket with a locked retention policy), it turns a log rewritten with recomputed hashes into a
 * {@code checkpoint mismatch}.
 */
public interface CheckpointStore {
    Pattern NAME = Pattern.compile("([0-9]{12})\\.checkpoint");

    /** Adds the checkpoint; throws IOException when the store holds another one for its seq, or cannot be written. */
    void publish(Checkpoint checkpoint) throws IOException;

    /** Every published checkpoint, in seq order; throws IOException naming an entry that is not a checkpoint. */
    List<Checkpoint> list() throws IOException;

    /** Where the store is, for messages: a folder or {@code gs://bucket/checkpoints/}. */
    String describe();

    /** The entry name of a checkpoint: {@code 000000000042.checkpoint}. */
    static String name(long seq) {
        return String.format("%012d.checkpoint", seq);
    }

    /** What an entry holds: {@code SEQ:HASH} and a newline. */
    static byte[] content(Checkpoint checkpoint) {
        return (checkpoint + "\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** Reads one entry, which must be a checkpoint for the seq its name says. */
    static Checkpoint read(String name, byte[] content, String where) throws IOException {
        Matcher m = NAME.matcher(name);
        if (!m.matches()) {
            throw new IOException(where + " holds " + name + ", which is not a checkpoint (NNNNNNNNNNNN.checkpoint); "
                    + "nothing but checkpoints belongs there");
        }
        Checkpoint checkpoint;
        try {
            checkpoint = Checkpoint.parse(new String(content, StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            throw new IOException(where + " holds " + name + ", which does not read as SEQ:HASH: " + e.getMessage());
        }
        if (checkpoint.seq() != Long.parseLong(m.group(1))) {
            throw new IOException(where + " holds " + name + " with checkpoint " + checkpoint + " for another seq");
        }
        return checkpoint;
    }

    /** The refusal when an entry for the checkpoint's seq holds another one. */
    static IOException conflict(String where, Checkpoint existing, Checkpoint offered) {
        return new IOException(where + " already holds checkpoint " + existing + ", but the log now has " + offered
                + ": the log was rewritten after that checkpoint was published; nothing was published. Run "
                + "`llmsafe audit verify --checkpoints " + where + "` and see docs/auditor-guide.md");
    }
}
