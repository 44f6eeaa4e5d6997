package dev.llmsafe.naming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class RuntimeNamesTest {
    private static final Pattern SERVICE_ACCOUNT_ID = Pattern.compile("[a-z][a-z0-9-]{4,28}[a-z0-9]");
    private static final Pattern SHORT_NAME = Pattern.compile("[a-z][a-z0-9-]{0,18}[a-z0-9]|[a-z]");

    @Provide
    Arbitrary<String> branches() {
        return BranchNames.any();
    }

    @Property(tries = 1500)
    void everyNameIsValidForItsTarget(@ForAll("branches") String branch) {
        String run = RuntimeNames.cloudRunService("shop", branch);
        assertThat(run).matches(RuntimeNames.DNS_NAME).hasSizeLessThanOrEqualTo(49);
        String project = RuntimeNames.railwayProject("shop", branch);
        assertThat(project).matches(RuntimeNames.DNS_NAME).hasSizeLessThanOrEqualTo(63);
        String subdomain = RuntimeNames.railwaySubdomain("shop", branch);
        assertThat(subdomain).matches(RuntimeNames.DNS_NAME).hasSizeLessThanOrEqualTo(63);
        assertThat(RuntimeNames.labelValue(branch)).matches(RuntimeNames.LABEL_VALUE);
    }

    @Property(tries = 1000)
    void namesAreDeterministic(@ForAll("branches") String branch) {
        assertThat(RuntimeNames.cloudRunService("shop", branch))
                .isEqualTo(RuntimeNames.cloudRunService("shop", branch));
        assertThat(RuntimeNames.railwayProject("shop", branch)).isEqualTo(RuntimeNames.railwayProject("shop", branch));
        assertThat(RuntimeNames.railwaySubdomain("shop", new String(branch.toCharArray())))
                .isEqualTo(RuntimeNames.railwaySubdomain("shop", branch));
        assertThat(RuntimeNames.labelValue(branch)).isEqualTo(RuntimeNames.labelValue(branch));
    }

    @Property(tries = 4)
    void distinctBranchesNeverShareAName(@ForAll @Size(value = 1200) Set<@From("branches") String> sample) {
        assertNoCollisions(sample, b -> RuntimeNames.cloudRunService("shop", b));
        assertNoCollisions(sample, b -> RuntimeNames.railwayProject("shop", b));
        assertNoCollisions(sample, b -> RuntimeNames.railwaySubdomain("shop", b));
        assertNoCollisions(sample, RuntimeNames::labelValue);
    }

    private static void assertNoCollisions(Set<String> inputs, Function<String, String> naming) {
        Map<String, String> byName = new HashMap<>();
        for (String input : inputs) {
            String previous = byName.put(naming.apply(input), input);
            assertThat(previous)
                    .as("'%s' and '%s' got the same name %s", previous, input, naming.apply(input))
                    .isNull();
        }
    }

    @Provide
    Arbitrary<String> environments() {
        return Arbitraries.strings()
                .withCharRange('a', 'z')
                .withCharRange('0', '9')
                .withChars('-')
                .ofMinLength(1)
                .ofMaxLength(20)
                .filter(s -> SHORT_NAME.matcher(s).matches());
    }

    @Property(tries = 1000)
    void runtimeServiceAccountIdsAreValidForAnyEnvironment(
            @ForAll("environments") String app, @ForAll("environments") String env) {
        String id = Names.serviceAccountId(app, "run", env);
        assertThat(id).matches(SERVICE_ACCOUNT_ID);
        assertThat(Names.serviceAccountId(app, "run", env)).isEqualTo(id);
    }

    @Property(tries = 20)
    void distinctEnvironmentsOfOneAppGetDistinctServiceAccounts(
            @ForAll @Size(value = 300) Set<@From("environments") String> environments) {
        assertNoCollisions(environments, env -> Names.serviceAccountId("shop", "run", env));
    }

    @Property(tries = 1000)
    void secretIdsOfValidNamesAreValid(@ForAll("environments") String env, @ForAll("environments") String name) {
        assertThat(RuntimeNames.secretId(env, name)).isEqualTo(env + "-" + name).matches(RuntimeNames.SECRET_ID);
    }

    @Test
    void validInputsAreKeptAsTheyAre() {
        assertThat(RuntimeNames.cloudRunService("shop", RuntimeNames.pullRequest(42)))
                .isEqualTo("shop-pr-42");
        assertThat(RuntimeNames.railwayProject("shop", "staging")).isEqualTo("shop-staging");
        assertThat(RuntimeNames.labelValue("main")).isEqualTo("main");
    }

    @Test
    void lossyOrLongInputsAreReadableAndSuffixedWithAHashOfTheWholeInput() {
        String name = RuntimeNames.cloudRunService("shop", "feature/Café-Login");
        assertThat(name).startsWith("shop-feature-cafe-login-").hasSize("shop-feature-cafe-login-".length() + 10);

        String common = "feature/" + "a".repeat(100);
        assertThat(RuntimeNames.cloudRunService("shop", common + "/one"))
                .isNotEqualTo(RuntimeNames.cloudRunService("shop", common + "/two"))
                .hasSize(49);
        assertThat(RuntimeNames.railwaySubdomain("shop", "Feature/X"))
                .isNotEqualTo(RuntimeNames.railwaySubdomain("shop", "feature-x"));
    }

    @Test
    void aValidInputThatLooksHashedIsHashedSoItCannotCollideWithAHashedName() {
        String hashed = RuntimeNames.dnsName("Feature", 49);
        assertThat(RuntimeNames.dnsName(hashed, 49))
                .isNotEqualTo(hashed)
                .startsWith(hashed + "-")
                .isNotEmpty();
    }

    @Test
    void inputsWithoutAnyLatinLetterStillGetAValidName() {
        assertThat(RuntimeNames.cloudRunService("", "日本語"))
                .matches(RuntimeNames.DNS_NAME)
                .startsWith("x-");
        assertThat(RuntimeNames.dnsName("42", 49))
                .matches(RuntimeNames.DNS_NAME)
                .startsWith("x-42-");
    }

    @Test
    void rejectsWhatCannotBeAName() {
        assertThatThrownBy(() -> RuntimeNames.pullRequest(0)).hasMessageContaining("0");
        assertThatThrownBy(() -> RuntimeNames.secretId("review", "bad name")).hasMessageContaining("review-bad name");
        assertThatThrownBy(() -> RuntimeNames.dnsName("x", 5)).hasMessageContaining("5");
    }
}
