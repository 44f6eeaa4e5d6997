package dev.llmsafe.stack;

import java.util.ArrayList;
import java.util.List;

/**
 * The GitHub side of the platform: who may approve each environment, the rules on the main branch, the code
 * owners of the paths that govern deployment. Reviewers are pinned by numeric id (what GitHub enforces) and
 * carry their login too (what AI and bot identities are recognised by, and what people read).
 *
 * @param approvalEnvironment        the environment production's first approval happens in
 * @param mainBranch                 the branch that alone may deploy to staging and production (policy.yaml's)
 * @param aiIdentities               policy.yaml's AI identities; they, and every {@code [bot]}, may never approve
 * @param requiredApprovals          approving reviews a pull request into the main branch needs
 * @param requiredStatusChecks       CI check names that must pass before merging
 * @param codeOwners                 owners ({@code @org/team} or {@code @user}) of the governed paths
 * @param codeOwnedPaths             CODEOWNERS patterns those owners own, in order
 * @param waitTimerMinutes           minutes a production job waits after its approval (0 for none)
 */
public record GovernanceSettings(
        String approvalEnvironment,
        String mainBranch,
        ReviewerSet stagingReviewers,
        ReviewerSet productionApprovalReviewers,
        ReviewerSet productionReviewers,
        List<String> aiIdentities,
        int requiredApprovals,
        List<String> requiredStatusChecks,
        List<String> codeOwners,
        List<String> codeOwnedPaths,
        int waitTimerMinutes) {

    /** A GitHub user: the id GitHub enforces and the login people and the AI/bot check read. */
    public record Account(String login, long id) {}

    /** A GitHub team: its slug and numeric id. Its members are unknown offline. */
    public record Team(String slug, long id) {}

    /** Who may approve one environment. */
    public record ReviewerSet(List<Account> users, List<Team> teams) {
        public ReviewerSet {
            users = List.copyOf(users);
            teams = List.copyOf(teams);
        }

        public static ReviewerSet none() {
            return new ReviewerSet(List.of(), List.of());
        }

        public List<Long> userIds() {
            List<Long> ids = new ArrayList<>();
            users.forEach(u -> ids.add(u.id()));
            return ids;
        }

        public List<Long> teamIds() {
            List<Long> ids = new ArrayList<>();
            teams.forEach(t -> ids.add(t.id()));
            return ids;
        }

        public int size() {
            return users.size() + teams.size();
        }
    }

    /** The paths whose changes govern deployment; always code-owned, whatever {@code codeOwnedPaths} adds. */
    public static final List<String> GOVERNED_PATHS =
            List.of("/.github/", "/Pulumi.yaml", "/Pulumi.*.yaml", "/policy.yaml", "/.ci/", "/mvnw", "/.mvn/");

    /** Production's first environment, approved before {@code production} itself. */
    public static final String DEFAULT_APPROVAL_ENVIRONMENT = "production-approval";

    public static final int DEFAULT_REQUIRED_APPROVALS = 1;

    public GovernanceSettings {
        aiIdentities = List.copyOf(aiIdentities);
        requiredStatusChecks = List.copyOf(requiredStatusChecks);
        codeOwners = List.copyOf(codeOwners);
        codeOwnedPaths = List.copyOf(codeOwnedPaths);
    }

    public static Builder builder(String approvalEnvironment, String mainBranch) {
        return new Builder(approvalEnvironment, mainBranch);
    }

    public static final class Builder {
        private final String approvalEnvironment;
        private final String mainBranch;
        private ReviewerSet stagingReviewers = ReviewerSet.none();
        private ReviewerSet productionApprovalReviewers = ReviewerSet.none();
        private ReviewerSet productionReviewers = ReviewerSet.none();
        private List<String> aiIdentities = List.of();
        private int requiredApprovals = DEFAULT_REQUIRED_APPROVALS;
        private List<String> requiredStatusChecks = List.of();
        private List<String> codeOwners = List.of();
        private List<String> codeOwnedPaths = GOVERNED_PATHS;
        private int waitTimerMinutes;

        private Builder(String approvalEnvironment, String mainBranch) {
            this.approvalEnvironment = approvalEnvironment;
            this.mainBranch = mainBranch;
        }

        public Builder stagingReviewers(ReviewerSet stagingReviewers) {
            this.stagingReviewers = stagingReviewers;
            return this;
        }

        public Builder productionApprovalReviewers(ReviewerSet productionApprovalReviewers) {
            this.productionApprovalReviewers = productionApprovalReviewers;
            return this;
        }

        public Builder productionReviewers(ReviewerSet productionReviewers) {
            this.productionReviewers = productionReviewers;
            return this;
        }

        public Builder aiIdentities(List<String> aiIdentities) {
            this.aiIdentities = aiIdentities;
            return this;
        }

        public Builder requiredApprovals(int requiredApprovals) {
            this.requiredApprovals = requiredApprovals;
            return this;
        }

        public Builder requiredStatusChecks(List<String> requiredStatusChecks) {
            this.requiredStatusChecks = requiredStatusChecks;
            return this;
        }

        public Builder codeOwners(List<String> codeOwners) {
            this.codeOwners = codeOwners;
            return this;
        }

        public Builder codeOwnedPaths(List<String> codeOwnedPaths) {
            this.codeOwnedPaths = codeOwnedPaths;
            return this;
        }

        public Builder waitTimerMinutes(int waitTimerMinutes) {
            this.waitTimerMinutes = waitTimerMinutes;
            return this;
        }

        public GovernanceSettings build() {
            return new GovernanceSettings(
                    approvalEnvironment,
                    mainBranch,
                    stagingReviewers,
                    productionApprovalReviewers,
                    productionReviewers,
                    aiIdentities,
                    requiredApprovals,
                    requiredStatusChecks,
                    codeOwners,
                    codeOwnedPaths,
                    waitTimerMinutes);
        }
    }
}
