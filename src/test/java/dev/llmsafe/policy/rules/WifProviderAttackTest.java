package dev.llmsafe.policy.rules;

import static dev.llmsafe.policy.Fixtures.messages;
import static org.assertj.core.api.Assertions.assertThat;

import dev.llmsafe.policy.Fixtures;
import dev.llmsafe.stack.StackKind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Conditions that look pinned to a text scanner but admit every repository once CEL reads them: each is
 * true for any token, so each must be refused, on a provider that is otherwise as it should be.
 */
class WifProviderAttackTest {
    @ParameterizedTest
    @ValueSource(
            strings = {
                // The ternary binds loosest: (pins && true) ? true : true is true for every token.
                "assertion.repository_id == '1' && assertion.repository_owner_id == '2' && true ? true : true",
                // CEL reads 'x\'' as one string, so the '|| true' after it is an operator, not text.
                "assertion.repository_id == '1' && assertion.repository_owner_id == '2' && assertion.sub != 'x\\'' || true",
                // The quote in the comment hides the next line from a quote tracker; CEL skips only the comment.
                "assertion.repository_id == '1' && assertion.repository_owner_id == '2' && assertion.ref != 'x' // it's fine\n"
                        + "|| true //'"
            })
    void conditionsThatAdmitEveryRepositoryAreRefused(String condition) {
        var input = Fixtures.input(StackKind.PLATFORM, WifProviderRuleTest.provider("wif", condition));
        assertThat(messages(new WifProviderRule(), input))
                .singleElement()
                .asString()
                .startsWith("Workload Identity provider wif has an attribute condition whose top level is");
    }
}
