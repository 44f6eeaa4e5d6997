package dev.llmsafe.stack;

import java.util.LinkedHashMap;
import java.util.Map;

/** A complete, valid configuration per stack kind, for tests to start from and break one key at a time. */
final class ValidConfig {
    private ValidConfig() {}

    static Map<String, String> platform() {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("kind", "platform");
        c.put("gcpProject", "acme-shop-prod");
        c.put("gcpRegion", "europe-west4");
        c.put("githubOwner", "acme");
        c.put("githubRepository", "shop");
        c.put("repositoryId", "712345678");
        c.put("ownerId", "98765432");
        c.put("stagingReviewers", "[{\"login\": \"alice\", \"id\": 1001}]");
        c.put("productionApprovalReviewers", "[{\"login\": \"alice\", \"id\": 1001}]");
        c.put("productionReviewers", "[{\"login\": \"bob\", \"id\": 1002}]");
        c.put("requiredStatusChecks", "verify,policy check");
        c.put("codeOwners", "@acme/platform");
        return c;
    }

    static Map<String, String> review(int pr) {
        Map<String, String> c = platform();
        c.put("kind", "review");
        c.put("prNumber", Integer.toString(pr));
        c.put("branch", "feature/login");
        c.put("commitSha", "0123456789abcdef0123456789abcdef01234567");
        return c;
    }

    static StackSettings read(String stack, Map<String, String> config) {
        return StackSettingsReader.read(stack, YamlStackConfig.of(config), PolicyFacts.defaults());
    }
}
