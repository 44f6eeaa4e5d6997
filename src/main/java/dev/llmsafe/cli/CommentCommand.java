package dev.llmsafe.cli;

import dev.llmsafe.comment.Evidence;
import dev.llmsafe.comment.EvidenceComment;
import dev.llmsafe.comment.EvidenceReader;
import dev.llmsafe.comment.Stage;
import dev.llmsafe.comment.StepOutcome;
import dev.llmsafe.files.CliFiles;
import dev.llmsafe.policy.input.InputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code llmsafe comment}: the pull request's evidence comment, in Markdown, on stdout. */
@Command(
        name = "comment",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Renders the one evidence comment of a pull request.",
            "",
            "The comment shows the preview URL, the runtime and why, links to logs and metrics, change "
                    + "counts, policy verdicts, the health check, seed and test status, approvals and the audit "
                    + "record's hash, then the policy details. The hidden marker " + EvidenceComment.MARKER
                    + " lets CI update it in place. The output is deterministic and at most 60,000 characters "
                    + "(details are trimmed first, never the summary).",
            "",
            "Each input is checked for its own shape. A stage shows as not reached only when --outcome "
                    + "says its step was skipped; a step that failed without leaving its file shows as "
                    + "failed. Every other stage needs its file.",
            "",
            "Exit codes: 0 rendered, 2 bad input (a file that is not what it should be, or a stage "
                    + "without a file or an outcome)."
        })
public final class CommentCommand implements Callable<Integer> {
    private static final Pattern STACK = Pattern.compile("[A-Za-z0-9._-]{1,100}");

    @Spec
    CommandSpec spec;

    @Option(names = "--stack", required = true, paramLabel = "NAME", description = "The stack, for example pr-42.")
    String stack;

    @Option(names = "--outputs", paramLabel = "FILE", description = "What `pulumi stack output --json` printed.")
    Path outputs;

    @Option(names = "--preview", paramLabel = "FILE", description = "What `pulumi preview --json` printed.")
    Path preview;

    @Option(names = "--policy", paramLabel = "FILE", description = "What `llmsafe policy check --format json` printed.")
    Path policy;

    @Option(names = "--verify", paramLabel = "FILE", description = "What `llmsafe verify` printed.")
    Path verify;

    @Option(names = "--checks", paramLabel = "FILE", description = "Seed and test outcomes (name=outcome lines).")
    Path checks;

    @Option(
            names = "--reviews",
            paramLabel = "FILE",
            description = "The pull request's reviews, as `gh api --paginate` prints the reviews endpoint.")
    Path reviews;

    @Option(
            names = "--audit-hash",
            paramLabel = "SEQ:HASH",
            description = "The audit record of this deployment, as `llmsafe audit append` prints it.")
    String auditHash;

    @Option(
            names = "--outcome",
            paramLabel = "STAGE=OUTCOME",
            completionCandidates = Stage.Ids.class,
            description = "What the step behind a stage did (repeatable), as GitHub's steps.ID.outcome says: "
                    + "success, failure, cancelled or skipped. STAGE is one of ${COMPLETION-CANDIDATES}. A stage "
                    + "not named succeeded.")
    List<String> outcomeOptions = new ArrayList<>();

    @Option(
            names = "--policy-file",
            paramLabel = "FILE",
            description = "Policy file whose aiIdentities mark AI approvals (default: policy.yaml, if present).")
    Path policyFile;

    /** What the destroy of a preview found; the removal comment says it in words of its own. */
    enum RemovalResult {
        destroyed,
        absent,
        failed
    }

    @Option(
            names = "--destroyed",
            paramLabel = "RESULT",
            description = "Render the comment saying the preview was removed: ${COMPLETION-CANDIDATES}.")
    RemovalResult destroyed;

    @Override
    public Integer call() throws InputException {
        if (!STACK.matcher(stack).matches()) {
            throw new InputException("--stack '" + CliFiles.shown(stack) + "'", "not a stack name (e.g. pr-42)");
        }
        Map<Stage, StepOutcome> outcomes = outcomes();
        var out = spec.commandLine().getOut();
        out.print(EvidenceComment.render(destroyed != null ? removal(outcomes) : evidence(outcomes)));
        out.flush();
        return ExitCodes.OK;
    }

    private Evidence evidence(Map<Stage, StepOutcome> outcomes) throws InputException {
        return Evidence.builder(stack, outcomes, classifier())
                .outputs(stage(Stage.OUTPUTS, outputs, outcomes, EvidenceReader::outputs))
                .preview(stage(Stage.PREVIEW, preview, outcomes, EvidenceReader::preview))
                .policy(stage(Stage.POLICY, policy, outcomes, EvidenceReader::policy))
                .verify(stage(Stage.VERIFY, verify, outcomes, EvidenceReader::verify))
                .checks(stage(Stage.CHECKS, checks, outcomes, EvidenceReader::checks)
                        .orElse(Map.of()))
                .reviews(stage(Stage.REVIEWS, reviews, outcomes, EvidenceReader::reviews))
                .auditHash(stage(
                        Stage.AUDIT,
                        auditHash == null || auditHash.isEmpty() ? null : auditHash,
                        outcomes,
                        EvidenceReader::auditHash))
                .build();
    }

    /** The removal comment: no evidence files, only the audit record of the destroy when there is one. */
    private Evidence removal(Map<Stage, StepOutcome> outcomes) throws InputException {
        for (Stage s : List.of(Stage.OUTPUTS, Stage.PREVIEW, Stage.POLICY, Stage.VERIFY, Stage.CHECKS, Stage.REVIEWS)) {
            if (file(s) != null) {
                throw new InputException(s.option(), "has no place in the removal comment (--destroyed); leave it out");
            }
        }
        Optional<String> hash = auditHash == null || auditHash.isEmpty()
                ? Optional.empty()
                : Optional.of(EvidenceReader.auditHash(auditHash));
        return Evidence.builder(stack, outcomes, classifier())
                .auditHash(hash)
                .destroyed(Optional.of(destroyed.name()))
                .build();
    }

    private Path file(Stage stage) {
        return switch (stage) {
            case OUTPUTS -> outputs;
            case PREVIEW -> preview;
            case POLICY -> policy;
            case VERIFY -> verify;
            case CHECKS -> checks;
            case REVIEWS -> reviews;
            case AUDIT -> null;
        };
    }

    /** Reads one stage's input as its step's outcome allows: skipped reads nothing, failed reads what is left. */
    private static <I, T> Optional<T> stage(Stage stage, I input, Map<Stage, StepOutcome> outcomes, Reader<I, T> reader)
            throws InputException {
        StepOutcome outcome = outcomes.getOrDefault(stage, StepOutcome.SUCCESS);
        if (outcome == StepOutcome.SKIPPED) {
            return Optional.empty();
        }
        boolean left =
                input instanceof Path ? Files.isRegularFile((Path) input) && size((Path) input) > 0 : input != null;
        if (outcome != StepOutcome.SUCCESS && !left) {
            return Optional.empty(); // the step failed before writing its evidence, as the workflow says
        }
        if (input == null) {
            throw new InputException(
                    stage.option(),
                    "missing; give " + stage.option() + " (" + stage.expected() + "), or --outcome " + stage.id()
                            + "=skipped when its step did not run");
        }
        return Optional.of(reader.read(input));
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (java.io.IOException e) {
            return 0;
        }
    }

    private Map<Stage, StepOutcome> outcomes() throws InputException {
        Map<Stage, StepOutcome> outcomes = new EnumMap<>(Stage.class);
        for (String o : outcomeOptions) {
            int eq = o.indexOf('=');
            Optional<Stage> stage = eq < 0 ? Optional.empty() : Stage.parse(o.substring(0, eq));
            Optional<StepOutcome> outcome = eq < 0 ? Optional.empty() : StepOutcome.parse(o.substring(eq + 1));
            if (stage.isEmpty() || outcome.isEmpty()) {
                throw new InputException(
                        "--outcome '" + CliFiles.shown(o) + "'",
                        "must be STAGE=OUTCOME with STAGE " + "one of " + Stage.ids() + " and OUTCOME one of "
                                + StepOutcome.ids());
            }
            if (outcomes.put(stage.get(), outcome.get()) != null) {
                throw new InputException("--outcome " + stage.get().id(), "given twice; give each stage once");
            }
        }
        return outcomes;
    }

    private dev.llmsafe.identity.ActorClassifier classifier() throws InputException {
        Path file = policyFile != null
                ? policyFile
                : Files.isRegularFile(Path.of("policy.yaml")) ? Path.of("policy.yaml") : null;
        return PolicyFiles.classifier(file, "--policy-file", List.of());
    }

    private interface Reader<I, T> {
        T read(I input) throws InputException;
    }
}
