package dev.llmsafe.cli;

import dev.llmsafe.files.CliFiles;
import dev.llmsafe.plan.OfflinePlanner;
import dev.llmsafe.plan.PlanReader;
import dev.llmsafe.policy.PlanView;
import dev.llmsafe.policy.PolicyEngine;
import dev.llmsafe.policy.PolicyInput;
import dev.llmsafe.policy.PolicyReport;
import dev.llmsafe.policy.change.GitChangeReader;
import dev.llmsafe.policy.change.WorkingTreeReader;
import dev.llmsafe.policy.input.InputException;
import dev.llmsafe.policy.report.JsonReport;
import dev.llmsafe.policy.report.MarkdownReport;
import dev.llmsafe.policy.report.ReportFormat;
import dev.llmsafe.policy.report.SarifReport;
import dev.llmsafe.policy.report.TextReport;
import dev.llmsafe.policy.workflow.WorkflowReader;
import dev.llmsafe.stack.ConfigOverrides;
import dev.llmsafe.stack.StackKind;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code llmsafe policy check}: every rule on a plan, a change and the workflows; exit 0, 1 or 2. */
@Command(
        name = "check",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Checks a plan, a change and the workflows against the policy rules.",
            "",
            "Give any of: a plan (--plan FILE from `llmsafe plan --format json` or `pulumi preview --json`, "
                    + "or --stack NAME to plan offline), a change (--diff BASE..HEAD from git, or --all-files "
                    + "for the whole tree) and the workflows (--workflows DIR). Rules whose inputs are missing "
                    + "are reported as skipped, and rules whose inputs hold nothing of their kind as not "
                    + "applicable, never as passed. The rules are described in docs/policies.md.",
            "",
            "Exit codes: 0 no mandatory violation, 1 a mandatory violation, 2 bad input (the message names the "
                    + "file and the problem) or a rule without a verdict.",
            "",
            "Paths are relative to the current folder; findings name files relative to --project-dir."
        })
public final class PolicyCheckCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ArgGroup(exclusive = true)
    PlanSource planSource;

    /** The plan to judge: a file, or a stack planned offline; picocli refuses both. */
    static final class PlanSource {
        @Option(
                names = "--plan",
                paramLabel = "FILE",
                description = "The plan to judge: what "
                        + "`llmsafe plan --format json` or `pulumi preview --json` printed; - reads stdin.")
        String file;

        @Option(
                names = "--stack",
                paramLabel = "NAME",
                description = "Plan this stack offline and judge it (instead of --plan).")
        String stack;
    }

    @Option(
            names = "--config-file",
            paramLabel = "FILE",
            description = "Config file of --stack, Pulumi.<stack>.yaml by default.")
    Path configFile;

    @Option(
            names = "--set",
            paramLabel = "KEY=VALUE",
            description = "Override one config key of --stack (repeatable), for " + "example --set prNumber=42.")
    List<String> overrides = new ArrayList<>();

    @Option(
            names = "--kind",
            paramLabel = "KIND",
            converter = EnumWords.StackKinds.class,
            completionCandidates = EnumWords.StackKinds.class,
            description = "The stack kind when the plan does not say: ${COMPLETION-CANDIDATES}.")
    StackKind kind;

    @ArgGroup(exclusive = true)
    ChangeSource changeSource;

    /** The change to judge: a git range, or the whole working tree; picocli refuses both. */
    static final class ChangeSource {
        @Option(
                names = "--diff",
                paramLabel = "BASE..HEAD",
                description =
                        "Judge the change between two git revisions " + "(with BASE...HEAD: since their merge base).")
        String diff;

        @Option(
                names = "--all-files",
                description = "Judge every file of the working tree (build files, references) " + "instead of a diff.")
        boolean allFiles;
    }

    @Option(
            names = "--label",
            paramLabel = "NAME",
            description = "A label of the pull request, for example ai-assisted " + "(repeatable; CI passes them).")
    Set<String> labels = new LinkedHashSet<>();

    @Option(
            names = "--workflows",
            paramLabel = "DIR",
            description = "The folder of GitHub Actions workflow files to check.")
    Path workflowsDir;

    @Option(
            names = "--policy",
            paramLabel = "FILE",
            description = "The policy file (default: policy.yaml in --project-dir, if "
                    + "present); with --diff it is read as the base revision has it.")
    Path policyFile;

    @Option(
            names = "--project-dir",
            paramLabel = "DIR",
            defaultValue = ".",
            description = "The repository's root folder (default: the current folder).")
    Path projectDir;

    @Option(
            names = "--format",
            paramLabel = "FORMAT",
            defaultValue = "text",
            description = "Output: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    ReportFormat format;

    @Option(names = "--output", paramLabel = "FILE", description = "Write the report to FILE instead of stdout.")
    Path output;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        String planFile = planSource == null ? null : planSource.file;
        String stack = planSource == null ? null : planSource.stack;
        String diff = changeSource == null ? null : changeSource.diff;
        boolean allFiles = changeSource != null && changeSource.allFiles;
        if (planFile == null && stack == null && diff == null && !allFiles && workflowsDir == null) {
            throw usage("nothing to check; give --plan, --stack, --diff, --all-files or --workflows");
        }
        GitChangeReader.Range range = diff == null ? null : GitChangeReader.Range.parse(diff);
        JudgePolicy policy = JudgePolicy.choose(projectDir, policyFile, range, err);
        PolicyInput.Builder input = PolicyInput.builder(policy.file()).policyOrigin(policy.origin());
        if (kind != null) {
            input.kind(kind);
        }
        String artifact = plan(planFile, stack, input, err);
        if (diff != null) {
            err.println("llmsafe policy check: reading change " + diff);
            input.change(GitChangeReader.read(projectDir, range, labels));
        } else if (allFiles) {
            err.println("llmsafe policy check: reading the files of " + projectDir);
            input.change(WorkingTreeReader.read(projectDir).withLabels(labels));
        }
        if (workflowsDir != null) {
            input.workflows(WorkflowReader.read(workflowsDir, relative(workflowsDir), projectDir));
        }
        PolicyEngine engine = PolicyEngine.withAllRules();
        PolicyReport report = engine.evaluate(input.build());
        write(render(report, engine, artifact));
        err.println("llmsafe policy check " + report.summary());
        err.flush();
        return report.exitCode();
    }

    /** Reads or builds the plan; returns the file SARIF results without a path point at. */
    private String plan(String planFile, String stack, PolicyInput.Builder input, PrintWriter err) throws IOException {
        if (planFile != null) {
            String source = planFile.equals("-") ? "(stdin)" : planFile;
            String text = planFile.equals("-")
                    ? new String(System.in.readAllBytes(), StandardCharsets.UTF_8)
                    : CliFiles.readText(Path.of(planFile), CliFiles.label("--plan", Path.of(planFile)));
            PlanReader.Result read = PlanReader.read(text, source);
            if (!read.previewErrors().isEmpty()) {
                throw new InputException(
                        source,
                        "the preview failed, so it is no plan to judge: "
                                + read.previewErrors()
                                        .get(0)
                                        .lines()
                                        .findFirst()
                                        .orElse("")
                                + (read.previewErrors().size() > 1
                                        ? " (and " + (read.previewErrors().size() - 1) + " more errors)"
                                        : ""));
            }
            input.plan(knownKind(PlanView.of(read.plan()), source));
            return planFile.equals("-") ? "Pulumi.yaml" : relative(Path.of(planFile));
        }
        if (stack != null) {
            err.println("llmsafe policy check: planning stack " + stack + " offline");
            // The same offline stand-ins as `llmsafe plan` for the keys only CI sets (pr-<N> stacks).
            var offline = OfflinePlanner.settingsForPlan(
                    projectDir, stack, Optional.ofNullable(configFile), ConfigOverrides.parse(overrides));
            offline.note().ifPresent(note -> err.println("llmsafe policy check: note: " + note));
            input.plan(knownKind(PlanView.of(OfflinePlanner.plan(offline.settings())), stack));
            return relative(configFile != null ? configFile : OfflinePlanner.defaultConfigFile(projectDir, stack));
        }
        return "Pulumi.yaml";
    }

    /**
     * The stack kind decides which rules apply (review stacks get the preview rules), so a plan of an unknown
     * kind, of none, or of another kind than {@code --kind} says cannot be judged.
     */
    private PlanView knownKind(PlanView plan, String source) throws InputException {
        String declared = plan.document().kind();
        if (declared != null && plan.kind().isEmpty()) {
            throw new InputException(
                    source,
                    "the plan's stack kind '" + dev.llmsafe.policy.PathNormalizer.printable(declared)
                            + "' is not a stack kind; use one of " + StackKind.allowedValues());
        }
        if (declared == null && kind == null) {
            throw new InputException(
                    source, "the plan does not say its stack kind; pass --kind (" + StackKind.allowedValues() + ")");
        }
        if (declared != null && kind != null && !declared.equals(kind.configValue())) {
            throw new InputException(
                    source,
                    "--kind " + kind.configValue() + " disagrees with the plan's stack kind " + declared
                            + "; leave --kind out or judge the right plan");
        }
        return plan;
    }

    private String render(PolicyReport report, PolicyEngine engine, String artifact) {
        switch (format) {
            case json:
                return JsonReport.render(report);
            case sarif:
                String version = PolicyCheckCommand.class.getPackage().getImplementationVersion();
                return SarifReport.render(report, engine.rules(), artifact, version == null ? "0.0.0-dev" : version);
            case markdown:
                return MarkdownReport.render(report);
            default:
                return TextReport.render(report);
        }
    }

    private void write(String text) throws IOException {
        if (output == null) {
            PrintWriter out = spec.commandLine().getOut();
            out.print(text);
            out.flush();
            return;
        }
        CliFiles.write(output, CliFiles.label("--output", output), text);
    }

    /** A path relative to the project dir with '/' separators when inside it; else as given. */
    private String relative(Path path) {
        return JudgePolicy.relative(projectDir, path).orElse(path.toString());
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
