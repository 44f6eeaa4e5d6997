package dev.llmsafe.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every Maven build checks the format first (pom.xml binds the check to validate). The workflows check it once,
 * in the jobs that run {@code ./mvnw -B verify}; a step that only builds the program (a preview, the reaper, the
 * base revision's checker) skips it, so a preview is never refused for a commit's formatting.
 */
class WorkflowMavenBuildsTest {
    @Test
    void buildOnlyStepsSkipTheFormatCheckAndVerifyStepsKeepIt() {
        List<String> builds = new ArrayList<>();
        List<String> verifies = new ArrayList<>();
        for (String file : Workflows.files()) {
            for (JsonNode job : Workflows.load(file).path("jobs")) {
                for (JsonNode step : job.path("steps")) {
                    String run = step.path("run").asText("");
                    if (run.contains("./mvnw") && run.contains(" package")) {
                        builds.add(file + ": " + run);
                    } else if (run.contains("./mvnw") && run.contains(" verify")) {
                        verifies.add(file + ": " + run);
                    }
                }
            }
        }
        assertThat(builds)
                .as("build-only Maven steps")
                .isNotEmpty()
                .allSatisfy(run -> assertThat(run).contains("-Dspotless.check.skip=true"));
        assertThat(verifies)
                .as("Maven verify steps")
                .isNotEmpty()
                .allSatisfy(run -> assertThat(run).doesNotContain("spotless.check.skip"));
    }
}
