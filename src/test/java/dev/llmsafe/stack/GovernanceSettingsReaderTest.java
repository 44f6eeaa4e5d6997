package dev.llmsafe.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.llmsafe.stack.GovernanceSettings.Account;
import dev.llmsafe.stack.GovernanceSettings.Team;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GovernanceSettingsReaderTest {
    /** As the project's policy.yaml would list them. */
    private static final Set<String> AI = Set.of("acme-code-agent");

    /** A valid platform stack; each test changes one thing. */
    private static Map<String, String> platform() {
        Map<String, String> c = new HashMap<>();
        c.put("kind", "platform");
        c.put("gcpProject", "acme-shop-prod");
        c.put("gcpRegion", "europe-west4");
        c.put("githubOwner", "acme");
        c.put("githubRepository", "shop");
        c.put("repositoryId", "712345678");
        c.put("ownerId", "98765432");
        c.put("stagingReviewers", "[{\"login\":\"alice\",\"id\":1001}]");
        c.put("productionApprovalReviewers", "[{\"login\":\"alice\",\"id\":1001}]");
        c.put("productionReviewers", "[{\"login\":\"bob\",\"id\":\"1002\"}]");
        c.put("productionReviewerTeams", "[{\"slug\":\"platform\",\"id\":42}]");
        c.put("requiredStatusChecks", "[\"build\",\"policy\"]");
        c.put("codeOwners", "[\"@acme/platform\"]");
        return c;
    }

    private static StackSettings read(Map<String, String> config) {
        return StackSettingsReader.read("platform", YamlStackConfig.of(config), PolicyFacts.withAiIdentities(AI));
    }

    /** The problems reported for a config that must be rejected. */
    private static List<ConfigProblem> problems(Map<String, String> config) {
        var e = catchThrowableOfType(InvalidConfigException.class, () -> read(config));
        assertThat(e).as("config must be rejected").isNotNull();
        return e.problems();
    }

    private static Map<String, String> with(String key, String value) {
        Map<String, String> c = platform();
        if (value == null) {
            c.remove(key);
        } else {
            c.put(key, value);
        }
        return c;
    }

    @Test
    void readsAValidPlatformConfigWithDefaults() {
        GovernanceSettings g = read(platform()).governance().orElseThrow();
        assertThat(g.approvalEnvironment()).isEqualTo("production-approval");
        assertThat(g.mainBranch()).isEqualTo("main");
        assertThat(g.stagingReviewers().users()).containsExactly(new Account("alice", 1001));
        assertThat(g.productionReviewers().users()).containsExactly(new Account("bob", 1002));
        assertThat(g.productionReviewers().teams()).containsExactly(new Team("platform", 42));
        assertThat(g.requiredApprovals()).isEqualTo(1);
        assertThat(g.requiredStatusChecks()).containsExactly("build", "policy");
        assertThat(g.codeOwnedPaths()).containsExactlyElementsOf(GovernanceSettings.GOVERNED_PATHS);
        assertThat(g.waitTimerMinutes()).isZero();
    }

    @Test
    void extraCodeOwnedPathsComeAfterTheGovernedOnes() {
        var c = with("codeOwnedPaths", "[\"/docs/operations/\", \"/.github/\"]");
        assertThat(read(c).governance().orElseThrow().codeOwnedPaths())
                .endsWith("/.mvn/", "/docs/operations/")
                .containsOnlyOnce("/.github/");
    }

    @Test
    void otherKindsIgnoreGovernanceKeysWithoutReportingThem() {
        var c = platform();
        c.put("kind", "staging");
        c.put("stagingReviewers", "not even a list");
        var settings = StackSettingsReader.read("staging", YamlStackConfig.of(c), PolicyFacts.withAiIdentities(AI));
        assertThat(settings.governance()).isEmpty();
    }

    @Test
    void productionWhoseTwoSetsAreOneAndTheSamePersonIsRejected() {
        var c = with("productionReviewers", "[{\"login\":\"alice\",\"id\":1001}]");
        assertThat(problems(c)).singleElement().satisfies(p -> {
            assertThat(p.key()).isEqualTo("productionReviewers");
            assertThat(p.value()).contains("alice");
            assertThat(p.fix()).contains("two distinct people").contains("teams do not count");
        });
    }

    @Test
    void teamsAloneDoNotSatisfyAProductionEnvironment() {
        var c = with("productionReviewers", "[]");
        assertThat(problems(c)).singleElement().satisfies(p -> {
            assertThat(p.key()).isEqualTo("productionReviewers");
            assertThat(p.fix()).contains("at least one person");
        });
    }

    @Test
    void eachReviewerListIsRequired() {
        for (String key : List.of("stagingReviewers", "productionApprovalReviewers", "productionReviewers")) {
            assertThat(problems(with(key, null))).as(key).anySatisfy(p -> {
                assertThat(p.key()).isEqualTo(key);
                assertThat(p.fix()).startsWith("required");
            });
        }
    }

    @Test
    void aConfiguredAiIdentityIsRejectedAsAReviewerByName() {
        var c = with(
                "productionReviewers", "[{\"login\":\"bob\",\"id\":1002},{\"login\":\"ACME-Code-Agent\",\"id\":7}]");
        assertThat(problems(c)).singleElement().satisfies(p -> {
            assertThat(p.key()).isEqualTo("productionReviewers");
            assertThat(p.value()).isEqualTo("ACME-Code-Agent");
            assertThat(p.fix()).contains("AI identity");
        });
    }

    @Test
    void aBotIsRejectedAsAReviewerEvenWhenNotConfigured() {
        var c = with(
                "stagingReviewers",
                "[{\"login\":\"alice\",\"id\":1001},{\"login\":\"renovate[bot]\",\"id\":29139614}]");
        assertThat(problems(c)).singleElement().satisfies(p -> {
            assertThat(p.key()).isEqualTo("stagingReviewers");
            assertThat(p.value()).isEqualTo("renovate[bot]");
            assertThat(p.fix()).contains("bot account");
        });
    }

    @Test
    void anAiOrBotCodeOwnerIsRejectedByName() {
        assertThat(problems(with("codeOwners", "[\"@acme/platform\", \"@acme-code-agent\"]")))
                .singleElement()
                .satisfies(p -> assertThat(p.value()).isEqualTo("@acme-code-agent"));
        assertThat(problems(with("codeOwners", "[\"@dependabot[bot]\"]")))
                .singleElement()
                .satisfies(p -> assertThat(p.value()).isEqualTo("@dependabot[bot]"));
    }

    @Test
    void malformedReviewerEntriesAreRejectedWithTheEntry() {
        assertThat(problems(with("stagingReviewers", "[{\"login\":\"alice\",\"id\":0}]")))
                .singleElement()
                .satisfies(p -> assertThat(p.value()).contains("alice id 0"));
        assertThat(problems(with("stagingReviewers", "[{\"login\":\"alice\",\"id\":\"12ab\"}]")))
                .singleElement()
                .satisfies(p -> assertThat(p.fix()).contains("gh api users/alice"));
        assertThat(problems(with("stagingReviewers", "[{\"login\":\"alice\",\"id\":99999999999}]")))
                .singleElement()
                .satisfies(p -> assertThat(p.value()).contains("99999999999"));
        assertThat(problems(with("stagingReviewers", "[{\"login\":\"alice\",\"uid\":1001}]")))
                .singleElement()
                .satisfies(p -> assertThat(p.value()).contains("uid"));
        assertThat(problems(with("stagingReviewers", "[{\"login\":\"al ice\",\"id\":1001}]")))
                .singleElement()
                .satisfies(p -> assertThat(p.value()).contains("al ice"));
        assertThat(problems(with("stagingReviewers", "alice")))
                .singleElement()
                .satisfies(p -> assertThat(p.fix()).contains("must be a list"));
        assertThat(problems(with("productionReviewerTeams", "[{\"slug\":\"plat form\",\"id\":42}]")))
                .singleElement()
                .satisfies(p -> assertThat(p.fix()).contains("orgs/acme/teams/SLUG"));
    }

    @Test
    void aLoginWithTwoIdsOrAnIdWithTwoLoginsIsRejected() {
        assertThat(problems(with("productionReviewers", "[{\"login\":\"alice\",\"id\":1002}]")))
                .anySatisfy(p -> assertThat(p.fix()).contains("alice is also listed with id 1001"));
        assertThat(problems(with("productionReviewers", "[{\"login\":\"mallory\",\"id\":1001}]")))
                .anySatisfy(p -> assertThat(p.fix()).contains("id 1001 is also listed as alice"));
    }

    @Test
    void duplicatesAndTooManyReviewersAreRejected() {
        assertThat(problems(with(
                        "stagingReviewers", "[{\"login\":\"alice\",\"id\":1001},{\"login\":\"alice\",\"id\":1001}]")))
                .singleElement()
                .satisfies(p -> assertThat(p.fix()).contains("listed twice"));
        StringBuilder seven = new StringBuilder("[");
        for (int i = 1; i <= 7; i++) {
            seven.append(i > 1 ? "," : "")
                    .append("{\"login\":\"user")
                    .append(i)
                    .append("\",\"id\":")
                    .append(2000 + i)
                    .append('}');
        }
        assertThat(problems(with("productionReviewers", seven.append(']').toString())))
                .singleElement()
                .satisfies(p -> assertThat(p.value()).startsWith("8 users and teams"));
    }

    @Test
    void scalarKeysAreCheckedWithTheirBadValue() {
        assertThat(problems(with("productionApprovalEnvironment", "production")))
                .singleElement()
                .satisfies(p -> assertThat(p.fix()).contains("must differ"));
        assertThat(problems(with("mainBranch", "ma..in")))
                .singleElement()
                .satisfies(p -> assertThat(p.value()).isEqualTo("ma..in"));
        assertThat(problems(with("requiredApprovals", "0")))
                .singleElement()
                .satisfies(p -> assertThat(p.key()).isEqualTo("requiredApprovals"));
        assertThat(problems(with("waitTimerMinutes", "43201")))
                .singleElement()
                .satisfies(p -> assertThat(p.value()).isEqualTo("43201"));
        assertThat(problems(with("codeOwnedPaths", "[\"/../etc\"]")))
                .singleElement()
                .satisfies(p -> assertThat(p.value()).isEqualTo("/../etc"));
        assertThat(problems(with("codeOwners", "[\"acme/platform\"]")))
                .singleElement()
                .satisfies(p -> assertThat(p.value()).isEqualTo("acme/platform"));
        assertThat(problems(with("aiIdentities", "[\"acme-code-agent\"]")))
                .singleElement()
                .satisfies(p -> assertThat(p.fix()).contains("policy.yaml's aiIdentities"));
    }

    @Test
    void statusChecksAndCodeOwnersAreRequiredAndNonEmpty() {
        for (String key : List.of("requiredStatusChecks", "codeOwners")) {
            assertThat(problems(with(key, null)))
                    .as(key)
                    .singleElement()
                    .satisfies(p -> assertThat(p.fix()).startsWith("required"));
            assertThat(problems(with(key, "[]")))
                    .as(key)
                    .singleElement()
                    .satisfies(p -> assertThat(p.key()).isEqualTo(key));
        }
        assertThat(problems(with("requiredStatusChecks", "[\"build\",\"build\"]")))
                .singleElement()
                .satisfies(p -> assertThat(p.fix()).contains("listed twice"));
    }
}
