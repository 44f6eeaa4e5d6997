package dev.llmsafe.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The governance program's config in the engine tests: one repository, its environments, reviewers and checks. */
final class GovernanceConfig {
    static final String OWNER = "acme";
    static final String REPO = "llm-safe";
    static final String TOKEN = "ghp_engineTestTokenNotARealOne0123456789";
    static final List<String> CODE_OWNERS = List.of("@acme/platform");
    /** The second run's owners: a change that reaches main only through a reviewed pull request. */
    static final List<String> NEW_CODE_OWNERS = List.of("@acme/platform", "@acme/security");

    static final List<String> CODE_OWNED = List.of("/.github/", "/Pulumi.yaml", "/policy.yaml");
    static final String SERVICE_ACCOUNT = "GCP_SERVICE_ACCOUNT";

    private GovernanceConfig() {}

    static Map<String, Object> config(long stagingReviewer, List<String> checks) {
        return config(stagingReviewer, checks, CODE_OWNERS);
    }

    static Map<String, Object> config(long stagingReviewer, List<String> checks, List<String> codeOwners) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("owner", OWNER);
        config.put("repository", REPO);
        config.put(
                "environments",
                List.of(
                        Map.of("name", "review"),
                        Map.of("name", "staging", "userIds", List.of(stagingReviewer)),
                        Map.of("name", "production-approval", "userIds", List.of(1002), "teamIds", List.of(2001)),
                        Map.of("name", "production", "userIds", List.of(1003, 1004), "waitTimerMinutes", 15)));
        config.put(
                "variables",
                Map.of(
                        "staging",
                                Map.of(
                                        SERVICE_ACCOUNT,
                                        stagingReviewer == 1001
                                                ? "deployer-staging@acme.iam.example"
                                                : "deployer-staging-2@acme.iam.example"),
                        "production", Map.of(SERVICE_ACCOUNT, "deployer-production@acme.iam.example")));
        config.put("requiredApprovals", 2);
        config.put("requiredStatusChecks", checks);
        config.put("codeOwners", codeOwners);
        config.put("codeOwnedPaths", CODE_OWNED);
        return config;
    }
}
