package dev.llmsafe.plan;

import dev.llmsafe.files.CliFiles;
import dev.llmsafe.naming.StackNames;
import dev.llmsafe.policy.PolicyFile;
import dev.llmsafe.policy.input.InputException;
import dev.llmsafe.stack.ConfigSource;
import dev.llmsafe.stack.LlmSafeProgram;
import dev.llmsafe.stack.SecretText;
import dev.llmsafe.stack.StackSettings;
import dev.llmsafe.stack.StackSettingsReader;
import dev.llmsafe.stack.YamlStackConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * {@code llmsafe plan} without the CLI: reads a stack's YAML config over Pulumi.yaml's project-level config, the
 * way {@code pulumi up} would see it, validates it with the same reader as the engine path, and runs the real
 * program under mocks.
 */
public final class OfflinePlanner {
    /** Stand-ins for the keys CI sets, chosen to be obviously fake in any plan they appear in. */
    public static final String PLACEHOLDER_BRANCH_PREFIX = "offline-placeholder/" + StackNames.REVIEW_PREFIX;

    public static final String PLACEHOLDER_COMMIT = "0000000000000000000000000000000000000000";

    private OfflinePlanner() {}

    /** The config file {@code pulumi} would use: review stacks share {@code Pulumi.review.yaml}. */
    public static Path defaultConfigFile(Path projectDir, String stack) {
        String file = StackNames.isReview(stack) ? "Pulumi.review.yaml" : "Pulumi." + stack + ".yaml";
        return projectDir.resolve(file);
    }

    /** The project file whose project-level config every stack reads. */
    public static Path projectFile(Path projectDir) {
        return projectDir.resolve("Pulumi.yaml");
    }

    /** Reads and validates settings; throws IOException (file) or InvalidConfigException (values). */
    public static StackSettings settings(
            Path projectDir, String stack, Optional<Path> configFile, Map<String, String> overrides)
            throws IOException {
        return StackSettingsReader.read(
                stack, config(projectDir, stack, configFile, overrides), PolicyFile.projectFacts(projectDir));
    }

    /** The stack's raw config as the engine would hand it over: the stack file over Pulumi.yaml's config. */
    public static YamlStackConfig config(
            Path projectDir, String stack, Optional<Path> configFile, Map<String, String> overrides)
            throws IOException {
        Path file = configFile.orElseGet(() -> defaultConfigFile(projectDir, stack));
        return YamlStackConfig.load(projectFile(projectDir), file, overrides);
    }

    /**
     * Settings for {@code llmsafe plan}: like {@link #settings}, except that a pull-request stack planned without
     * the keys CI sets gets them filled in: {@code prNumber} from the stack name, {@code branch} and
     * {@code commitSha} with visibly fake placeholders. Only the offline planner does this; the engine path
     * requires the real values.
     */
    public static OfflineSettings settingsForPlan(
            Path projectDir, String stack, Optional<Path> configFile, Map<String, String> overrides)
            throws IOException {
        Path file = configFile.orElseGet(() -> defaultConfigFile(projectDir, stack));
        if (configFile.isEmpty() && !Files.exists(file)) {
            throw new InputException(
                    "--stack " + CliFiles.shown(stack),
                    "has no config file " + file.getFileName() + " in " + projectDir + "; "
                            + KnownStacks.describe(projectDir));
        }
        Map<String, String> filled = reviewPlaceholders(stack, config(projectDir, stack, configFile, overrides));
        Map<String, String> all = new LinkedHashMap<>(filled);
        all.putAll(overrides);
        return new OfflineSettings(
                StackSettingsReader.read(
                        stack, config(projectDir, stack, configFile, all), PolicyFile.projectFacts(projectDir)),
                filled);
    }

    /** The review keys a config lacks, with offline stand-ins; empty for other stacks. */
    static Map<String, String> reviewPlaceholders(String stack, ConfigSource config) {
        OptionalInt pr = StackNames.pullRequest(stack);
        Map<String, String> filled = new LinkedHashMap<>();
        if (pr.isEmpty()) {
            return filled;
        }
        if (config.get("prNumber").isEmpty()) {
            filled.put("prNumber", Integer.toString(pr.getAsInt()));
        }
        if (config.get("branch").isEmpty()) {
            filled.put("branch", PLACEHOLDER_BRANCH_PREFIX + pr.getAsInt());
        }
        if (config.get("commitSha").isEmpty()) {
            filled.put("commitSha", PLACEHOLDER_COMMIT);
        }
        return filled;
    }

    /** Settings plus the keys filled in for an offline plan. */
    public record OfflineSettings(StackSettings settings, Map<String, String> placeholders) {
        /** What to tell the user about the filled-in keys, if any. */
        public Optional<String> note() {
            if (placeholders.isEmpty()) {
                return Optional.empty();
            }
            StringBuilder text = new StringBuilder(
                    "CI sets prNumber, branch and commitSha for pull-request stacks; " + "this offline plan filled in");
            placeholders.forEach((k, v) -> text.append(' ')
                    .append(k)
                    .append('=')
                    .append(v)
                    .append("prNumber".equals(k) ? " (from the stack name)," : " (placeholder),"));
            text.setLength(text.length() - 1);
            text.append('.');
            // The example names a key still filled in: never one the user has just set.
            Optional.ofNullable(
                            placeholders.containsKey("branch")
                                    ? "branch=release/1.4"
                                    : placeholders.containsKey("commitSha") ? "commitSha=$(git rev-parse HEAD)" : null)
                    .ifPresent(example -> text.append(" Override with --set KEY=VALUE, e.g. --set ")
                            .append(example));
            return Optional.of(text.toString());
        }
    }

    public static PlanDocument plan(StackSettings settings) {
        return MockRun.run(
                        StackSettings.NAMESPACE,
                        settings.stackName(),
                        settings.kind().configValue(),
                        ctx -> LlmSafeProgram.define(ctx, settings),
                        secretValues(settings))
                .withConfig(trustedConfig(settings));
    }

    /** The {@link PlanDocument#TRUSTED_CONFIG} values, as a real preview echoes them from the stack's config. */
    static Map<String, String> trustedConfig(StackSettings settings) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put(PlanDocument.REPOSITORY_ID, String.valueOf(settings.github().repositoryId()));
        config.put(PlanDocument.OWNER_ID, String.valueOf(settings.github().ownerId()));
        settings.runtime()
                .map(r -> r.cloudRun())
                .filter(c -> c != null && c.allowPublicInvoker())
                .ifPresent(c -> config.put(PlanDocument.ALLOW_PUBLIC_INVOKER, "true"));
        return config;
    }

    /** Every secret the settings hold, so the plan can redact them wherever they appear. */
    static List<String> secretValues(StackSettings settings) {
        List<String> values = new ArrayList<>();
        settings.secrets().values().values().stream().map(SecretText::reveal).forEach(values::add);
        settings.runtime()
                .flatMap(r -> r.railway().token())
                .map(SecretText::reveal)
                .ifPresent(values::add);
        return values;
    }
}
