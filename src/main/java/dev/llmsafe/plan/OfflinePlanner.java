package dev.llmsafe.plan;

import dev.llmsafe.stack.LlmSafeProgram;
import dev.llmsafe.stack.SecretText;
import dev.llmsafe.stack.StackSettings;
import dev.llmsafe.stack.StackSettingsReader;
import dev.llmsafe.stack.YamlStackConfig;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code llmsafe plan} without the CLI: reads a stack's YAML config the way {@code pulumi up} would see it,
 * validates it with the same reader as the engine path, and runs the real program under mocks.
 */
public final class OfflinePlanner {
    private static final Pattern REVIEW_STACK = Pattern.compile("pr-[0-9]+");

    private OfflinePlanner() {
    }

    /** The config file {@code pulumi} would use: review stacks share {@code Pulumi.review.yaml}. */
    public static Path defaultConfigFile(Path projectDir, String stack) {
        String file = REVIEW_STACK.matcher(stack).matches() ? "Pulumi.review.yaml" : "Pulumi." + stack + ".yaml";
        return projectDir.resolve(file);
    }

    /** Reads and validates settings; throws IOException (file) or InvalidConfigException (values). */
    public static StackSettings settings(Path projectDir, String stack, Optional<Path> configFile,
                                         Map<String, String> overrides) throws IOException {
        Path file = configFile.orElseGet(() -> defaultConfigFile(projectDir, stack));
        return StackSettingsReader.read(stack, YamlStackConfig.load(file, overrides));
    }

    public static PlanDocument plan(StackSettings settings) {
        return MockRun.run(StackSettings.NAMESPACE, settings.stackName(), settings.kind().configValue(),
                ctx -> LlmSafeProgram.define(ctx, settings), secretValues(settings));
    }

    /** Every secret the settings hold, so the plan can redact them wherever they appear. */
    static List<String> secretValues(StackSettings settings) {
        List<String> values = new ArrayList<>();
        settings.secrets().values().values().stream().map(SecretText::reveal).forEach(values::add);
        return values;
    }
}
