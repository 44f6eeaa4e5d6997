package dev.llmsafe.policy.rules;

import static dev.llmsafe.policy.Fixtures.messages;
import static dev.llmsafe.policy.Fixtures.resource;
import static dev.llmsafe.policy.Fixtures.verdict;
import static org.assertj.core.api.Assertions.assertThat;

import dev.llmsafe.policy.Fixtures;
import dev.llmsafe.policy.Verdict;
import dev.llmsafe.stack.StackKind;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProviderTargetsRuleTest {
    private final ProviderTargetsRule rule = new ProviderTargetsRule();

    @Test
    void targetedPackagesPulumiTypesAndComponentsPass() {
        var input = Fixtures.input(
                StackKind.PLATFORM,
                resource("gcp:storage/bucket:Bucket", "b", Map.of()),
                resource("github:index/repositoryEnvironment:RepositoryEnvironment", "e", Map.of()),
                resource("railway:index/service:Service", "s", Map.of()),
                resource("llmsafe:components:StateBackend", "state", Map.of()),
                resource("pulumi:providers:railway", "railway", Map.of()),
                resource("pulumi:providers:terraform-provider", "tf", Map.of()),
                resource("pulumi:pulumi:StackReference", "platform", Map.of()));
        assertThat(rule.check(input)).isEmpty();
    }

    @Test
    void foreignResourceTypesAndProvidersFail() {
        var input = Fixtures.input(
                StackKind.REVIEW,
                resource("random:index/randomString:RandomString", "suffix", Map.of()),
                resource("pulumi:providers:kubernetes", "k8s", Map.of()),
                resource("azure-native:storage:StorageAccount", "s", Map.of()));
        assertThat(messages(rule, input))
                .hasSize(3)
                .anySatisfy(m -> assertThat(m)
                        .contains("random:index/randomString:RandomString")
                        .contains("'random'"))
                .anySatisfy(m -> assertThat(m).contains("pulumi:providers:kubernetes"))
                .anySatisfy(m -> assertThat(m).contains("azure-native:storage:StorageAccount"));
    }

    @Test
    void deletingAForeignResourceIsWelcome() {
        var input = Fixtures.input(
                StackKind.STAGING,
                Fixtures.withOp(resource("random:index/randomString:RandomString", "old", Map.of()), "delete"));
        assertThat(rule.check(input)).isEmpty();
    }

    @Test
    void aSameStepIsJudgedLikeACreate() {
        var input = Fixtures.input(
                StackKind.STAGING,
                Fixtures.withOp(resource("random:index/randomString:RandomString", "kept", Map.of()), "same"));
        assertThat(rule.check(input)).hasSize(1);
    }

    @Test
    void anEmptyPlanIsNotApplicableAndATargetedResourcePasses() {
        Verdict none = verdict(rule, Fixtures.input(StackKind.STAGING));
        assertThat(none.status()).isEqualTo(Verdict.Status.NOT_APPLICABLE);
        assertThat(none.note()).isEqualTo("no resources to judge");
        Verdict deletedOnly = verdict(
                rule,
                Fixtures.input(
                        StackKind.STAGING,
                        Fixtures.withOp(
                                resource("random:index/randomString:RandomString", "old", Map.of()), "delete")));
        assertThat(deletedOnly.status())
                .as("a deletion is no resource that will exist")
                .isEqualTo(Verdict.Status.NOT_APPLICABLE);
        Verdict one =
                verdict(rule, Fixtures.input(StackKind.STAGING, resource("gcp:storage/bucket:Bucket", "b", Map.of())));
        assertThat(one.status()).isEqualTo(Verdict.Status.PASS);
        assertThat(one.judged()).isEqualTo(1);
    }
}
