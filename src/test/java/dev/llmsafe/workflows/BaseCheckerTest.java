package dev.llmsafe.workflows;

import static dev.llmsafe.workflows.Workflows.job;
import static dev.llmsafe.workflows.Workflows.load;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The judge comes from the base: the policy checks that decide a pull request build the base revision's checker
 * in a folder of its own and run it on the PR's checkout, in jobs with no cloud credentials. The PR's own code
 * (the checker, its build, the plan reader) never judges itself.
 */
class BaseCheckerTest {
    static final String CHECKER = "../base/target/llm-safe.jar";
    private static final Pattern USES = Pattern.compile("^\\s*(?:-\\s+)?uses:\\s*([^@\\s]+)@(\\S+)\\s*#\\s*(\\S+).*$");

    /** The jobs whose verdict decides a pull request: ci.yml's required check and the check on the preview. */
    private static List<JsonNode> judges() {
        return List.of(job("ci.yml", "policy"), job("pr-env.yml", "policy"));
    }

    private static JsonNode step(JsonNode job, Predicate<JsonNode> which, String what) {
        for (JsonNode s : job.path("steps")) {
            if (which.test(s)) {
                return s;
            }
        }
        throw new AssertionError(
                "no step that " + what + " in " + job.path("name").asText());
    }

    @Test
    void theJudgeIsBuiltFromTheBaseCheckoutAndRunOnThePrsCheckout() {
        for (JsonNode judge : judges()) {
            String name = judge.path("name").asText();
            JsonNode base = step(
                    judge,
                    s -> s.path("uses").asText().startsWith("actions/checkout@")
                            && s.path("with").path("path").asText().equals("base"),
                    "checks out the base");
            assertThat(base.path("with").path("ref").asText())
                    .as(name)
                    .matches("\\$\\{\\{ (steps\\.checker\\.outputs\\.sha"
                            + "|github\\.event\\.pull_request\\.base\\.sha) }}");
            JsonNode head = step(
                    judge,
                    s -> s.path("uses").asText().startsWith("actions/checkout@")
                            && s.path("with").path("path").asText().equals("head"),
                    "checks out the PR");
            assertThat(head.path("with").path("fetch-depth").asInt(-1))
                    .as(name + ": the diff needs history")
                    .isZero();

            JsonNode build = step(judge, s -> s.path("run").asText().contains("./mvnw"), "builds");
            assertThat(build.path("working-directory").asText())
                    .as(name + " builds the checker in")
                    .isEqualTo("base");
            judge.path("steps")
                    .forEach(s -> assertThat(s.path("run").asText().contains("./mvnw")
                                    && !s.path("working-directory").asText().equals("base"))
                            .as(name + ": nothing of the PR is built")
                            .isFalse());

            JsonNode check = step(judge, s -> s.path("run").asText().contains("policy check"), "runs the policy check");
            assertThat(check.path("working-directory").asText())
                    .as(name + " judges")
                    .isEqualTo("head");
            assertThat(check.path("run").asText())
                    .as(name)
                    .contains("java -jar " + CHECKER + " policy check", "--diff", "--workflows .github/workflows")
                    .doesNotContain("target/llm-safe.jar policy check --plan \"$EVIDENCE");
            assertThat(Workflows.indexOfStepRunning(judge, "policy check"))
                    .as(name + ": built before it judges")
                    .isGreaterThan(Workflows.indexOfStepRunning(judge, "./mvnw"));
        }
    }

    @Test
    void theJudgesHaveNoCloudCredentialsAndNoCacheThePrCouldHaveWritten() {
        for (JsonNode judge : judges()) {
            String name = judge.path("name").asText();
            assertThat(judge.path("permissions").has("id-token"))
                    .as(name + " id-token")
                    .isFalse();
            assertThat(judge.path("environment").isMissingNode())
                    .as(name + " environment")
                    .isTrue();
            assertThat(judge.path("steps").toString())
                    .as(name)
                    .doesNotContain("google-github-actions/auth", "secrets.", "actions/cache@");
            JsonNode java = step(judge, s -> s.path("uses").asText().startsWith("actions/setup-java@"), "sets up Java");
            assertThat(java.path("with").has("cache"))
                    .as(name + ": a Maven cache a PR's job saved must not feed the " + "judge's build")
                    .isFalse();
        }
    }

    @Test
    void thePreviewReachesTheJudgeAsAnArtifact() {
        JsonNode preview = job("pr-env.yml", "preview");
        JsonNode upload = step(preview, s -> s.path("uses").asText().startsWith("actions/upload-artifact@"), "uploads");
        assertThat(upload.path("with").path("path").asText()).endsWith("/preview.json");
        assertThat(Workflows.stepNames(preview).indexOf(upload.path("name").asText()))
                .isGreaterThan(Workflows.indexOfStepRunning(preview, "pulumi preview"));

        JsonNode judge = job("pr-env.yml", "policy");
        assertThat(judge.path("needs").asText()).isEqualTo("preview");
        assertThat(judge.path("if").asText())
                .as("runs, and fails, even when the preview failed")
                .contains("always()")
                .contains("github.event.pull_request.head.repo.full_name == github.repository");
        JsonNode download =
                step(judge, s -> s.path("uses").asText().startsWith("actions/download-artifact@"), "downloads");
        assertThat(download.path("with").path("name").asText())
                .isEqualTo(upload.path("with").path("name").asText());
        assertThat(step(judge, s -> s.path("run").asText().contains("policy check"), "checks")
                        .path("run")
                        .asText())
                .contains("--plan \"$RUNNER_TEMP/preview/preview.json\"");
    }

    @Test
    void everyActionIsPinnedToOneCommitAcrossTheWorkflows() throws Exception {
        Map<String, TreeSet<String>> pins = new TreeMap<>();
        for (String file : Workflows.files()) {
            for (String line : Files.readAllLines(Workflows.dir().resolve(file))) {
                var m = USES.matcher(line);
                if (m.matches()) {
                    pins.computeIfAbsent(m.group(1), a -> new TreeSet<>()).add(m.group(2) + " " + m.group(3));
                }
            }
        }
        List<String> several = new ArrayList<>();
        pins.forEach((action, refs) -> {
            if (refs.size() > 1) {
                several.add(action + " " + refs);
            }
        });
        assertThat(several).as("one pin per action").isEmpty();
        assertThat(pins).containsKeys("actions/checkout", "actions/upload-artifact", "actions/download-artifact");
    }

    @Test
    void theWorkflowsPromisesAreWrittenDown() throws Exception {
        String doc = Files.readString(dev.llmsafe.cli.CliRun.projectDir().resolve("docs/ci-policy.md"));
        assertThat(doc).contains("base revision's checker", "no cloud credentials");
        assertThat(load("ci.yml").path("jobs").path("policy").path("name").asText())
                .isEqualTo("policy check");
    }
}
