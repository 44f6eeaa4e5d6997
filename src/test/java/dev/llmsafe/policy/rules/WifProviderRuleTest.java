package dev.llmsafe.policy.rules;

import static dev.llmsafe.policy.Fixtures.messages;
import static dev.llmsafe.policy.Fixtures.resource;
import static dev.llmsafe.policy.Fixtures.verdict;
import static org.assertj.core.api.Assertions.assertThat;

import dev.llmsafe.components.GithubActionsIdentity;
import dev.llmsafe.components.GithubActionsIdentityArgs;
import dev.llmsafe.plan.MockRun;
import dev.llmsafe.plan.PlannedResource;
import dev.llmsafe.policy.Fixtures;
import dev.llmsafe.policy.PlanView;
import dev.llmsafe.policy.PolicyFile;
import dev.llmsafe.policy.PolicyInput;
import dev.llmsafe.policy.Verdict;
import dev.llmsafe.stack.StackKind;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WifProviderRuleTest {
    private static final String PROVIDER = WifProviderRule.PROVIDER_TYPE;
    private static final String PINNED = "assertion.repository_id == '1' && assertion.repository_owner_id == '2'";
    private final WifProviderRule rule = new WifProviderRule();

    @Test
    void theProjectsOwnIdentityComponentPasses() {
        var plan = MockRun.run(
                "llm-safe",
                "platform",
                "platform",
                ctx -> new GithubActionsIdentity(
                        "gha",
                        new GithubActionsIdentityArgs(
                                "acme-shop",
                                "github",
                                "github-oidc",
                                712345678L,
                                98765432L,
                                Map.of("staging", "shop-deploy-staging"),
                                Map.of("staging", List.of("roles/run.developer"))),
                        null),
                List.of());
        var input = PolicyInput.builder(PolicyFile.defaults())
                .plan(PlanView.of(plan))
                .build();
        assertThat(plan.resources()).anyMatch(r -> r.type().equals(PROVIDER));
        assertThat(rule.check(input)).isEmpty();
    }

    /** A provider as GithubActionsIdentity writes it, with the condition given. */
    static PlannedResource provider(String name, String condition) {
        return provider(name, condition, GithubActionsIdentity.attributeMapping(), GithubActionsIdentity.ISSUER);
    }

    static PlannedResource provider(String name, Object condition, Object mapping, Object issuer) {
        Map<String, Object> inputs = new HashMap<>();
        inputs.put("attributeCondition", condition);
        inputs.put("attributeMapping", mapping);
        inputs.put("oidc", issuer == null ? null : List.of(Map.of("issuerUri", issuer)));
        inputs.values().removeIf(Objects::isNull);
        return resource(PROVIDER, name, inputs);
    }

    private List<String> judged(PlannedResource... providers) {
        return messages(rule, Fixtures.input(StackKind.PLATFORM, providers));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "assertion.repository_id == '1' && assertion.repository_owner_id == '2'",
                "(assertion.repository_owner_id=='2') && assertion.repository_id == \"1\" && assertion.ref == 'refs/heads/main'",
                "attribute.repository_id == '1' && attribute.repository_owner_id == '2' && (assertion.ref == 'a' || assertion.ref == 'b')",
                "'1' == assertion.repository_id && (assertion.ref == 'x' && ('2' == assertion.repository_owner_id))",
                "assertion.repository_id == '1' && assertion.repository_owner_id == '2' // pinned by id\n && true",
                "assertion.repository_id == '1' && assertion.repository_owner_id == '2' && assertion.sub != 'it\\'s || true'"
            })
    void conditionsPinningBothIdsPass(String condition) {
        assertThat(judged(provider("wif", condition))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "assertion.repository == 'acme/shop'",
                "assertion.repository_id == '1'",
                "assertion.repository_id == '1' || assertion.repository_owner_id == '2'",
                "assertion.repository_id == '1' && assertion.repository_owner_id == '2' || true",
                "assertion.repository_id == 'acme' && assertion.repository_owner_id == '2'",
                "assertion.repository_id == 1 && assertion.repository_owner_id == 2",
                "assertion.repository_id == '1' && assertion.repository_owner_id == '2' && assertion.repository_id == '3'",
                "!(assertion.repository_id == '1') && assertion.repository_owner_id == '2'",
                "!(assertion.repository_id == '1' && assertion.repository_owner_id == '2') == false",
                "[1].all(x, assertion.repository_id == '1' && assertion.repository_owner_id == '2')",
                "has(assertion.repository_id) && assertion.repository_owner_id == '2'",
                "assertion.repository_id == '1' && assertion.repository_owner_id == '2' &&",
                "assertion.repository_id == '1' && assertion.repository_owner_id == '2' /* || true */",
                "04da6b54-80e4-46f7-96ec-b56ff0331ba9"
            })
    void conditionsThatDoNotPinBothIdsFail(String condition) {
        assertThat(judged(provider("wif", condition)))
                .singleElement()
                .asString()
                .startsWith("Workload Identity provider wif ");
    }

    @Test
    void aProviderWithoutConditionFails() {
        assertThat(judged(
                        provider("wif", null, GithubActionsIdentity.attributeMapping(), GithubActionsIdentity.ISSUER)))
                .containsExactly("Workload Identity provider wif has no attribute condition, so any repository's "
                        + "workflows could authenticate");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://token.actions.githubusercontent.com/",
                "https://evil.example/",
                "HTTPS://token.actions.githubusercontent.com",
                "[secret]"
            })
    void anotherIssuerFails(String issuer) {
        var found = judged(provider("wif", PINNED, GithubActionsIdentity.attributeMapping(), issuer));
        assertThat(found).singleElement().asString().contains("trusts issuer", "not GitHub Actions'");
    }

    @Test
    void aProviderWithoutOidcFails() {
        assertThat(judged(provider("wif", PINNED, GithubActionsIdentity.attributeMapping(), null)))
                .singleElement()
                .asString()
                .contains("trusts issuer (not set)");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "'1'",
                "assertion.repository_owner_id",
                "assertion.repository_id + ''",
                " assertion.repository_id"
            })
    void anAttributeMappedFromAnythingButItsOwnClaimFailsAndPinsNothing(String source) {
        Map<String, String> mapping = new LinkedHashMap<>(GithubActionsIdentity.attributeMapping());
        mapping.put("attribute.repository_id", source);
        var found = judged(provider(
                "wif",
                "attribute.repository_id == '1' && attribute.repository_owner_id == '2'",
                mapping,
                GithubActionsIdentity.ISSUER));
        assertThat(found).hasSize(2);
        assertThat(found.get(0))
                .contains("maps attribute.repository_id from", "map it from assertion.repository_id exactly");
        assertThat(found.get(1)).contains("does not require a numeric repository_id");
    }

    @Test
    void onlyTheSubjectAndSameNamedAttributesMayBeMapped() {
        var found = judged(provider(
                "wif",
                PINNED,
                Map.of(
                        "google.subject",
                        "assertion.repository",
                        "google.groups",
                        "assertion.groups",
                        "attribute.Ref",
                        "assertion.Ref"),
                GithubActionsIdentity.ISSUER));
        assertThat(found).hasSize(3).allMatch(m -> m.contains("maps "));
        assertThat(judged(provider("wif", PINNED, "[secret]", GithubActionsIdentity.ISSUER)))
                .singleElement()
                .asString()
                .contains("has attributeMapping (secret)");
    }

    @Test
    void providersPinningDifferentRepositoriesFail() {
        var found = judged(
                provider("a", PINNED),
                provider("b", PINNED),
                provider("c", "assertion.repository_owner_id == '2' && assertion.repository_id == '3'"));
        assertThat(found)
                .singleElement()
                .asString()
                .startsWith("Workload Identity provider c pins repository_id '3'")
                .contains("but provider a says '1'", "another repository");
    }

    @Test
    void idsAreComparedWithTheStacksConfigWhereThePlanCarriesIt() {
        var plan = Fixtures.plan(StackKind.PLATFORM, provider("wif", PINNED))
                .withConfig(Map.of("repositoryId", "1", "ownerId", "3"));
        var found = messages(
                rule,
                PolicyInput.builder(PolicyFile.defaults())
                        .plan(PlanView.of(plan))
                        .build());
        assertThat(found)
                .singleElement()
                .asString()
                .contains("pins repository_owner_id '2'", "but the stack's config (ownerId) says '3'");
        var matching = Fixtures.plan(StackKind.PLATFORM, provider("wif", PINNED))
                .withConfig(Map.of("repositoryId", "1", "ownerId", "2"));
        assertThat(rule.check(PolicyInput.builder(PolicyFile.defaults())
                        .plan(PlanView.of(matching))
                        .build()))
                .isEmpty();
    }

    @Test
    void aPlanWithoutProvidersIsNotApplicableAndOneWithACompliantProviderPasses() {
        Verdict none =
                verdict(rule, Fixtures.input(StackKind.PLATFORM, resource("gcp:storage/bucket:Bucket", "b", Map.of())));
        assertThat(none.status()).isEqualTo(Verdict.Status.NOT_APPLICABLE);
        assertThat(none.note()).isEqualTo("no Workload Identity providers to judge");
        Verdict one = verdict(rule, Fixtures.input(StackKind.PLATFORM, provider("gha", PINNED)));
        assertThat(one.status()).isEqualTo(Verdict.Status.PASS);
        assertThat(one.judged()).isEqualTo(1);
    }
}
