package dev.llmsafe.engine;

import static dev.llmsafe.engine.GithubStandIn.JSON;
import static dev.llmsafe.engine.GovernanceConfig.CODE_OWNED;
import static dev.llmsafe.engine.GovernanceConfig.CODE_OWNERS;
import static dev.llmsafe.engine.GovernanceConfig.NEW_CODE_OWNERS;
import static dev.llmsafe.engine.GovernanceConfig.OWNER;
import static dev.llmsafe.engine.GovernanceConfig.REPO;
import static dev.llmsafe.engine.GovernanceConfig.SERVICE_ACCOUNT;
import static dev.llmsafe.engine.GovernanceConfig.TOKEN;
import static dev.llmsafe.engine.GovernanceConfig.config;
import static dev.llmsafe.engine.GovernanceRequestChecks.REPO_API;
import static dev.llmsafe.engine.GovernanceRequestChecks.assertAuthenticated;
import static dev.llmsafe.engine.GovernanceRequestChecks.assertEnvironments;
import static dev.llmsafe.engine.GovernanceRequestChecks.assertRuleset;
import static dev.llmsafe.engine.GovernanceRequestChecks.reviewers;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmsafe.components.CodeOwnersFile;
import dev.llmsafe.providers.github.GithubPackage;
import dev.llmsafe.workflows.Workflows;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The GitHub governance on the real engine and the real github provider, against a stand-in of GitHub's REST API:
 * {@code pulumi up}, a second {@code up} with changed config (code owners included) from a fresh runner (new
 * checkout, new PULUMI_HOME, the same state backend), then {@code pulumi destroy --remove}. The assertions are on what GitHub was asked.
 */
class GovernanceEngineIT {
    /** How Pulumi state marks a secret: this key with this value, next to the ciphertext. */
    private static final String SECRET_SIG = "4dabf18193072939515e22adb298388d";

    private static final String SECRET_VALUE = "1b47061264138c4ac30d75fd1eb44270";

    @TempDir
    Path tmp;

    private GithubStandIn github;
    private EngineSandbox sandbox;
    private long rulesetId;

    @BeforeEach
    void start() throws Exception {
        Path plugin = Path.of(
                EngineToolchain.environment().get("PULUMI_HOME"),
                "plugins",
                "resource-github-v" + GithubPackage.VERSION);
        assertThat(plugin)
                .as("the toolchain installs the github provider plugin the bindings pin (.ci/engine-toolchain)")
                .isDirectory();
        github = new GithubStandIn(OWNER, REPO, 2000);
        sandbox = new EngineSandbox(tmp);
        runnerEnvironment();
    }

    @AfterEach
    void stop() {
        github.close();
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.MINUTES)
    void upTwiceFromTwoRunnersThenDestroy() throws Exception {
        GovernanceProject.write(sandbox, config(1001, List.of("build")));
        GovernanceProject.pulumi(sandbox, github, "stack", "init", "--secrets-provider", "passphrase");
        GovernanceProject.pulumi(sandbox, github, "up", "--yes", "--non-interactive");
        assertThat(github.unknown())
                .as("requests the stand-in does not implement")
                .isEmpty();
        rulesetId = Long.parseLong(GovernanceProject.pulumi(sandbox, github, "stack", "output", "rulesetId")
                .stdout()
                .strip());
        assertFirstUp(new GovernanceRequests(github.requests()));
        assertTokenIsSecretInState();
        String salt = stateSalt();
        // What the provider reads back must match what the program asks for, or every run would change GitHub.
        GovernanceProject.pulumi(sandbox, github, "preview", "--refresh", "--expect-no-changes", "--non-interactive");

        github.clearRequests();
        sandbox.freshRunner();
        runnerEnvironment();
        GovernanceProject.write(sandbox, config(1005, List.of("build", "engine-tests"), NEW_CODE_OWNERS));
        GovernanceProject.pulumi(sandbox, github, "stack", "select");
        GovernanceProject.pulumi(sandbox, github, "up", "--yes", "--non-interactive");
        assertThat(github.unknown()).isEmpty();
        assertSecondUp(new GovernanceRequests(github.requests()));
        assertCodeOwnersChangeThroughPullRequests();
        assertThat(stateSalt())
                .as("the new runner kept the stack's key instead of making one")
                .isEqualTo(salt);
        assertTokenIsSecretInState();

        github.clearRequests();
        GovernanceProject.pulumi(sandbox, github, "destroy", "--yes", "--non-interactive", "--remove");
        assertThat(github.unknown()).isEmpty();
        assertDestroy(new GovernanceRequests(github.requests()));
    }

    private void assertFirstUp(GovernanceRequests requests) {
        assertAuthenticated(requests);
        assertEnvironments(requests);

        assertThat(requests.lastBody("PUT", REPO_API + "/actions/permissions/workflow"))
                .isEqualTo(JSON.createObjectNode()
                        .put("default_workflow_permissions", "read")
                        .put("can_approve_pull_request_reviews", false));

        JsonNode codeOwners = requests.lastBody("PUT", REPO_API + "/contents/" + CodeOwnersFile.PATH);
        assertThat(decode(codeOwners.path("content").asText()))
                .isEqualTo(CodeOwnersFile.render(CODE_OWNERS, CODE_OWNED));
        assertThat(codeOwners.path("branch").asText()).isEqualTo("main");
        assertThat(codeOwners.path("message").asText()).endsWith("[skip ci]");
        assertThat(github.contents.content(CodeOwnersFile.PATH))
                .isEqualTo(CodeOwnersFile.render(CODE_OWNERS, CODE_OWNED));

        JsonNode ruleset = requests.lastBody("POST", REPO_API + "/rulesets");
        assertThat(requests.index("POST", REPO_API + "/rulesets"))
                .as("CODEOWNERS is committed before the rules forbid unreviewed pushes")
                .isGreaterThan(requests.index("PUT", REPO_API + "/contents/" + CodeOwnersFile.PATH));
        assertRuleset(ruleset, List.of("build"));
        assertThat(reviewers(requests.lastBody("PUT", REPO_API + "/environments/production-approval")))
                .containsExactlyInAnyOrder("User 1002", "Team 2001");
    }

    private void assertSecondUp(GovernanceRequests requests) {
        assertAuthenticated(requests);
        assertThat(reviewers(requests.lastBody("PUT", REPO_API + "/environments/staging")))
                .as("the changed reviewer")
                .containsExactly("User 1005");
        assertRuleset(
                requests.lastBody("PUT", REPO_API + "/rulesets/" + rulesetId()), List.of("build", "engine-tests"));
        assertThat(requests.bodies("PATCH", REPO_API + "/environments/staging/variables/" + SERVICE_ACCOUNT))
                .singleElement()
                .satisfies(v -> assertThat(v.path("value").asText()).isEqualTo("deployer-staging-2@acme.iam.example"));
        assertThat(requests.bodies("POST", REPO_API + "/rulesets"))
                .as("the ruleset is updated, not replaced")
                .isEmpty();
        assertThat(requests.withMethod("DELETE"))
                .as("nothing deleted on an update")
                .isEmpty();
        assertThat(requests.bodies("PUT", REPO_API + "/contents/" + CodeOwnersFile.PATH))
                .as("changed code owners are not pushed to main, which the rules close to direct pushes")
                .isEmpty();
        assertThat(github.contents.content(CodeOwnersFile.PATH))
                .isEqualTo(CodeOwnersFile.render(CODE_OWNERS, CODE_OWNED));
    }

    /**
     * Why the stack leaves CODEOWNERS alone once it exists: GitHub now refuses a direct write to main, as it
     * refuses everyone; the change reaches main as a merged pull request, after which neither a preview nor
     * {@code up --refresh} finds anything to do.
     */
    private void assertCodeOwnersChangeThroughPullRequests() throws Exception {
        String path = REPO_API + "/contents/" + CodeOwnersFile.PATH;
        String sha = JSON.readTree(
                        github.call("GET", path + "?ref=main", null, TOKEN).body())
                .path("sha")
                .asText();
        String wanted = CodeOwnersFile.render(NEW_CODE_OWNERS, CODE_OWNED);
        var refused = github.call(
                "PUT",
                path,
                JSON.createObjectNode()
                        .put("message", "Update CODEOWNERS")
                        .put("branch", "main")
                        .put("sha", sha)
                        .put("content", Base64.getEncoder().encodeToString(wanted.getBytes(StandardCharsets.UTF_8))),
                TOKEN);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
        assertThat(JSON.readTree(refused.body()).path("message").asText())
                .startsWith("Repository rule violations found")
                .contains("Changes must be made through a pull request.");

        github.contents.mergePullRequest(CodeOwnersFile.PATH, wanted);
        github.clearRequests();
        GovernanceProject.pulumi(sandbox, github, "preview", "--refresh", "--expect-no-changes", "--non-interactive");
        // The refresh records the merged file's blob, which the destroy below must name to delete it.
        GovernanceProject.pulumi(sandbox, github, "up", "--refresh", "--yes", "--non-interactive");
        assertThat(github.unknown()).isEmpty();
        assertThat(new GovernanceRequests(github.requests()).withMethod("PUT"))
                .as("nothing left to write")
                .isEmpty();
        assertThat(github.contents.content(CodeOwnersFile.PATH)).isEqualTo(wanted);
    }

    private void assertDestroy(GovernanceRequests requests) throws Exception {
        for (String env : List.of("review", "staging", "production-approval", "production")) {
            assertThat(requests.bodies("DELETE", REPO_API + "/environments/" + env))
                    .as(env)
                    .hasSize(1);
        }
        assertThat(requests.bodies("DELETE", REPO_API + "/rulesets/" + rulesetId()))
                .hasSize(1);
        assertThat(requests.lastBody("DELETE", REPO_API + "/contents/" + CodeOwnersFile.PATH)
                        .path("sha")
                        .asText())
                .isNotEmpty();
        assertThat(github.environments.names()).isEmpty();
        assertThat(github.contents.content(CodeOwnersFile.PATH)).isNull();
        var stacks = sandbox.pulumi("stack", "ls", "--json");
        assertThat(stacks.exit()).as(stacks.output()).isZero();
        assertThat(JSON.readTree(stacks.stdout()))
                .as("destroy --remove removed the stack")
                .isEmpty();
    }

    /**
     * The provider's token in the stored state: a secret in its inputs and outputs, its text nowhere, and this
     * runner decrypts it with the stack's key.
     */
    private void assertTokenIsSecretInState() throws Exception {
        var export = GovernanceProject.pulumi(sandbox, github, "stack", "export");
        assertThat(export.stdout()).doesNotContain(TOKEN);
        JsonNode provider = githubProvider(export.stdout());
        for (String field : List.of("inputs", "outputs")) {
            assertThat(provider.path(field).path("token").path(SECRET_SIG).asText())
                    .as("%s.token is a secret", field)
                    .isEqualTo(SECRET_VALUE);
        }
        var decrypted = GovernanceProject.pulumi(sandbox, github, "stack", "export", "--show-secrets");
        assertThat(githubProvider(decrypted.stdout())
                        .path("inputs")
                        .path("token")
                        .path("plaintext")
                        .asText())
                .as("the stored token decrypts on this runner")
                .isEqualTo("\"" + TOKEN + "\"");
    }

    private static JsonNode githubProvider(String export) throws Exception {
        return StreamSupport.stream(
                        JSON.readTree(export)
                                .path("deployment")
                                .path("resources")
                                .spliterator(),
                        false)
                .filter(r -> r.path("type").asText().equals("pulumi:providers:github"))
                .findFirst()
                .orElseThrow();
    }

    /** The salt the stack's state records for its passphrase secrets manager: the stack's key. */
    private String stateSalt() throws Exception {
        var export = GovernanceProject.pulumi(sandbox, github, "stack", "export");
        JsonNode providers = JSON.readTree(export.stdout()).path("deployment").path("secrets_providers");
        assertThat(providers.path("type").asText()).isEqualTo("passphrase");
        return providers.path("state").path("salt").asText();
    }

    private long rulesetId() {
        return rulesetId;
    }

    /** A deploying runner's environment: the promotion workflow's, and the provider's URL and token. */
    private void runnerEnvironment() {
        sandbox.env(Workflows.staticEnv("promote.yml"))
                .env("GITHUB_BASE_URL", github.baseUrl())
                .env("GITHUB_TOKEN", TOKEN);
    }

    private static String decode(String base64) {
        return new String(Base64.getMimeDecoder().decode(base64), StandardCharsets.UTF_8);
    }
}
