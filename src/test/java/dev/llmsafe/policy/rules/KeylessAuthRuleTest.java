package dev.llmsafe.policy.rules;

import static dev.llmsafe.policy.rules.DeployGatesRuleTest.PROMOTE;
import static dev.llmsafe.policy.rules.DeployGatesRuleTest.SHA;
import static org.assertj.core.api.Assertions.assertThat;

import dev.llmsafe.policy.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeylessAuthRuleTest {
    private final KeylessAuthRule rule = new KeylessAuthRule();

    private List<Finding> check(String yaml) {
        return DeployGatesRuleTest.check(rule, yaml);
    }

    /** A key passed by the input's name, or a secret whose name or value looks like a key under any input. */
    @Test
    void keysPassedToGoogleAuthFail() {
        for (String input :
                List.of("credentials_json: ${{ secrets.GCP_SA_KEY }}", "token_source: ${{ secrets.DEPLOY_PRIVATE }}")) {
            String keyed =
                    PROMOTE.replace("          service_account: ${{ vars.DEPLOYER_STAGING }}", "          " + input);
            assertThat(check(keyed))
                    .extracting(Finding::message)
                    .containsExactly("step 2 of job staging passes a key to " + "google-github-actions/auth@" + SHA
                            + " (" + input.substring(0, input.indexOf(':')) + ")");
        }
    }
}
