package dev.llmsafe.policy.rules;

import static dev.llmsafe.policy.rules.DeployGatesRuleTest.PROMOTE;
import static dev.llmsafe.policy.rules.DeployGatesRuleTest.SHA;
import static org.assertj.core.api.Assertions.assertThat;

import dev.llmsafe.policy.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScriptInjectionRuleTest {
    private final ScriptInjectionRule rule = new ScriptInjectionRule();

    private List<Finding> check(String yaml) {
        return DeployGatesRuleTest.check(rule, yaml);
    }

    @Test
    void untrustedEventTextInScriptsFailsButNumbersAndShasPass() {
        String yaml = PROMOTE.replace(
                "      - run: echo approved",
                "      - run: echo \"${{ github.event.pull_request.title }} #${{ github.event.pull_request.number }}\"\n"
                        + "      - run: git checkout ${{ github.head_ref }} && git log ${{ github.event.pull_request.head.sha }}\n"
                        + "      - uses: actions/github-script@" + SHA + "\n"
                        + "        with:\n          script: console.log('${{ github.event.comment.body }}')");
        assertThat(check(yaml))
                .extracting(Finding::message)
                .containsExactly(
                        "step 1 of job approve-production interpolates ${{ github.event.pull_request.title }} into a script; whoever writes that text can run commands",
                        "step 2 of job approve-production interpolates ${{ github.head_ref }} into a script; whoever writes that text can run commands",
                        "step 3 of job approve-production interpolates ${{ github.event.comment.body }} into a script; whoever writes that text can run commands");
    }
}
