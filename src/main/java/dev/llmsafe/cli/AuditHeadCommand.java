package dev.llmsafe.cli;

import dev.llmsafe.audit.Checkpoint;
import dev.llmsafe.audit.CheckpointStore;
import dev.llmsafe.audit.RecordStore;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code llmsafe audit head}: whether there is a log, and its last record; how CI decides to pass --new. */
@Command(
        name = "head",
        mixinStandardHelpOptions = true,
        description = {
            "Prints the log's last record as SEQ:HASH, or none when there is no log.",
            "",
            "It reads the last record only and does not verify. With --checkpoints, no log while the store "
                    + "holds checkpoints is an error: the log existed, so it is the wrong one or its records are "
                    + "gone, and no new log may start there. CI runs it before each write and passes --new only "
                    + "on none (.github/scripts/audit-log.sh).",
            "",
            "Exit codes: 0 printed; 2 bad input, an I/O error, a torn or invalid last record, or no log "
                    + "although checkpoints were published."
        })
public final class AuditHeadCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(
            names = "--checkpoints",
            paramLabel = "STORE",
            description = "Where checkpoints are published: gs://BUCKET (the checkpoint bucket) or a folder.")
    String checkpoints;

    @Mixin
    AuditStoreOptions storeOptions;

    @Override
    public Integer call() throws IOException {
        CheckpointStore published = checkpoints == null ? null : storeOptions.checkpoints(checkpoints, "--checkpoints");
        RecordStore store = storeOptions.open();
        String absence = store.absence();
        String head;
        if (absence == null) {
            head = store.head().toString();
        } else {
            List<Checkpoint> seen = published == null ? List.of() : published.list();
            if (!seen.isEmpty()) {
                throw new BadInputException(AuditStoreOptions.noLog(store, absence) + ", but "
                        + published.describe() + " holds checkpoints up to " + seen.get(seen.size() - 1)
                        + ", so the log existed: check --log or --gcs-bucket, and never start a new log there");
            }
            head = "none";
        }
        spec.commandLine().getOut().println(head);
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
