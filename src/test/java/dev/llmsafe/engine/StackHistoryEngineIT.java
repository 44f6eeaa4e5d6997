package dev.llmsafe.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmsafe.plan.PlanReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What our readers take from the real engine's JSON: {@code pulumi preview --json} read as a plan (against a
 * golden file this engine produced), and {@code pulumi stack history --json} imported into the audit log, once.
 */
class StackHistoryEngineIT {
    /** A preview of the governance program by this engine, kept to show the reader the real format offline. */
    static final String GOLDEN = "engine-governance-preview.json";
    /** A preview of a changed config after an update: the steps of a second run (same, update). */
    static final String UPDATE_GOLDEN = "engine-governance-update-preview.json";
    /** {@code pulumi stack history --json} after two updates, for the importer's unit tests. */
    static final String HISTORY_GOLDEN = "engine-governance-history.json";

    @TempDir
    Path tmp;

    private GithubStandIn github;
    private EngineSandbox sandbox;

    @BeforeEach
    void start() throws Exception {
        github = new GithubStandIn(GovernanceConfig.OWNER, GovernanceConfig.REPO, 2000);
        sandbox = GovernanceProject.initialised(
                tmp, github, "promote.yml", platformKind(GovernanceConfig.config(1001, List.of("build"))));
    }

    @AfterEach
    void stop() {
        github.close();
    }

    @Test
    void thePreviewReadsAsAPlanOfWhatTheGoldenFileHolds() throws Exception {
        String json = GovernanceProject.pulumi(sandbox, github, "preview", "--json", "--non-interactive")
                .stdout();
        JsonNode live = EngineGolden.live(GOLDEN, json);
        JsonNode golden = EngineGolden.read(GOLDEN);
        assertThat(operations(live))
                .as("the live preview plans what the golden file holds")
                .isEqualTo(operations(golden));
        assertThat(live.path("diagnostics").findValuesAsText("message"))
                .as("the engine runs the installed plugins, not binaries it finds on PATH")
                .noneMatch(m -> m.contains("from $PATH"));

        var plan = PlanReader.read(json, "preview.json").plan();
        assertThat(plan.kind()).isEqualTo("platform");
        assertThat(plan.resources())
                .as("every step but the stack itself")
                .hasSize(live.path("steps").size() - 1)
                .noneMatch(r -> r.type().equals("pulumi:pulumi:Stack"));
        assertThat(plan.resources())
                .anySatisfy(r -> assertThat(r.type()).isEqualTo("github:index/repositoryRuleset:RepositoryRuleset"));
    }

    @Test
    void aPreviewAfterAnUpdatePlansWhatTheKeptUpdatePreviewHolds() throws Exception {
        GovernanceProject.pulumi(sandbox, github, "up", "--yes", "--non-interactive", "-m", "first governance");
        GovernanceProject.write(sandbox, platformKind(GovernanceConfig.config(1005, List.of("build", "engine-tests"))));

        String json = GovernanceProject.pulumi(sandbox, github, "preview", "--json", "--non-interactive")
                .stdout();

        JsonNode live = EngineGolden.live(UPDATE_GOLDEN, json);
        assertThat(operations(live))
                .as("the live preview plans what the kept file holds")
                .isEqualTo(operations(EngineGolden.read(UPDATE_GOLDEN)));
        assertThat(operations(live).keySet())
                .anyMatch(op -> op.startsWith("update "))
                .anyMatch(op -> op.startsWith("same "));
    }

    @Test
    void historyIsImportedOnceAndVerifies() throws Exception {
        GovernanceProject.pulumi(sandbox, github, "up", "--yes", "--non-interactive", "-m", "first governance");
        GovernanceProject.write(sandbox, platformKind(GovernanceConfig.config(1005, List.of("build", "engine-tests"))));
        GovernanceProject.pulumi(sandbox, github, "up", "--yes", "--non-interactive", "-m", "second governance");
        Path history = sandbox.checkout().resolve("history.json");
        String historyJson = GovernanceProject.pulumi(sandbox, github, "stack", "history", "--json")
                .stdout();
        Files.writeString(history, historyJson);
        assertThat(entries(EngineGolden.live(HISTORY_GOLDEN, historyJson)))
                .as("the engine's history reads as the kept file's")
                .isEqualTo(entries(EngineGolden.read(HISTORY_GOLDEN)));

        // The first import starts the log (--new), the second finds it.
        String importTwice = "for new in --new ''; do java -jar target/llm-safe.jar audit import-history --stack "
                + GovernanceProject.STACK + " --file history.json --actor 'github-actions[bot]' --log audit.jsonl"
                + " $new; done && java -jar target/llm-safe.jar audit verify --log audit.jsonl";
        var run = sandbox.bash(importTwice);

        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(run.stdout())
                .contains(
                        "imported 2 of 2 entries of stack " + GovernanceProject.STACK + " (0 already in the log)",
                        "imported 0 of 2 entries of stack " + GovernanceProject.STACK + " (2 already in the log)");
        List<String> records = Files.readAllLines(sandbox.checkout().resolve("audit.jsonl"));
        assertThat(records).hasSize(2);
        assertThat(String.join("\n", records))
                .contains("first governance", "second governance")
                .doesNotContain(GovernanceConfig.TOKEN);
    }

    /** Governance is part of the platform stack, and says so as the program's stacks do. */
    private static Map<String, Object> platformKind(Map<String, Object> config) {
        config.put("kind", "platform");
        return config;
    }

    /** Each history entry's kind, message, result and changes: what stays the same from run to run. */
    private static List<String> entries(JsonNode history) {
        List<String> entries = new ArrayList<>();
        history.forEach(e -> entries.add(e.path("kind").asText() + " "
                + e.path("message").asText() + " " + e.path("result").asText() + " " + e.path("resourceChanges")));
        return entries;
    }

    /** How many steps of each operation on each resource type. */
    private static Map<String, Integer> operations(JsonNode preview) {
        Map<String, Integer> ops = new TreeMap<>();
        for (JsonNode step : preview.path("steps")) {
            String type = step.path("newState")
                    .path("type")
                    .asText(step.path("oldState").path("type").asText());
            ops.merge(step.path("op").asText() + " " + type, 1, Integer::sum);
        }
        return ops;
    }
}
