package dev.llmsafe.policy.rules;

import dev.llmsafe.policy.Finding;
import dev.llmsafe.policy.Fixtures;
import dev.llmsafe.policy.PolicyFile;
import dev.llmsafe.policy.Verdict;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.llmsafe.policy.Fixtures.verdict;
import static dev.llmsafe.policy.rules.DeployGatesRuleTest.PROMOTE;
import static dev.llmsafe.policy.rules.DeployGatesRuleTest.SHA;
import static org.assertj.core.api.Assertions.assertThat;

class KeylessAuthRuleTest {
    private final KeylessAuthRule rule = new KeylessAuthRule();

    private List<Finding> check(String yaml) {
        return DeployGatesRuleTest.check(rule, yaml);
    }

    @Test
    void aGatedPromotionWorkflowPasses() {
        Verdict gated = verdict(rule, Fixtures.workflows(PolicyFile.defaults(), Fixtures.workflow("promote.yml", PROMOTE)));
        assertThat(gated.status()).isEqualTo(Verdict.Status.PASS);
        assertThat(gated.judged()).isEqualTo(1);
        assertThat(verdict(rule, Fixtures.workflows(PolicyFile.defaults())).status()).isEqualTo(Verdict.Status.NOT_APPLICABLE);
    }

    @Test
    void keysPassedToGoogleAuthFail() {
        String keyed = PROMOTE.replace("          service_account: ${{ vars.DEPLOYER_STAGING }}",
                "          credentials_json: ${{ secrets.GCP_SA_KEY }}");
        assertThat(check(keyed)).extracting(Finding::message).containsExactly(
                "step 2 of job staging passes a key to google-github-actions/auth@" + SHA + " (credentials_json)");
    }


    @Test
    void aKeyShapedSecretUnderAnyInputNameFails() {
        String keyed = PROMOTE.replace("          service_account: ${{ vars.DEPLOYER_STAGING }}",
                "          token_source: ${{ secrets.DEPLOY_PRIVATE }}");
        assertThat(check(keyed)).extracting(Finding::message).containsExactly(
                "step 2 of job staging passes a key to google-github-actions/auth@" + SHA + " (token_source)");
    }
}
