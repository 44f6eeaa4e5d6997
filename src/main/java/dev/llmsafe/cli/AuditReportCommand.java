package dev.llmsafe.cli;

import dev.llmsafe.audit.AuditReport;
import dev.llmsafe.audit.LogLines;
import dev.llmsafe.audit.RecordStore;
import dev.llmsafe.audit.ReportFilter;
import dev.llmsafe.audit.ReportHtml;
import dev.llmsafe.audit.ReportJson;
import dev.llmsafe.audit.ReportMarkdown;
import dev.llmsafe.audit.StackHistory;
import dev.llmsafe.audit.StackHistoryImport;
import dev.llmsafe.audit.VerifyResult;
import dev.llmsafe.files.CliFiles;
import dev.llmsafe.policy.PolicyFile;
import dev.llmsafe.reaper.Moments;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code llmsafe audit report}: the log as a timeline per pull request. */
@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Renders the audit log as a timeline per pull request.",
            "",
            "Per pull request: AI-assisted or not, policy results, deployments, promotions with the commit they "
                    + "shipped, approvals and who approved, destroys, and links to its workflow runs; then totals. "
                    + "Imported Pulumi updates show at the time they ran, once each. The chain is verified first "
                    + "and the result is stated at the top; on a broken chain every record is still shown, those "
                    + "from the break on marked unverified.",
            "",
            "--format json has the stable shape of docs/auditor-guide.md, \"The JSON report\". The filters "
                    + "choose rows only: the chain is always verified whole.",
            "",
            "Exit codes: 0 rendered from an intact log; 1 rendered, but the chain is broken; 2 bad input."
        })
public final class AuditReportCommand implements Callable<Integer> {
    private static final Pattern PR = Pattern.compile("[1-9][0-9]{0,8}");

    @Spec
    CommandSpec spec;

    /** Report formats. */
    public enum Format {
        markdown,
        html,
        json
    }

    @Option(
            names = "--format",
            paramLabel = "FORMAT",
            defaultValue = "markdown",
            description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}); html is one self-contained file.")
    Format format;

    @Option(names = "--pr", paramLabel = "N", description = "Only this pull request's timeline.")
    String pr;

    @Option(
            names = "--since",
            paramLabel = "TIME",
            description = "Only rows from this time on. A date is midnight UTC (2025-01-31); an instant has a "
                    + "time and an offset (2025-01-31T12:00:00Z).")
    String since;

    @Option(
            names = "--until",
            paramLabel = "TIME",
            description = "Only rows before this time (a date or an instant, as --since); --since D --until D+1 is "
                    + "one day.")
    String until;

    @Option(
            names = "--history",
            paramLabel = "FILE",
            description = "What `pulumi stack history --json` printed, to join into the timelines (entries already "
                    + "imported into the log are not joined again).")
    Path history;

    @Option(names = "--history-stack", paramLabel = "NAME", description = "The stack --history belongs to.")
    String historyStack;

    @Option(
            names = {"-o", "--output"},
            paramLabel = "FILE",
            description = "Write here instead of stdout.")
    Path output;

    @Mixin
    AuditStoreOptions storeOptions;

    @Override
    public Integer call() throws IOException {
        var err = spec.commandLine().getErr();
        ReportFilter filter = filter();
        StackHistory joined = history == null
                ? StackHistory.NONE
                : new StackHistory(historyStack, StackHistoryImport.read(history, "--history"));
        RecordStore store = storeOptions.openExisting();
        VerifyResult chain = AuditVerifyCommand.verify(store, List.of(), PolicyFile.classifier(null, List.of()), err);
        // Every line, also after a break: the ones the chain does not vouch for are marked, never dropped.
        var lines = LogLines.read(store, chain.records());
        AuditReport report = AuditReport.build(chain, store.describe(), lines, joined, filter);
        String text = switch (format) {
            case html -> ReportHtml.render(report);
            case json -> ReportJson.render(report);
            case markdown -> ReportMarkdown.render(report);
        };
        if (output != null) {
            CliFiles.write(output, CliFiles.label("--output", output), text);
        } else {
            spec.commandLine().getOut().print(text);
            spec.commandLine().getOut().flush();
        }
        if (!chain.intact()) {
            err.println("llmsafe audit report: the chain is broken at "
                    + chain.failure().orElseThrow());
            return ExitCodes.FAILED;
        }
        return ExitCodes.OK;
    }

    /** The filters, each checked: the bad value and what to give instead. */
    private ReportFilter filter() {
        if (pr != null && !PR.matcher(pr.strip()).matches()) {
            throw new BadInputException(
                    "--pr '" + pr + "' is not a pull request number; give its number, " + "e.g. --pr 42");
        }
        return new ReportFilter(
                pr == null ? null : Integer.valueOf(pr.strip()),
                since == null ? null : Moments.parse("--since", since),
                until == null ? null : Moments.parse("--until", until));
    }
}
