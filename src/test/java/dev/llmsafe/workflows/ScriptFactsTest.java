package dev.llmsafe.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.llmsafe.cli.CliRun;
import dev.llmsafe.components.StateBackendArgs;
import dev.llmsafe.naming.StackNames;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The facts the workflow scripts repeat in bash agree with their one home in the code: the review stack's name
 * ({@link StackNames}) and the state bucket's default history ({@link StateBackendArgs}). Each script runs for real.
 */
class ScriptFactsTest {
    private static final List<String> NAMES = List.of(
            "pr-1",
            "pr-42",
            "pr-999999999",
            "pr-0",
            "pr-007",
            "pr-1000000000",
            "PR-4",
            "pr-",
            "pr-4a",
            "staging",
            "xpr-4",
            "pr-4/x");

    @TempDir
    Path dir;

    @Test
    void benchEngineAcceptsExactlyTheReviewStacksStackNamesDoes() throws Exception {
        String check = Files.readAllLines(CliRun.projectDir().resolve(".ci/bench-engine")).stream()
                .filter(l -> l.startsWith("[[ \"$stack\" =~"))
                .findFirst()
                .orElseThrow(() -> new AssertionError(".ci/bench-engine no longer checks the stack name"));
        List<String> accepted = new ArrayList<>();
        for (String name : NAMES) {
            var run =
                    new ScriptSandbox(dir).bash("stack=\"$NAME\"; " + check + "; echo accepted", Map.of("NAME", name));
            assertThat(run.exit()).as(name + ": " + run.output()).isIn(0, 2);
            if (run.exit() == 0) {
                accepted.add(name);
            }
        }
        assertThat(accepted)
                .isEqualTo(NAMES.stream().filter(StackNames::isReview).toList())
                .containsExactly("pr-1", "pr-42", "pr-999999999");
    }

    @Test
    void stackConfigSelectsTheReviewStackOfItsPullRequest() throws Exception {
        Path checkout = Files.createDirectories(dir.resolve("checkout"));
        Files.copy(CliRun.projectDir().resolve("Pulumi.review.yaml"), checkout.resolve("Pulumi.review.yaml"));
        var sandbox = new ScriptSandbox(dir).fake("pulumi", "[ \"$1 $2\" = 'stack ls' ] && echo '[]'; exit 0");
        Path scripts = CliRun.projectDir().resolve(".github/scripts");
        var run = sandbox.bash(
                "cd \"$STATE/checkout\" && " + scripts.resolve("stack-config.sh"),
                Map.of(
                        "PR_NUMBER",
                        "42",
                        "PR_BRANCH",
                        "feature/x",
                        "PR_SHA",
                        "a".repeat(40),
                        "PULUMI_SECRETS_PROVIDER",
                        "passphrase"));
        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(run.calls())
                .contains("pulumi stack init " + StackNames.review(42) + " --secrets-provider passphrase");
        assertThat(checkout.resolve("Pulumi." + StackNames.review(42) + ".yaml"))
                .exists();
    }

    @Test
    void theWorkflowsNameReviewStacksWithTheReviewPrefix() {
        List<String> stacks = new ArrayList<>();
        for (String file : Workflows.files()) {
            Workflows.load(file).path("jobs").forEach(job -> {
                JsonNode stack = job.path("env").path("STACK");
                if (stack.isTextual() && stack.asText().contains("pull_request.number")) {
                    stacks.add(stack.asText());
                }
            });
        }
        assertThat(stacks)
                .isNotEmpty()
                .allSatisfy(s ->
                        assertThat(s).isEqualTo(StackNames.REVIEW_PREFIX + "${{ github.event.pull_request.number }}"));
    }

    @Test
    void theStateBucketScriptKeepsTheHistoryTheStateBackendDeclares() throws Exception {
        var sandbox = new ScriptSandbox(dir)
                .fake(
                        "gcloud",
                        String.join(
                                "\n",
                                "case \"$2 $3\" in",
                                "  'buckets describe') echo 'HTTPError 404: The specified bucket does not exist.' >&2; exit 1 ;;",
                                "  'buckets update') for a in \"$@\"; do case \"$a\" in --lifecycle-file=*) cp \"${a#*=}\" \"$STATE/lifecycle.json\" ;; esac; done; exit 0 ;;",
                                "esac"));
        var run = sandbox.bash(".github/scripts/ensure-state-bucket.sh acme-state acme-shop EU", Map.of());
        assertThat(run.exit()).as(run.output()).isZero();
        JsonNode rules = new ObjectMapper()
                .readTree(dir.resolve("lifecycle.json").toFile())
                .path("rule");
        List<String> conditions = new ArrayList<>();
        rules.forEach(r -> conditions.add(r.path("condition").toString()));
        assertThat(conditions)
                .containsExactlyInAnyOrder(
                        "{\"daysSinceNoncurrentTime\":" + StateBackendArgs.DEFAULT_NONCURRENT_VERSION_DAYS
                                + ",\"isLive\":false}",
                        "{\"numNewerVersions\":" + StateBackendArgs.DEFAULT_MAX_NONCURRENT_VERSIONS
                                + ",\"isLive\":false}");
    }
}
