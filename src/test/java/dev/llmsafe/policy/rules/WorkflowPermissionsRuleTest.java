package dev.llmsafe.policy.rules;

import static dev.llmsafe.policy.rules.DeployGatesRuleTest.PROMOTE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.llmsafe.policy.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkflowPermissionsRuleTest {
    private final WorkflowPermissionsRule rule = new WorkflowPermissionsRule();

    private List<Finding> check(String yaml) {
        return DeployGatesRuleTest.check(rule, yaml);
    }

    @Test
    void workflowPermissionsMustBeReadOnlyAndIdTokenOnlyWhereUsed() {
        assertThat(check(PROMOTE.replace("permissions:\n  contents: read\njobs:", "jobs:")))
                .extracting(Finding::message)
                .containsExactly(
                        "workflow declares no top-level permissions, so jobs get the repository's default token permissions");
        assertThat(check(PROMOTE.replace("permissions:\n  contents: read\njobs:", "permissions: write-all\njobs:")))
                .extracting(Finding::message)
                .containsExactly("workflow-level permissions grant 'write-all'");
        assertThat(check(PROMOTE.replace(
                        "permissions:\n  contents: read\njobs:", "permissions:\n  id-token: write\njobs:")))
                .extracting(Finding::message)
                .containsExactly("workflow-level permissions grant id-token: write");
        String idle = PROMOTE.replace(
                "    environment: production-approval\n",
                "    environment: production-approval\n    permissions:\n      id-token: write\n");
        assertThat(check(idle))
                .extracting(Finding::message)
                .containsExactly(
                        "job approve-production may mint OIDC tokens (id-token: write) but never authenticates");
    }
}
