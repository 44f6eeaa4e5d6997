package dev.llmsafe.cli;

import dev.llmsafe.comment.Evidence;
import dev.llmsafe.comment.EvidenceComment;
import dev.llmsafe.comment.EvidenceReader;
import dev.llmsafe.policy.PolicyFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;

/** {@code llmsafe comment}: the pull request's evidence comment, in Markdown, on stdout. */
@Command(name = "comment", mixinStandardHelpOptions = true,
        description = {
                "Renders the one evidence comment of a pull request.",
                "",
                "Preview URL, runtime and why, logs and metrics links, change counts, policy verdicts, health",
                "check, seed and test status, approvals and the audit record's hash, then the policy details.",
                "A missing input file means that stage was not reached, and the comment says so. The hidden",
                "marker " + EvidenceComment.MARKER + " lets CI update the comment in place. Output is",
                "deterministic and at most 60,000 characters (details are trimmed first, never the summary).",
                "",
                "Exit codes: 0 rendered, 2 bad input (a file that is not what it should be)."})
public final class CommentCommand implements Callable<Integer> {
    private static final Pattern STACK = Pattern.compile("[A-Za-z0-9._-]{1,100}");

    @Spec
    CommandSpec spec;

    @Option(names = "--stack", required = true, paramLabel = "NAME", description = "The stack, e.g. pr-42.")
    String stack;

    @Option(names = "--outputs", paramLabel = "FILE", description = "`pulumi stack output --json`.")
    Path outputs;

    @Option(names = "--preview", paramLabel = "FILE", description = "`pulumi preview --json`.")
    Path preview;

    @Option(names = "--policy", paramLabel = "FILE", description = "`llmsafe policy check --format json`.")
    Path policy;

    @Option(names = "--verify", paramLabel = "FILE", description = "What `llmsafe verify` printed.")
    Path verify;

    @Option(names = "--checks", paramLabel = "FILE", description = "Seed and test outcomes (name=outcome lines).")
    Path checks;

    @Option(names = "--reviews", paramLabel = "FILE", description = "The PR's reviews: GET /repos/O/R/pulls/N/reviews.")
    Path reviews;

    @Option(names = "--policy-file", paramLabel = "FILE", defaultValue = "policy.yaml",
            description = "Policy file whose aiIdentities mark AI approvals (default: ${DEFAULT-VALUE}, if present).")
    Path policyFile;

    @Option(names = "--audit-hash", paramLabel = "SEQ:HASH", description = "The audit record of this deployment.")
    String auditHash;

    @Option(names = "--destroyed", paramLabel = "RESULT",
            description = "Render the 'preview removed' comment: destroyed, absent or failed.")
    String destroyed;

    @Override
    public Integer call() {
        var err = spec.commandLine().getErr();
        if (!STACK.matcher(stack).matches()) {
            err.println("llmsafe comment: --stack '" + stack + "' is not a stack name (e.g. pr-42)");
            return ExitCodes.BAD_INPUT;
        }
        if (destroyed != null && !List.of("destroyed", "absent", "failed").contains(destroyed)) {
            err.println("llmsafe comment: --destroyed '" + destroyed + "' must be destroyed, absent or failed");
            return ExitCodes.BAD_INPUT;
        }
        try {
            var classifier = PolicyFile.classifier(policyFile != null && Files.isRegularFile(policyFile)
                    ? policyFile : null, List.of());
            var evidence = new Evidence(stack, EvidenceReader.json(outputs), EvidenceReader.json(preview),
                    EvidenceReader.json(policy), EvidenceReader.text(verify), EvidenceReader.checks(checks),
                    EvidenceReader.json(reviews), Optional.ofNullable(auditHash).filter(h -> !h.isBlank()),
                    Optional.ofNullable(destroyed), classifier);
            var out = spec.commandLine().getOut();
            out.print(EvidenceComment.render(evidence));
            out.flush();
            return ExitCodes.OK;
        } catch (IOException e) {
            err.println("llmsafe comment: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
    }
}
