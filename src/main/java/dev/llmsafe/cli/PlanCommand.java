package dev.llmsafe.cli;

import dev.llmsafe.plan.OfflinePlanner;
import dev.llmsafe.plan.PlanDocument;
import dev.llmsafe.plan.PlanJson;
import dev.llmsafe.plan.PlanMarkdownRenderer;
import dev.llmsafe.plan.PlanTextRenderer;
import dev.llmsafe.stack.ConfigOverrides;
import dev.llmsafe.stack.StackSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code llmsafe plan}: what a stack would create, from its config file, with no cloud and no Pulumi CLI. */
@Command(
        name = "plan",
        mixinStandardHelpOptions = true,
        description = {
            "Shows what a stack would create, offline.",
            "",
            "Runs the stack's real Pulumi program under Pulumi's mock engine (preview mode, deterministic ids, "
                    + "placeholder outputs) and prints the resources it would register, their inputs (secrets "
                    + "as [secret]) and the stack outputs. It needs no cloud account and no Pulumi CLI.",
            "",
            "App stacks show the chosen runtime and why in the outputs runtimeTarget and runtimeTargetReason.",
            "",
            "Stacks named pr-<N> may leave out the keys CI sets: prNumber comes from the stack name, and branch "
                    + "and commitSha get visible placeholders (stderr says which). Override them with --set, "
                    + "for example --set branch=release/1.4 --set prLabels=preview:cloudrun.",
            "",
            "Exit codes: 0 planned, 2 bad configuration or usage (the message names the key and the fix)."
        })
public final class PlanCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(
            names = "--stack",
            required = true,
            paramLabel = "NAME",
            description = "The stack to plan: platform, staging, production or pr-<N> (a pull request's).")
    String stack;

    @Option(
            names = "--config-file",
            paramLabel = "FILE",
            description =
                    "The config file (default: Pulumi.<stack>.yaml, or Pulumi.review.yaml for pr-<N> " + "stacks).")
    Path configFile;

    @Option(
            names = "--set",
            paramLabel = "KEY=VALUE",
            description = "Override one config key (repeatable); the llm-safe: prefix may be left out.")
    List<String> overrides = new ArrayList<>();

    @Option(
            names = "--format",
            paramLabel = "FORMAT",
            defaultValue = "text",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    PlanFormat format;

    @Option(
            names = "--project-dir",
            paramLabel = "DIR",
            defaultValue = ".",
            description = "Directory holding Pulumi.yaml and the stack config files (default: current).")
    Path projectDir;

    /** Output formats of the plan. */
    public enum PlanFormat {
        text,
        json,
        markdown
    }

    @Override
    public Integer call() throws IOException {
        var err = spec.commandLine().getErr();
        var offline = OfflinePlanner.settingsForPlan(
                projectDir, stack, Optional.ofNullable(configFile), ConfigOverrides.parse(overrides));
        StackSettings settings = offline.settings();
        offline.note().ifPresent(note -> err.println("llmsafe plan: note: " + note));
        PlanDocument plan = OfflinePlanner.plan(settings);
        var out = spec.commandLine().getOut();
        switch (format) {
            case json:
                out.println(PlanJson.write(plan));
                break;
            case markdown:
                out.print(PlanMarkdownRenderer.render(plan));
                break;
            default:
                out.print(PlanTextRenderer.render(plan));
        }
        out.flush();
        return ExitCodes.OK;
    }
}
