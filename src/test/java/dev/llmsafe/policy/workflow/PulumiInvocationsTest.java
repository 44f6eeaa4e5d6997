package dev.llmsafe.policy.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmsafe.policy.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

class PulumiInvocationsTest {
    private static List<PulumiInvocations.Invocation> of(String steps) {
        Workflow w = Fixtures.workflow(
                "w.yml", "on: push\njobs:\n  j:\n    env:\n      STACK: staging\n    steps:\n" + steps);
        return PulumiInvocations.of(w.jobs().get(0));
    }

    @Test
    void commandsAndStacksAreReadFromScripts() {
        var runs = of(
                "      - run: |\n          pulumi --cwd infra preview -s pr-4\n"
                        + "          pulumi up --yes --stack=production\n          pulumi destroy -sstaging \\\n            --yes\n");
        assertThat(runs).extracting(PulumiInvocations.Invocation::command).containsExactly("preview", "up", "destroy");
        assertThat(runs)
                .extracting(PulumiInvocations.Invocation::stacks)
                .containsExactly(List.of("pr-4"), List.of("production"), List.of("staging"));
        assertThat(runs.get(1).line()).isEqualTo(9);
    }

    @Test
    void selectedStacksEnvVariablesAndQualifiedNamesResolve() {
        var runs = of("      - run: pulumi stack select --create acme/shop/staging\n      - run: pulumi up --yes\n"
                + "      - run: pulumi refresh --stack \"$STACK\"\n");
        assertThat(runs)
                .extracting(PulumiInvocations.Invocation::stacks)
                .containsExactly(List.of("staging"), List.of("staging"));
        assertThat(runs.get(1).mutating()).isTrue();
        assertThat(runs.get(1).deploys()).isFalse();
    }

    @Test
    void textThatIsNotAPulumiCommandIsIgnored() {
        assertThat(of("      - run: echo see https://pulumi.com/docs and ./bin/setup-pulumi up\n"))
                .isEmpty();
    }
}
