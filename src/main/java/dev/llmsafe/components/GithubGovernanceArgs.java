package dev.llmsafe.components;

import dev.llmsafe.stack.GitRefs;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Inputs of {@link GithubGovernance}, built with {@link #builder}.
 *
 * @param repository   the repository's name, without the owner (the provider names the owner)
 * @param mainBranch   the branch the rules protect and the only one gated environments accept deployments from
 * @param environments the GitHub Environments, in creation order
 * @param mainRules    what a change to the main branch needs
 * @param codeOwners   owners ({@code @org/team} or {@code @user}) of {@code codeOwnedPaths}
 * @param variables    each environment's Actions variables, which jobs in it read as {@code vars.NAME}
 */
public record GithubGovernanceArgs(
        String repository,
        String mainBranch,
        List<EnvironmentPolicy> environments,
        MainBranchRules mainRules,
        List<String> codeOwners,
        List<String> codeOwnedPaths,
        CiVariables variables) {

    /** GitHub's limits: 6 required reviewers per environment, wait timers up to 30 days. */
    public static final int MAX_REVIEWERS = 6;

    public static final int MAX_WAIT_MINUTES = 43200;
    /** The branch the rules protect when no other is named. */
    public static final String DEFAULT_MAIN_BRANCH = "main";

    /**
     * One GitHub Environment.
     *
     * @param userIds          numeric ids of users who may approve its jobs (empty: no approval needed)
     * @param teamIds          numeric ids of teams whose members may approve
     * @param mainOnly         only the main branch may deploy to it
     * @param waitTimerMinutes minutes a job waits once triggered (0 for none)
     */
    public record EnvironmentPolicy(
            String name,
            List<Long> userIds,
            List<Long> teamIds,
            boolean preventSelfReview,
            boolean mainOnly,
            int waitTimerMinutes) {
        public EnvironmentPolicy {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("an environment needs a name");
            }
            userIds = List.copyOf(userIds);
            teamIds = List.copyOf(teamIds);
            if (userIds.size() + teamIds.size() > MAX_REVIEWERS) {
                throw new IllegalArgumentException("environment " + name + " lists " + (userIds.size() + teamIds.size())
                        + " reviewers; GitHub accepts at most " + MAX_REVIEWERS);
            }
            for (long id : concat(userIds, teamIds)) {
                if (id <= 0 || id > Integer.MAX_VALUE) {
                    throw new IllegalArgumentException("environment " + name + ": reviewer id " + id
                            + " is not a GitHub id (1 to " + Integer.MAX_VALUE + ")");
                }
            }
            if (waitTimerMinutes < 0 || waitTimerMinutes > MAX_WAIT_MINUTES) {
                throw new IllegalArgumentException("environment " + name + ": waitTimerMinutes " + waitTimerMinutes
                        + " is outside 0 to " + MAX_WAIT_MINUTES);
            }
        }

        /** No reviewers, any branch: the shared environment every pull request's preview deploys through. */
        public static EnvironmentPolicy open(String name) {
            return new EnvironmentPolicy(name, List.of(), List.of(), false, false, 0);
        }

        /** Needs one approval from the given reviewers (never the job's own trigger), deploys from main only. */
        public static EnvironmentPolicy gated(
                String name, List<Long> userIds, List<Long> teamIds, int waitTimerMinutes) {
            if (userIds.isEmpty() && teamIds.isEmpty()) {
                throw new IllegalArgumentException("gated environment " + name + " needs at least one reviewer");
            }
            return new EnvironmentPolicy(name, userIds, teamIds, true, true, waitTimerMinutes);
        }

        public boolean gated() {
            return !userIds.isEmpty() || !teamIds.isEmpty();
        }
    }

    /**
     * @param requiredApprovals    approving reviews needed (1 to 10)
     * @param requiredStatusChecks check names that must pass; none when empty
     */
    public record MainBranchRules(int requiredApprovals, List<String> requiredStatusChecks) {
        public MainBranchRules {
            if (requiredApprovals < 1 || requiredApprovals > 10) {
                throw new IllegalArgumentException("requiredApprovals " + requiredApprovals + " is outside 1 to 10");
            }
            requiredStatusChecks = List.copyOf(requiredStatusChecks);
        }
    }

    public GithubGovernanceArgs {
        if (repository == null || repository.isBlank() || repository.contains("/")) {
            throw new IllegalArgumentException(
                    "repository must be the repository's name without the owner, got '" + repository + "'");
        }
        if (mainBranch == null || !GitRefs.isValidBranch(mainBranch)) {
            throw new IllegalArgumentException("mainBranch '" + mainBranch + "' is not a valid branch name");
        }
        Objects.requireNonNull(mainRules, "mainRules");
        environments = List.copyOf(environments);
        Set<String> names = new HashSet<>();
        for (EnvironmentPolicy env : environments) {
            if (!names.add(env.name())) {
                throw new IllegalArgumentException("environment " + env.name() + " is listed twice");
            }
        }
        codeOwners = List.copyOf(codeOwners);
        codeOwnedPaths = List.copyOf(codeOwnedPaths);
        if (codeOwners.isEmpty() || codeOwnedPaths.isEmpty()) {
            throw new IllegalArgumentException("code owners and code-owned paths are both required: the rules on "
                    + mainBranch + " require code-owner review");
        }
        variables = variables == null ? CiVariables.none() : variables;
        for (String env : variables.environments()) {
            if (!names.contains(env)) {
                throw new IllegalArgumentException(
                        "variables name environment '" + env + "', which is not one of " + names);
            }
        }
    }

    public static Builder builder(String repository) {
        return new Builder(repository);
    }

    public static final class Builder {
        private final String repository;
        private String mainBranch = DEFAULT_MAIN_BRANCH;
        private List<EnvironmentPolicy> environments = List.of();
        private MainBranchRules mainRules;
        private List<String> codeOwners = List.of();
        private List<String> codeOwnedPaths = List.of();
        private CiVariables variables = CiVariables.none();

        private Builder(String repository) {
            this.repository = repository;
        }

        public Builder mainBranch(String mainBranch) {
            this.mainBranch = mainBranch;
            return this;
        }

        public Builder environments(List<EnvironmentPolicy> environments) {
            this.environments = environments;
            return this;
        }

        public Builder mainRules(MainBranchRules mainRules) {
            this.mainRules = mainRules;
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

        public Builder variables(CiVariables variables) {
            this.variables = variables;
            return this;
        }

        public GithubGovernanceArgs build() {
            return new GithubGovernanceArgs(
                    repository, mainBranch, environments, mainRules, codeOwners, codeOwnedPaths, variables);
        }
    }

    private static List<Long> concat(List<Long> a, List<Long> b) {
        List<Long> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
