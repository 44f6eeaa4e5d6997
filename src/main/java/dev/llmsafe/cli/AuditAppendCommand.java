package dev.llmsafe.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmsafe.audit.Actor;
import dev.llmsafe.audit.ActorResolver;
import dev.llmsafe.audit.AuditJson;
import dev.llmsafe.audit.AuditRecord;
import dev.llmsafe.audit.GithubContext;
import dev.llmsafe.audit.RecordDraft;
import dev.llmsafe.audit.RecordKinds;
import dev.llmsafe.audit.RecordStore;
import dev.llmsafe.audit.Subject;
import dev.llmsafe.files.CliFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code llmsafe audit append}: adds one record at the head of the log. */
@Command(
        name = "append",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Appends one record to the audit log and prints its SEQ:HASH.",
            "",
            "Inside GitHub Actions the subject (repository, pull request, commit, run) and the actor come "
                    + "from the job's environment and event file; options override them. The actor is "
                    + "classified as human, ai or bot by the same rules as the policy engine.",
            "",
            "Secret values never enter the record: secret-only properties (token, password, ...) become "
                    + "[secret] whole, and the value of each --redact-env variable is replaced by [secret] "
                    + "wherever it appears, keeping the text around it.",
            "",
            "Known kinds: " + "ai.activity, change.classified, policy.result, preview.deployed, "
                    + "preview.destroyed, approval, promotion, checkpoint, stack.history.",
            "",
            "The log is verified first: a broken chain is never appended to. A log that does not exist "
                    + "(no file, its folder missing, an empty bucket) is refused unless --new starts it.",
            "",
            "Exit codes: 0 appended; 2 bad input, no log (without --new), a broken chain, or the log could "
                    + "not be written."
        })
public final class AuditAppendCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ParentCommand
    AuditCommand parent;

    @Option(
            names = "--kind",
            required = true,
            paramLabel = "KIND",
            description = "What happened, for example policy.result.")
    String kind;

    @ArgGroup(exclusive = true)
    PayloadSource payload;

    static final class PayloadSource {
        @Option(names = "--payload-json", paramLabel = "JSON", description = "Details as a JSON object.")
        String json;

        @Option(names = "--payload-file", paramLabel = "FILE", description = "Details from a JSON file.")
        Path file;
    }

    @Mixin
    RedactOptions redactOptions;

    @Mixin
    SubjectOptions subjectOptions;

    @Mixin
    ActorOptions actorOptions;

    @Mixin
    AuditStoreOptions storeOptions;

    @Mixin
    WritableLogOptions writable;

    @Override
    public Integer call() throws IOException {
        var err = spec.commandLine().getErr();
        if (!RecordKinds.isValid(kind)) {
            throw new BadInputException("--kind '" + kind + "' must be dotted lowercase words, one of "
                    + String.join(", ", RecordKinds.KNOWN) + " or a new one like deploy.rollback");
        }
        GithubContext github = GithubContext.fromEnvironment(parent.environment);
        var classifier = actorOptions.classifier();
        ActorResolver resolver = new ActorResolver(classifier);
        Actor actor = actorOptions.resolve(resolver, github);
        Subject subject = subjectOptions.subject(github, resolver.aiTrailer(actorOptions.commitMessage(github)));
        ObjectNode body = redactOptions.redactor(parent.environment).redact(payload());
        RecordStore store = writable.open(storeOptions, List.of(), classifier, err, "append")
                .intact();
        AuditRecord record = store.append(new RecordDraft(kind, actor, subject, body));
        spec.commandLine().getOut().println(record.seq() + ":" + record.hash());
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }

    private ObjectNode payload() throws IOException {
        if (payload == null) {
            return AuditJson.MAPPER.createObjectNode();
        }
        String expected = "a JSON object, e.g. {\"url\":\"https://...\"}";
        String from = payload.json != null ? "--payload-json" : CliFiles.label("--payload-file", payload.file);
        JsonNode node = payload.json != null
                ? CliFiles.parseJson(payload.json, from, expected)
                : CliFiles.readJson(payload.file, from, expected);
        if (!node.isObject()) {
            throw new BadInputException(from + " must be " + expected);
        }
        return (ObjectNode) node;
    }
}
