package dev.llmsafe.cli;

import dev.llmsafe.audit.ActorResolver;
import dev.llmsafe.audit.GithubContext;
import dev.llmsafe.audit.StackHistoryImport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code llmsafe audit import-history}: Pulumi's update history into the log, once. */
@Command(
        name = "import-history",
        mixinStandardHelpOptions = true,
        description = {
            "Records Pulumi's stack history in the audit log, once.",
            "",
            "Entries of `pulumi stack history --json` that are not in the log yet are appended, oldest "
                    + "first, as stack.history records. Importing the same file twice adds nothing, and an update "
                    + "still running is left for a later import, once it has ended. Pulumi never "
                    + "records who ran an update: the record's actor is the importer (the CI job). Config values "
                    + "marked secret never enter a record.",
            "",
            "Like append, it verifies the log first and refuses a broken chain, and a log that does not exist "
                    + "unless --new starts it.",
            "",
            "Exit codes: 0 imported (possibly nothing new); 2 bad input, no log (without --new), a broken "
                    + "chain, or an I/O error."
        })
public final class AuditImportHistoryCommand implements Callable<Integer> {
    private static final Pattern STACK = Pattern.compile("[A-Za-z0-9_.-]{1,100}(/[A-Za-z0-9_.-]{1,100}){0,2}");

    @Spec
    CommandSpec spec;

    @ParentCommand
    AuditCommand parent;

    @Option(names = "--stack", required = true, paramLabel = "NAME", description = "The stack the history is of.")
    String stack;

    @Option(
            names = "--file",
            required = true,
            paramLabel = "FILE",
            description = "What `pulumi stack history --json --stack NAME` printed.")
    Path file;

    @Mixin
    RedactOptions redactOptions;

    @Mixin
    ActorOptions actorOptions;

    @Mixin
    AuditStoreOptions storeOptions;

    @Mixin
    WritableLogOptions writable;

    @Override
    public Integer call() throws IOException {
        var err = spec.commandLine().getErr();
        if (!STACK.matcher(stack).matches()) {
            throw new BadInputException("--stack '" + stack + "' is not a stack name (e.g. pr-42, production)");
        }
        var entries = StackHistoryImport.read(file, "--file");
        GithubContext github = GithubContext.fromEnvironment(parent.environment);
        var classifier = actorOptions.classifier();
        var actor = actorOptions.resolve(new ActorResolver(classifier), github);
        var redactor = redactOptions.redactor(parent.environment);
        var store = writable.open(storeOptions, List.of(), classifier, err, "import-history")
                .intact();
        var result = new StackHistoryImport(store, redactor)
                .run(stack, entries, actor, github.subject().repository());
        spec.commandLine()
                .getOut()
                .println("imported " + result.imported() + " of " + result.entries()
                        + " entries of stack " + stack + " (" + result.alreadyPresent() + " already in the log"
                        + (result.unfinished() == 0
                                ? ""
                                : ", " + result.unfinished() + " not finished yet: a later "
                                        + "import records them once they end")
                        + ")");
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
