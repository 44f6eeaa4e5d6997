package dev.llmsafe.policy.rules;

import static dev.llmsafe.policy.Fixtures.verdict;
import static org.assertj.core.api.Assertions.assertThat;

import dev.llmsafe.policy.Finding;
import dev.llmsafe.policy.Fixtures;
import dev.llmsafe.policy.PolicyFile;
import dev.llmsafe.policy.Rule;
import dev.llmsafe.policy.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeployGatesRuleTest {
    static final String SHA = "0123456789abcdef0123456789abcdef01234567";
    private final DeployGatesRule rule = new DeployGatesRule();

    /** A promote workflow as it should be: staging, then two production gates, WIF auth, read-only token. */
    static final String PROMOTE = String.join(
            "\n",
            "name: promote",
            "on:",
            "  push:",
            "    branches: [main]",
            "permissions:",
            "  contents: read",
            "jobs:",
            "  staging:",
            "    runs-on: ubuntu-latest",
            "    environment: staging",
            "    permissions:",
            "      contents: read",
            "      id-token: write",
            "    steps:",
            "      - uses: actions/checkout@" + SHA,
            "      - uses: google-github-actions/auth@" + SHA,
            "        with:",
            "          workload_identity_provider: ${{ vars.WIF_PROVIDER }}",
            "          service_account: ${{ vars.DEPLOYER_STAGING }}",
            "      - run: pulumi up --yes --stack staging",
            "  approve-production:",
            "    needs: staging",
            "    runs-on: ubuntu-latest",
            "    environment: production-approval",
            "    steps:",
            "      - run: echo approved",
            "  production:",
            "    needs: [approve-production]",
            "    runs-on: ubuntu-latest",
            "    environment:",
            "      name: production",
            "      url: https://shop.example",
            "    permissions:",
            "      id-token: write",
            "    steps:",
            "      - uses: google-github-actions/auth@" + SHA,
            "        with:",
            "          workload_identity_provider: ${{ vars.WIF_PROVIDER }}",
            "          service_account: ${{ vars.DEPLOYER_PRODUCTION }}",
            "      - run: |",
            "          pulumi stack select production",
            "          pulumi up --yes",
            "");

    /** What {@code rule} finds in {@code yaml} as the one workflow promote.yml. */
    static List<Finding> check(Rule rule, String yaml) {
        return rule.check(Fixtures.workflows(PolicyFile.defaults(), Fixtures.workflow("promote.yml", yaml)));
    }

    private List<Finding> check(String yaml) {
        return check(rule, yaml);
    }

    @Test
    void aGatedPromotionWorkflowPasses() {
        assertThat(check(PROMOTE)).isEmpty();
    }

    @Test
    void aDeployJobWithoutItsEnvironmentFails() {
        List<Finding> found = check(PROMOTE.replace("    environment: staging\n", ""));
        assertThat(found)
                .extracting(Finding::message)
                .containsExactly("job staging runs `pulumi up` on staging but declares environment none");
        assertThat(found.get(0).location().line()).isEqualTo(8);
    }

    @Test
    void productionMustNeedStaging() {
        assertThat(check(PROMOTE.replace("    needs: staging\n", "")))
                .extracting(Finding::message)
                .containsExactly("job production deploys production without needing a job that deploys staging");
    }

    @Test
    void deployJobsNeverRunOnPullRequestTarget() {
        String yaml = PROMOTE.replace("on:\n  push:\n    branches: [main]\n", "on: [pull_request_target]\n");
        assertThat(check(yaml))
                .extracting(Finding::message)
                .hasSize(2)
                .allSatisfy(m -> assertThat(m).contains("triggered by pull_request_target"));
    }

    @Test
    void stacksFromMatrixInputsAndEnvAreResolved() {
        String matrix = String.join(
                "\n",
                "on: workflow_dispatch",
                "permissions: {contents: read}",
                "jobs:",
                "  deploy:",
                "    strategy:",
                "      matrix:",
                "        stack: [staging, production]",
                "    env:",
                "      TARGET: production",
                "    steps:",
                "      - run: pulumi up -s ${{ matrix.stack }}",
                "      - run: pulumi up --stack=\"$TARGET\"",
                "");
        assertThat(check(matrix))
                .extracting(Finding::message)
                .contains(
                        "job deploy runs `pulumi up` on staging but declares environment none",
                        "job deploy runs `pulumi up` on production but declares environment none");
        String unresolved = String.join(
                "\n",
                "on: push",
                "permissions: {contents: read}",
                "jobs:",
                "  deploy:",
                "    steps:",
                "      - uses: pulumi/actions@" + SHA,
                "        with:",
                "          command: up",
                "          stack-name: ${{ vars.STACK }}",
                "      - run: pulumi up --stack pr-${{ github.event.number }}",
                "");
        assertThat(check(unresolved))
                .extracting(Finding::message)
                .containsExactly(
                        "job deploy runs `pulumi up` on stack ${{ vars.STACK }}, which cannot be resolved, and declares no environment");
    }

    @Test
    void noWorkflowsIsNotApplicableAndAGatedWorkflowPasses() {
        Verdict none = verdict(rule, Fixtures.workflows(PolicyFile.defaults()));
        assertThat(none.status()).isEqualTo(Verdict.Status.NOT_APPLICABLE);
        assertThat(none.note()).isEqualTo("no workflows to judge");
        Verdict gated =
                verdict(rule, Fixtures.workflows(PolicyFile.defaults(), Fixtures.workflow("promote.yml", PROMOTE)));
        assertThat(gated.status()).isEqualTo(Verdict.Status.PASS);
        assertThat(gated.judged()).isEqualTo(1);
    }

    /** The rules that judge workflows one by one pass the gated promotion, and judge nothing when given none. */
    @Test
    void everyWorkflowRulePassesTheGatedPromotion() {
        for (Rule r :
                List.<Rule>of(rule, new WorkflowPermissionsRule(), new KeylessAuthRule(), new ScriptInjectionRule())) {
            Verdict gated =
                    verdict(r, Fixtures.workflows(PolicyFile.defaults(), Fixtures.workflow("promote.yml", PROMOTE)));
            assertThat(gated.status()).as(r.id()).isEqualTo(Verdict.Status.PASS);
            assertThat(gated.judged()).as(r.id()).isEqualTo(1);
            assertThat(verdict(r, Fixtures.workflows(PolicyFile.defaults())).status())
                    .as(r.id())
                    .isEqualTo(Verdict.Status.NOT_APPLICABLE);
        }
    }
}
