package dev.llmsafe.cli;

import dev.llmsafe.audit.Checkpoint;
import dev.llmsafe.audit.RecordStore;
import dev.llmsafe.audit.VerifyResult;
import dev.llmsafe.identity.ActorClassifier;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * How every command that writes to the log (append, import-history, checkpoint) opens it: a log that is there is
 * verified first, and a missing or empty one is refused unless --new asks for it, so a typo in --log, a folder
 * that does not exist or an empty bucket never silently starts a second chain at seq 1.
 */
public final class WritableLogOptions {
    @Option(
            names = "--new",
            description = "Start a new log: only where none is yet (no file, an empty file, a bucket without "
                    + "records). Without it such a log is refused, and with it a log that holds records is.")
    boolean startNew;

    /** The store to write to and its chain, verified against {@code checkpoints}, before anything is written. */
    record WritableLog(RecordStore store, VerifyResult chain) {
        /** The store, when its chain is intact; a broken chain is refused, naming the log and the break. */
        RecordStore intact() {
            if (!chain.intact()) {
                throw new BadInputException("the audit log at " + store.describe() + " is broken at "
                        + chain.failure().orElseThrow() + "; nothing was appended: run `llmsafe audit verify` and "
                        + "see docs/auditor-guide.md");
            }
            return store;
        }
    }

    /**
     * Opens the log for {@code command}, verifying it with {@code classifier}; throws BadInputException
     * when there is no log and no --new, or --new and a log.
     */
    WritableLog open(
            AuditStoreOptions where,
            List<Checkpoint> checkpoints,
            ActorClassifier classifier,
            PrintWriter err,
            String command)
            throws IOException {
        RecordStore store = where.open();
        String absence = store.absence();
        if (absence != null && !startNew) {
            throw new BadInputException(AuditStoreOptions.noLog(store, absence) + "; pass --new to start one, "
                    + "or name the existing log with --log FILE or --gcs-bucket BUCKET");
        }
        // An empty log verifies too: against published checkpoints it is one cut to nothing.
        VerifyResult chain = AuditVerifyCommand.verify(store, checkpoints, classifier, err);
        if (absence == null && startNew) {
            throw new BadInputException("--new: the audit log at " + store.describe() + " already holds "
                    + (chain.intact() ? chain.records() + " records" : "records")
                    + "; leave out --new to append to it");
        }
        if (startNew) {
            err.println("llmsafe audit " + command + ": starting a new audit log at " + store.describe());
            err.flush();
        }
        return new WritableLog(store, chain);
    }
}
