package dev.llmsafe.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StackSettingsReaderTest {

    private static List<ConfigProblem> problems(String stack, Map<String, String> config) {
        var e = catchThrowableOfType(InvalidConfigException.class, () -> ValidConfig.read(stack, config));
        assertThat(e).as("expected the config to be rejected").isNotNull();
        return e.problems();
    }

    private static ConfigProblem onlyProblem(String stack, Map<String, String> config) {
        var all = problems(stack, config);
        assertThat(all).hasSize(1);
        return all.get(0);
    }

    @Test
    void validPlatformConfigGivesTypedSettingsWithSecureDefaults() {
        var s = ValidConfig.read("platform", ValidConfig.platform());

        assertThat(s.kind()).isEqualTo(StackKind.PLATFORM);
        assertThat(s.github()).isEqualTo(new GithubRepository("acme", "shop", 712345678L, 98765432L));
        assertThat(s.environments().all()).containsExactly("review", "staging", "production");
        assertThat(s.stateBackend().bucketName()).isEqualTo("acme-shop-prod-pulumi-state");
        assertThat(s.stateBackend().location()).isEqualTo("EUROPE-WEST4");
        assertThat(s.stateBackend().noncurrentVersionDays()).isEqualTo(30);
        assertThat(s.stateBackend().maxNoncurrentVersions()).isEqualTo(20);
        assertThat(s.stateBackend().protect()).isTrue();
        assertThat(s.identity().deployerRoles()).containsOnlyKeys("review", "staging", "production");
        assertThat(s.review()).isEmpty();
        assertThat(s.baseLabels()).containsEntry("managed-by", "llm-safe").containsEntry("stack", "platform");
    }

    @Test
    void theRepositorysOwnExampleFilesAreValid() throws Exception {
        Path dir = Path.of(System.getProperty("llmsafe.projectDir", "."));
        var s = StackSettingsReader.read(
                "platform",
                YamlStackConfig.load(dir.resolve("Pulumi.yaml"), dir.resolve("Pulumi.platform.yaml"), Map.of()),
                PolicyFacts.defaults());
        assertThat(s.secrets().names()).contains("database-url");
        assertThat(s.labels()).containsEntry("team", "platform");
    }

    @Test
    void nonNumericRepositoryIdNamesKeyValueAndFix() {
        var c = ValidConfig.platform();
        c.put("repositoryId", "acme/shop");
        var p = onlyProblem("platform", c);
        assertThat(p.key()).isEqualTo("repositoryId");
        assertThat(p.describe()).contains("llm-safe:repositoryId", "\"acme/shop\"", "numeric", "gh api");
    }

    @Test
    void reviewStackNameMustAgreeWithPrNumber() {
        var p = onlyProblem("pr-7", ValidConfig.review(8));
        assertThat(p.key()).isEqualTo("prNumber");
        assertThat(p.describe()).contains("\"8\"", "pr-7", "set prNumber to 7");
    }

    @Test
    void reviewSettingsCarryThePullRequest() {
        var s = ValidConfig.read("pr-42", ValidConfig.review(42));
        assertThat(s.review())
                .contains(new ReviewTarget(42, "feature/login", "0123456789abcdef0123456789abcdef01234567"));
    }

    @Test
    void unknownKindListsTheAllowedValues() {
        var c = ValidConfig.platform();
        c.put("kind", "prod");
        var p = onlyProblem("platform", c);
        assertThat(p.describe()).contains("\"prod\"", "platform, review, staging, production");
    }

    @Test
    void zoneIsNotARegion() {
        var c = ValidConfig.platform();
        c.put("gcpRegion", "us-central1-a");
        assertThat(onlyProblem("platform", c).describe()).contains("gcpRegion", "us-central1-a", "not a zone");
    }

    @Test
    void kindAndStackNameMustAgree() {
        var c = ValidConfig.review(5);
        assertThat(onlyProblem("staging", c).describe()).contains("must be named pr-<N>");
        var p = ValidConfig.platform();
        assertThat(onlyProblem("pr-3", p).describe()).contains("kind must be review");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        var c = ValidConfig.platform();
        c.put("repositoryId", "x");
        c.put("ownerId", "0");
        c.remove("gcpProject");
        c.put("stateNoncurrentVersionDays", "-3");
        c.put("repositryId", "1");
        var keys = problems("platform", c).stream().map(ConfigProblem::key).toList();
        assertThat(keys)
                .containsExactlyInAnyOrder(
                        "repositoryId", "ownerId", "gcpProject", "stateNoncurrentVersionDays", "repositryId");
    }

    @Test
    void basicRolesAreNeverGrantedToCi() {
        var c = ValidConfig.platform();
        c.put("deployerRoles", "{\"production\": [\"roles/owner\"]}");
        assertThat(onlyProblem("platform", c).describe()).contains("roles/owner", "basic roles are never granted");
    }

    @Test
    void deployerRolesForAnUnknownEnvironmentAreRejected() {
        var c = ValidConfig.platform();
        c.put("deployerRoles", "{\"prod\": [\"roles/run.developer\"]}");
        assertThat(onlyProblem("platform", c).describe()).contains("\"prod\"", "is not an environment");
    }

    /** The policy check judges the environments policy.yaml names: a stack may not create others. */
    @Test
    void environmentNamesAreLeftToThePolicyFile() {
        for (String key : StackSettingsReader.ENVIRONMENT_KEYS) {
            var c = ValidConfig.platform();
            c.put(key, "prod");
            var p = onlyProblem("platform", c);
            assertThat(p.key()).isEqualTo(key);
            assertThat(p.describe()).contains("\"prod\"", "policy.yaml's environments", "remove " + key);
        }
        var names = new EnvironmentNames("pr", "stage", "live");
        var facts = new PolicyFacts(Set.of(), "main", names);
        var settings = StackSettingsReader.read("platform", YamlStackConfig.of(ValidConfig.platform()), facts);
        assertThat(settings.environments()).isEqualTo(names);
    }

    @Test
    void plainTextSecretValuesAreRejected() {
        var c = ValidConfig.platform();
        c.put("secretNames", "database-url");
        c.put("secretValues", "{\"staging-database-url\": \"postgres://u:p@h/db\"}");
        var p = onlyProblem("platform", c);
        assertThat(p.key()).isEqualTo("secretValues");
        assertThat(p.describe()).contains("pulumi config set --secret").doesNotContain("postgres://");
    }

    @Test
    void invalidBranchNamesAreRejected() {
        var c = ValidConfig.review(9);
        c.put("branch", "feature..x");
        assertThat(onlyProblem("pr-9", c).key()).isEqualTo("branch");
    }

    @Test
    void theRailwayTokenIsADeployerSecretNeverAnApps() {
        var c = ValidConfig.platform();
        c.put("secretNames", "database-url,railway-token");
        var p = onlyProblem("platform", c);
        assertThat(p.key()).isEqualTo("secretNames");
        assertThat(p.describe()).contains("\"railway-token\"", "deployerSecretNames");

        c.put("secretNames", "database-url");
        c.put("deployerSecretNames", "railway-token");
        assertThat(ValidConfig.read("platform", c).secrets().deployerNames()).containsExactly("railway-token");
    }

    @Test
    void aSecretIsListedForTheAppOrForTheDeployerNotBoth() {
        var c = ValidConfig.platform();
        c.put("secretNames", "database-url,registry-password");
        c.put("deployerSecretNames", "registry-password");
        var p = onlyProblem("platform", c);
        assertThat(p.key()).isEqualTo("deployerSecretNames");
        assertThat(p.describe()).contains("\"registry-password\"", "list each secret once");
    }

    /** Found by MalformedConfigProperties: text after a JSON value was dropped, so {@code {}0"} read as {@code {}}. */
    @Test
    void textAfterAStructuredValueIsRefusedNotDropped() {
        for (String[] bad : new String[][] {
            {"labels", "{}0\""},
            {"labels", "{\"team\": \"a\"} x"},
            {"deployerRoles", "{\"review\": []}]"},
            {"secretNames", "[\"database-url\"] trailing"}
        }) {
            var c = ValidConfig.platform();
            c.put(bad[0], bad[1]);
            var p = onlyProblem("platform", c);
            assertThat(p.key()).as(bad[1]).isEqualTo(bad[0]);
            assertThat(p.describe()).as(bad[1]).contains("not valid JSON/YAML");
        }
    }

    @Test
    void aValueThatDoesNotParseIsReportedOnce() {
        var c = ValidConfig.platform();
        c.put("labels", "{\"team\":");
        assertThat(onlyProblem("platform", c).describe()).contains("not valid JSON/YAML");
        c.put("labels", "[1]");
        assertThat(onlyProblem("platform", c).describe()).contains("must be a map");
    }
}
