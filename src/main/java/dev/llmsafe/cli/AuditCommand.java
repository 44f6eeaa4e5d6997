package dev.llmsafe.cli;

import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code llmsafe audit}: the tamper-evident log of AI activity and deployments. */
@Command(
        name = "audit",
        mixinStandardHelpOptions = true,
        description = {
            "The hash-chained, write-once log of AI activity and deployments.",
            "",
            "The log is a local JSON Lines file (--log, default audit.jsonl) or a GCS bucket holding one "
                    + "object per record (--gcs-bucket). The auditor's guide is docs/auditor-guide.md."
        })
public final class AuditCommand implements Runnable, CommandGroup {
    /** Its subcommands, in the order its help lists them (built as {@link CommandTree} says). */
    static final List<Class<?>> COMMANDS = List.of(
            AuditAppendCommand.class,
            AuditVerifyCommand.class,
            AuditCheckpointCommand.class,
            AuditHeadCommand.class,
            AuditReportCommand.class,
            AuditImportHistoryCommand.class);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The process environment (GitHub Actions variables); replaceable so tests need not set real ones. */
    Map<String, String> environment = System.getenv();

    @Override
    public List<Class<?>> commands() {
        return COMMANDS;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "an audit command is required; see --help");
    }
}
