package dev.llmsafe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmsafe.stack.YamlStackConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every stack config the repository ships (Pulumi.&lt;stack&gt;.yaml at the root and under docs/examples) passes
 * `llmsafe policy check` under the repository's own policy.yaml: an example that fails its own policy teaches
 * people to switch the policy off.
 */
class ShippedConfigsPolicyTest {
    private static final Pattern STACK_FILE = Pattern.compile("Pulumi\\.([A-Za-z0-9_.-]+)\\.yaml");

    static List<Path> shippedConfigs(Path project) throws IOException {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> root = Files.list(project)) {
            root.filter(p -> STACK_FILE.matcher(p.getFileName().toString()).matches())
                    .forEach(out::add);
        }
        Path examples = project.resolve("docs/examples");
        if (Files.isDirectory(examples)) {
            try (Stream<Path> all = Files.walk(examples)) {
                all.filter(p -> STACK_FILE.matcher(p.getFileName().toString()).matches())
                        .forEach(out::add);
            }
        }
        out.sort(null);
        return out;
    }

    @TestFactory
    Stream<DynamicTest> everyShippedStackConfigPassesItsOwnPolicy() throws IOException {
        Path project = CliRun.projectDir();
        List<Path> configs = shippedConfigs(project);
        assertThat(configs)
                .as("the repository ships stack configs")
                .extracting(p -> p.getFileName().toString())
                .contains(
                        "Pulumi.platform.yaml", "Pulumi.review.yaml", "Pulumi.staging.yaml", "Pulumi.production.yaml");
        return configs.stream()
                .map(config ->
                        DynamicTest.dynamicTest(project.relativize(config).toString(), () -> {
                            Run run = check(project, config);
                            assertThat(run.exit()).as(run.out() + run.err()).isZero();
                            assertThat(run.out()).contains("PASSED").doesNotContain("FAIL ");
                        }));
    }

    record Run(int exit, String out, String err) {}

    /** `policy check --stack S --config-file F` as a person would run it; review configs plan as pr-1. */
    private static Run check(Path project, Path config) throws IOException {
        Matcher m = STACK_FILE.matcher(config.getFileName().toString());
        assertThat(m.matches()).isTrue();
        String kind = YamlStackConfig.load(config, Map.of()).get("kind").orElse(m.group(1));
        String stack = kind.equals("review") ? "pr-1" : m.group(1);
        var run = PolicyCheckCommandTest.run(
                "policy",
                "check",
                "--project-dir",
                project.toString(),
                "--policy",
                project.resolve("policy.yaml").toString(),
                "--stack",
                stack,
                "--config-file",
                config.toString());
        return new Run(run.exit(), run.out(), run.err());
    }
}
