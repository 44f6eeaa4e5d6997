package dev.llmsafe.policy.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmsafe.policy.Finding;
import dev.llmsafe.policy.Fixtures;
import dev.llmsafe.policy.PolicyFile;
import dev.llmsafe.policy.Rule;
import dev.llmsafe.policy.input.InputException;
import dev.llmsafe.policy.rules.DependencyPinsRule;
import dev.llmsafe.policy.rules.DeployGatesRule;
import dev.llmsafe.policy.rules.KeylessAuthRule;
import dev.llmsafe.policy.rules.ScriptInjectionRule;
import dev.llmsafe.policy.rules.WorkflowPermissionsRule;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * GitHub expands YAML anchors and aliases before it reads a workflow. A reader that turns {@code *name} into
 * the text {@code name} judges the anchor's name instead of its value: each workflow here hides a violation
 * behind an anchor whose name looks compliant, and each must be found.
 */
class WorkflowAliasAttackTest {
    private static final String SHA = "0123456789abcdef0123456789abcdef01234567";

    private static List<String> gates(String yaml) {
        var input = Fixtures.workflows(PolicyFile.defaults(), Fixtures.workflow("x.yml", yaml));
        return Stream.<Rule>of(
                        new DeployGatesRule(),
                        new WorkflowPermissionsRule(),
                        new KeylessAuthRule(),
                        new ScriptInjectionRule())
                .flatMap(r -> r.check(input).stream())
                .map(Finding::message)
                .toList();
    }

    @Test
    void anAliasNamedReadAllGrantsWhatItsAnchorSays() {
        String yaml = String.join(
                "\n",
                "on: push",
                "env:",
                "  LEVEL: &read-all write-all",
                "permissions: *read-all",
                "jobs:",
                "  a:",
                "    runs-on: ubuntu-latest",
                "    steps:",
                "      - run: echo hi",
                "");
        assertThat(gates(yaml)).containsExactly("workflow-level permissions grant 'write-all'");
    }

    @Test
    void anAliasedScriptIsTheScriptItNames() {
        String yaml = String.join(
                "\n",
                "on: push",
                "permissions: {contents: read}",
                "env:",
                "  DEPLOY: &echo-hello pulumi up --yes --stack production",
                "jobs:",
                "  a:",
                "    runs-on: ubuntu-latest",
                "    steps:",
                "      - run: *echo-hello",
                "");
        assertThat(gates(yaml))
                .anySatisfy(m ->
                        assertThat(m).startsWith("job a runs `pulumi up` on production but declares environment none"));
    }

    @Test
    void anAliasedActionIsPinnedOnlyIfItsValueIs() {
        String yaml = String.join(
                "\n",
                "on: push",
                "permissions: {contents: read}",
                "env:",
                "  CHECKOUT: &checkout actions/checkout@v4",
                "jobs:",
                "  a:",
                "    runs-on: ubuntu-latest",
                "    steps:",
                "      - uses: *checkout",
                "");
        var input = Fixtures.workflows(PolicyFile.defaults(), Fixtures.workflow("x.yml", yaml));
        assertThat(new DependencyPinsRule().check(input))
                .extracting(Finding::message)
                .containsExactly("uses: actions/checkout@v4 is not pinned to a commit SHA");
    }

    @Test
    void anAliasedMappingGrantsItsKeys() {
        String yaml = String.join(
                "\n",
                "on: push",
                "permissions: {contents: read}",
                "jobs:",
                "  a:",
                "    runs-on: ubuntu-latest",
                "    env: &contents-read",
                "      id-token: write",
                "    permissions: *contents-read",
                "    steps:",
                "      - run: echo hi",
                "");
        assertThat(gates(yaml)).containsExactly("job a may mint OIDC tokens (id-token: write) but never authenticates");
    }

    @Test
    void mergeKeysAreRefusedBecauseGitHubDoesNotMergeThem() {
        String yaml = String.join(
                "\n",
                "on: push",
                "permissions: {contents: read}",
                "jobs:",
                "  a: &base",
                "    runs-on: ubuntu-latest",
                "    steps:",
                "      - run: echo hi",
                "  b:",
                "    <<: *base",
                "    environment: production",
                "");
        assertThatThrownBy(() -> WorkflowReader.parse(yaml, ".github/workflows/x.yml"))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith(".github/workflows/x.yml: line 9: merge key '<<'");
    }
}
