package dev.llmsafe.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.llmsafe.reaper.PreviewTtl;
import dev.llmsafe.reaper.ReapDecision;
import dev.llmsafe.reaper.ReaperPlanner;
import dev.llmsafe.stack.ConfigReader;
import dev.llmsafe.stack.YamlStackConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code llmsafe reaper plan}: which preview stacks to destroy, one per line, for the reaper workflow. */
@Command(name = "reaper", mixinStandardHelpOptions = true,
        description = {
                "Chooses the preview stacks to destroy.",
                "",
                "Prints one line per pr-<N> stack: 'destroy<TAB>STACK<TAB>reason' or 'keep<TAB>STACK<TAB>reason'.",
                "A stack is destroyed when its pull request is no longer open, or when it has not been deployed",
                "for previewTtlDays (from the review config file, default 7) unless the PR has the keep-preview",
                "label. Exit codes: 0 planned, 2 bad input."})
public final class ReaperCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--stacks", required = true, paramLabel = "FILE", description = "Output of `pulumi stack ls --json`.")
    Path stacks;

    @Option(names = "--open-prs", required = true, paramLabel = "FILE",
            description = "Output of `gh pr list --state open --json number,labels`.")
    Path openPrs;

    @Option(names = "--config-file", defaultValue = "Pulumi.review.yaml", paramLabel = "FILE",
            description = "Review config holding previewTtlDays (default: ${DEFAULT-VALUE}).")
    Path configFile;

    @Option(names = "--now", paramLabel = "INSTANT", description = "Current time, ISO-8601 (default: the clock).")
    String now;

    @Override
    public Integer call() {
        var err = spec.commandLine().getErr();
        try {
            ObjectMapper json = new ObjectMapper();
            JsonNode stackList = json.readTree(stacks.toFile());
            JsonNode prList = json.readTree(openPrs.toFile());
            ConfigReader config = new ConfigReader(YamlStackConfig.load(configFile, Map.of()));
            int ttl = PreviewTtl.read(config);
            if (!config.problems().isEmpty()) {
                err.println("llmsafe reaper: " + config.problems().get(0).describe());
                return ExitCodes.BAD_INPUT;
            }
            Instant at = now == null ? Instant.now() : Instant.parse(now);
            List<ReapDecision> decisions = ReaperPlanner.plan(stackList, prList, ttl, at);
            var out = spec.commandLine().getOut();
            decisions.forEach(d -> out.println((d.destroy() ? "destroy" : "keep") + "\t" + d.stack() + "\t" + d.reason()));
            out.flush();
            return ExitCodes.OK;
        } catch (IOException | IllegalArgumentException | DateTimeParseException e) {
            err.println("llmsafe reaper: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
    }
}
