package dev.llmsafe.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmsafe.audit.AuditRecord;
import dev.llmsafe.audit.AuditReport;
import dev.llmsafe.audit.RecordStore;
import dev.llmsafe.audit.ReportHtml;
import dev.llmsafe.audit.ReportMarkdown;
import dev.llmsafe.audit.StackHistoryImport;
import dev.llmsafe.audit.VerifyResult;
import dev.llmsafe.policy.PolicyFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import dev.llmsafe.files.CliFiles;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code llmsafe audit report}: the log as a timeline per pull request. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {
                "Renders the audit log as a timeline per pull request.",
                "",
                "Per pull request: AI-assisted or not, policy results, deployments, approvals and who approved, "
                        + "destroys; then totals. The chain is verified first and the result is stated at the top; "
                        + "a broken chain is still reported, flagged, with only the records before the break.",
                "",
                "Exit codes: 0 rendered from an intact log; 1 rendered, but the chain is broken; 2 bad input."})
public final class AuditReportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    /** Report formats. */
    public enum Format { markdown, html }

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "markdown",
            description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}); html is one self-contained file.")
    Format format;

    @Option(names = "--history", paramLabel = "FILE",
            description = "What `pulumi stack history --json` printed, to join into the timelines.")
    Path history;

    @Option(names = "--history-stack", paramLabel = "NAME", description = "The stack --history belongs to.")
    String historyStack;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write here instead of stdout.")
    Path output;

    @Mixin
    AuditStoreOptions storeOptions;

    @Override
    public Integer call() {
        var err = spec.commandLine().getErr();
        try {
            List<JsonNode> entries = history == null ? List.of() : StackHistoryImport.read(history, "--history");
            RecordStore store = storeOptions.openExisting();
            VerifyResult chain = AuditVerifyCommand.verify(store, List.of(), PolicyFile.classifier(null, List.of()), err);
            List<AuditRecord> records = store.records(chain.records()); // only what verified
            AuditReport report = AuditReport.build(chain, store.describe(), records, entries, historyStack);
            String text = format == Format.html ? ReportHtml.render(report) : ReportMarkdown.render(report);
            if (output != null) {
                CliFiles.write(output, CliFiles.label("--output", output), text);
            } else {
                spec.commandLine().getOut().print(text);
                spec.commandLine().getOut().flush();
            }
            if (!chain.intact()) {
                err.println("llmsafe audit report: the chain is broken at " + chain.failure().orElseThrow());
                return ExitCodes.FAILED;
            }
            return ExitCodes.OK;
        } catch (IOException | IllegalArgumentException e) {
            err.println("llmsafe audit report: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
    }
}
