package dev.llmsafe.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmsafe.files.CliFiles;
import dev.llmsafe.plan.OfflinePlanner;
import dev.llmsafe.reaper.Moments;
import dev.llmsafe.reaper.PreviewTtl;
import dev.llmsafe.reaper.ReapDecision;
import dev.llmsafe.reaper.ReaperPlanner;
import dev.llmsafe.stack.ConfigReader;
import dev.llmsafe.stack.YamlStackConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code llmsafe reaper plan}: which preview stacks to destroy, one per line, for the reaper workflow. */
@Command(
        name = "reaper",
        mixinStandardHelpOptions = true,
        description = {
            "Chooses the preview stacks to destroy.",
            "",
            "Prints one line per pr-<N> stack: destroy<TAB>STACK<TAB>REASON or keep<TAB>STACK<TAB>REASON. "
                    + "A stack is destroyed when its pull request is no longer open, or when it has not been "
                    + "deployed for previewTtlDays (from the review config file, default 7) unless the pull "
                    + "request has the keep-preview label.",
            "",
            "Exit codes: 0 planned, 2 bad input."
        })
public final class ReaperCommand implements Callable<Integer> {
    private static final String STACKS =
            "the output of `pulumi stack ls --json` (a JSON array of stacks, each " + "with a name)";
    private static final String OPEN_PRS = "the output of `gh pr list --state open --json number,labels` (a JSON "
            + "array of pull requests, each with a number)";

    @Spec
    CommandSpec spec;

    @Option(
            names = "--stacks",
            required = true,
            paramLabel = "FILE",
            description = "What `pulumi stack ls --json` printed.")
    Path stacks;

    @Option(
            names = "--open-prs",
            required = true,
            paramLabel = "FILE",
            description = "What `gh pr list --state open --json number,labels` printed.")
    Path openPrs;

    @Option(
            names = "--config-file",
            defaultValue = "Pulumi.review.yaml",
            paramLabel = "FILE",
            description = "The review config, which holds previewTtlDays (default: ${DEFAULT-VALUE}).")
    Path configFile;

    @Option(
            names = "--project-dir",
            paramLabel = "DIR",
            defaultValue = ".",
            description = "Directory holding Pulumi.yaml, whose project-level config fills what the review config "
                    + "leaves unset, as the engine does (default: current).")
    Path projectDir;

    @Option(
            names = "--now",
            paramLabel = "TIME",
            description = "The time to judge at: a date (2025-01-31, midnight UTC) or an instant "
                    + "(2025-01-31T12:00:00Z) (default: the clock).")
    String now;

    @Override
    public Integer call() throws IOException {
        JsonNode stackList = CliFiles.readJsonArray(
                stacks,
                CliFiles.label("--stacks", stacks),
                STACKS,
                s -> s.path("name").isTextual());
        JsonNode prList = CliFiles.readJsonArray(
                openPrs,
                CliFiles.label("--open-prs", openPrs),
                OPEN_PRS,
                p -> p.path("number").canConvertToInt());
        ConfigReader config =
                new ConfigReader(YamlStackConfig.load(OfflinePlanner.projectFile(projectDir), configFile, Map.of()));
        int ttl = PreviewTtl.read(config);
        if (!config.problems().isEmpty()) {
            throw new BadInputException(config.problems().get(0).describe());
        }
        Instant at = now == null ? Instant.now() : Moments.parse("--now", now);
        List<ReapDecision> decisions = ReaperPlanner.plan(stackList, prList, ttl, at);
        var out = spec.commandLine().getOut();
        decisions.forEach(d -> out.println((d.destroy() ? "destroy" : "keep") + "\t" + d.stack() + "\t" + d.reason()));
        out.flush();
        return ExitCodes.OK;
    }
}
