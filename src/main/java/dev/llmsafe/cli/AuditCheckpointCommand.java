package dev.llmsafe.cli;

import dev.llmsafe.audit.ActorResolver;
import dev.llmsafe.audit.AuditJson;
import dev.llmsafe.audit.AuditRecord;
import dev.llmsafe.audit.GithubContext;
import dev.llmsafe.audit.RecordDraft;
import dev.llmsafe.audit.RecordKinds;
import dev.llmsafe.audit.RecordStore;
import dev.llmsafe.audit.VerifyResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import dev.llmsafe.files.CliFiles;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code llmsafe audit checkpoint}: records the head and prints it for safekeeping outside the log. */
@Command(name = "checkpoint", mixinStandardHelpOptions = true,
        description = {
                "Records the log's head and prints it as SEQ:HASH.",
                "",
                "Verifies the log, appends a checkpoint record naming its head, and prints the new head. Keep it "
                        + "outside the log (CI writes it to the job summary, $GITHUB_STEP_SUMMARY): then "
                        + "`llmsafe audit verify --checkpoint SEQ:HASH` detects any later removal of the tail.",
                "",
                "Exit codes: 0 recorded; 1 the log is broken (nothing appended); 2 bad input or I/O error."})
public final class AuditCheckpointCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ParentCommand
    AuditCommand parent;

    @Mixin
    ActorOptions actorOptions;

    @Mixin
    AuditStoreOptions storeOptions;

    @Override
    public Integer call() {
        var err = spec.commandLine().getErr();
        try {
            GithubContext github = GithubContext.fromEnvironment(parent.environment);
            var actor = actorOptions.resolve(new ActorResolver(actorOptions.classifier()), github);
            RecordStore store = storeOptions.openExisting();
            VerifyResult before = AuditVerifyCommand.verify(store, List.of(), err);
            if (!before.intact()) {
                spec.commandLine().getOut().println("BROKEN at " + before.failure().orElseThrow()
                        + "; no checkpoint recorded");
                spec.commandLine().getOut().flush();
                return ExitCodes.FAILED;
            }
            var payload = AuditJson.MAPPER.createObjectNode();
            payload.putObject("head").put("seq", before.headSeq()).put("hash", before.headHash());
            AuditRecord record = store.append(new RecordDraft(RecordKinds.CHECKPOINT, actor, github.subject(), payload));
            String head = record.seq() + ":" + record.hash();
            spec.commandLine().getOut().println(head);
            spec.commandLine().getOut().flush();
            String summary = parent.environment.get("GITHUB_STEP_SUMMARY");
            if (summary != null && !summary.isBlank()) {
                CliFiles.append(Path.of(summary), "$GITHUB_STEP_SUMMARY " + summary, "### Audit log checkpoint\n\n`" + head + "` (" + store.describe()
                        + ")\n\nVerify later with `llmsafe audit verify --checkpoint " + head + "`.\n\n");
            }
            return ExitCodes.OK;
        } catch (IOException | IllegalArgumentException e) {
            err.println("llmsafe audit checkpoint: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
    }
}
