package dev.llmsafe.cli;

import dev.llmsafe.audit.ActorResolver;
import dev.llmsafe.audit.AuditJson;
import dev.llmsafe.audit.AuditRecord;
import dev.llmsafe.audit.Checkpoint;
import dev.llmsafe.audit.CheckpointStore;
import dev.llmsafe.audit.GithubContext;
import dev.llmsafe.audit.RecordDraft;
import dev.llmsafe.audit.RecordKinds;
import dev.llmsafe.audit.RecordStore;
import dev.llmsafe.audit.VerifyResult;
import dev.llmsafe.files.CliFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code llmsafe audit checkpoint}: records the head and publishes it outside the log. */
@Command(
        name = "checkpoint",
        mixinStandardHelpOptions = true,
        description = {
            "Records the log's head and prints it as SEQ:HASH.",
            "",
            "Verifies the log (against every checkpoint already in the --publish store), appends a "
                    + "checkpoint record naming its head, prints the new head, and publishes it to the store: the "
                    + "checkpoint bucket in CI, where no one, the log's writers included, can remove or replace it. "
                    + "`llmsafe audit verify --checkpoints STORE` then detects a rewritten or cut-off log. The head "
                    + "also goes to the job summary ($GITHUB_STEP_SUMMARY) when CI sets one. A log that does not "
                    + "exist is refused unless --new starts it.",
            "",
            "Exit codes: 0 recorded (and published); 1 the log is broken (nothing appended or published); 2 "
                    + "bad input, no log (without --new), or an I/O error."
        })
public final class AuditCheckpointCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ParentCommand
    AuditCommand parent;

    @Option(
            names = "--publish",
            paramLabel = "STORE",
            description = "Publish the new head here: gs://BUCKET (the checkpoint bucket) or a folder.")
    String publish;

    @Mixin
    ActorOptions actorOptions;

    @Mixin
    AuditStoreOptions storeOptions;

    @Mixin
    WritableLogOptions writable;

    @Override
    public Integer call() throws IOException {
        var err = spec.commandLine().getErr();
        var out = spec.commandLine().getOut();
        GithubContext github = GithubContext.fromEnvironment(parent.environment);
        var classifier = actorOptions.classifier();
        var actor = actorOptions.resolve(new ActorResolver(classifier), github);
        CheckpointStore checkpoints = publish == null ? null : storeOptions.checkpoints(publish, "--publish");
        List<Checkpoint> published = checkpoints == null ? List.of() : checkpoints.list();
        var log = writable.open(storeOptions, published, classifier, err, "checkpoint");
        RecordStore store = log.store();
        VerifyResult before = log.chain();
        if (!before.intact()) {
            out.println("BROKEN at " + before.failure().orElseThrow() + "; no checkpoint recorded"
                    + (checkpoints == null ? "" : " or published"));
            out.flush();
            return ExitCodes.FAILED;
        }
        var payload = AuditJson.MAPPER.createObjectNode();
        payload.putObject("head").put("seq", before.headSeq()).put("hash", before.headHash());
        AuditRecord record = store.append(new RecordDraft(RecordKinds.CHECKPOINT, actor, github.subject(), payload));
        Checkpoint head = new Checkpoint(record.seq(), record.hash());
        out.println(head);
        out.flush();
        if (checkpoints != null) {
            try {
                checkpoints.publish(head);
            } catch (IOException e) {
                throw new IOException(
                        "recorded checkpoint " + head + ", but could not publish it: " + e.getMessage(), e);
            }
            err.println("llmsafe audit checkpoint: published " + head + " to " + checkpoints.describe());
        }
        summary(head, store, checkpoints);
        return ExitCodes.OK;
    }

    private void summary(Checkpoint head, RecordStore store, CheckpointStore checkpoints) throws IOException {
        String summary = parent.environment.get("GITHUB_STEP_SUMMARY");
        if (summary == null || summary.isBlank()) {
            return;
        }
        String verify = checkpoints == null ? "--checkpoint " + head : "--checkpoints " + checkpoints.describe();
        CliFiles.append(
                Path.of(summary),
                "$GITHUB_STEP_SUMMARY " + summary,
                "### Audit log checkpoint\n\n`" + head
                        + "` (" + store.describe()
                        + (checkpoints == null ? "" : ", published to " + checkpoints.describe())
                        + ")\n\nVerify later with `llmsafe audit verify " + verify + "`.\n\n");
    }
}
