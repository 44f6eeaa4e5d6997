package dev.llmsafe.components;

import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import dev.llmsafe.components.GithubGovernanceArgs.EnvironmentPolicy;
import dev.llmsafe.components.GithubGovernanceArgs.MainBranchRules;
import dev.llmsafe.providers.github.ActionsEnvironmentVariable;
import dev.llmsafe.providers.github.ActionsEnvironmentVariableArgs;
import dev.llmsafe.providers.github.RepositoryEnvironment;
import dev.llmsafe.providers.github.RepositoryEnvironmentArgs;
import dev.llmsafe.providers.github.RepositoryEnvironmentDeploymentPolicy;
import dev.llmsafe.providers.github.RepositoryEnvironmentDeploymentPolicyArgs;
import dev.llmsafe.providers.github.RepositoryFile;
import dev.llmsafe.providers.github.RepositoryFileArgs;
import dev.llmsafe.providers.github.RepositoryRuleset;
import dev.llmsafe.providers.github.RepositoryRulesetArgs;
import dev.llmsafe.providers.github.WorkflowRepositoryPermissions;
import dev.llmsafe.providers.github.WorkflowRepositoryPermissionsArgs;
import dev.llmsafe.providers.github.inputs.RepositoryEnvironmentDeploymentBranchPolicyArgs;
import dev.llmsafe.providers.github.inputs.RepositoryEnvironmentReviewerArgs;
import dev.llmsafe.providers.github.inputs.RepositoryRulesetConditionsArgs;
import dev.llmsafe.providers.github.inputs.RepositoryRulesetConditionsRefNameArgs;
import dev.llmsafe.providers.github.inputs.RepositoryRulesetRulesArgs;
import dev.llmsafe.providers.github.inputs.RepositoryRulesetRulesPullRequestArgs;
import dev.llmsafe.providers.github.inputs.RepositoryRulesetRulesRequiredStatusChecksArgs;
import dev.llmsafe.providers.github.inputs.RepositoryRulesetRulesRequiredStatusChecksRequiredCheckArgs;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The GitHub side of the guarantees: environments with their reviewers and branch policies, rules on the main
 * branch that nobody bypasses, a read-only workflow token that cannot approve pull requests, CODEOWNERS for the
 * paths that govern deployment (created once; later changes come by pull request), and the (non-secret) identifiers CI needs to authenticate. Give it the GitHub
 * provider through {@code ComponentResourceOptions.providers(...)}.
 */
public final class GithubGovernance extends ComponentResource {
    /** The Actions variable holding the Workload Identity provider's full name. */
    public static final String PROVIDER_VARIABLE = "GCP_WORKLOAD_IDENTITY_PROVIDER";
    /** The Actions variable holding the environment's deployer service-account email. */
    public static final String SERVICE_ACCOUNT_VARIABLE = "GCP_SERVICE_ACCOUNT";
    /** What the stack never updates on the CODEOWNERS file once created: its text changes by pull request. */
    static final List<String> CODE_OWNERS_KEPT = List.of("content");
    /** GitHub Actions honours this in a pushed commit's message, so committing CODEOWNERS deploys nothing. */
    static final String COMMIT_MESSAGE = "Update CODEOWNERS from the llm-safe platform stack [skip ci]";

    private final Map<String, Output<String>> environments = new LinkedHashMap<>();
    private final Output<Integer> rulesetId;

    public GithubGovernance(String name, GithubGovernanceArgs args, ComponentResourceOptions options) {
        super(ComponentTypes.of("GithubGovernance"), name, options);
        var child = CustomResourceOptions.builder().parent(this).build();

        for (EnvironmentPolicy policy : args.environments()) {
            var env = environment(name, args, policy, child);
            environments.put(policy.name(), env.environment());
            if (policy.mainOnly()) {
                // Depending on the environment's output orders this after the environment exists.
                new RepositoryEnvironmentDeploymentPolicy(
                        name + "-" + policy.name() + "-" + args.mainBranch(),
                        RepositoryEnvironmentDeploymentPolicyArgs.builder()
                                .repository(args.repository())
                                .environment(env.environment())
                                .branchPattern(args.mainBranch())
                                .build(),
                        child);
            }
            args.variables()
                    .of(policy.name())
                    .forEach((variable, value) -> new ActionsEnvironmentVariable(
                            name + "-" + policy.name() + "-" + resourceName(variable),
                            ActionsEnvironmentVariableArgs.builder()
                                    .repository(args.repository())
                                    .environment(env.environment())
                                    .variableName(variable)
                                    .value(value)
                                    .build(),
                            child));
        }

        new WorkflowRepositoryPermissions(
                name + "-workflow-permissions",
                WorkflowRepositoryPermissionsArgs.builder()
                        .repository(args.repository())
                        .defaultWorkflowPermissions("read")
                        .canApprovePullRequestReviews(false)
                        .build(),
                child);

        // Created once, before the rules exist: afterwards nobody, this stack included, pushes to main unreviewed,
        // and GitHub refuses the contents API's direct commit. So a later change of the owners is never written
        // here: it reaches main as a reviewed pull request changing the file, and `llmsafe codeowners` fails CI
        // while the committed file and the config disagree.
        var codeOwners = new RepositoryFile(
                name + "-codeowners",
                RepositoryFileArgs.builder()
                        .repository(args.repository())
                        .branch(args.mainBranch())
                        .file(CodeOwnersFile.PATH)
                        .content(CodeOwnersFile.render(args.codeOwners(), args.codeOwnedPaths()))
                        .commitMessage(COMMIT_MESSAGE)
                        .overwriteOnCreate(true)
                        .build(),
                CustomResourceOptions.builder()
                        .parent(this)
                        .ignoreChanges(CODE_OWNERS_KEPT)
                        .build());

        var ruleset = new RepositoryRuleset(
                name + "-" + args.mainBranch() + "-rules",
                RepositoryRulesetArgs.builder()
                        .repository(args.repository())
                        .name(args.mainBranch() + " (llm-safe)")
                        .target("branch")
                        .enforcement("active")
                        .conditions(RepositoryRulesetConditionsArgs.builder()
                                .refName(RepositoryRulesetConditionsRefNameArgs.builder()
                                        .includes("refs/heads/" + args.mainBranch())
                                        .excludes(List.of())
                                        .build())
                                .build())
                        .bypassActors(List.of())
                        .rules(mainRules(args.mainRules()))
                        .build(),
                CustomResourceOptions.builder()
                        .parent(this)
                        .dependsOn(codeOwners)
                        .build());
        this.rulesetId = ruleset.rulesetId();

        Map<String, Output<?>> outputs = new LinkedHashMap<>();
        environments.forEach((env, out) -> outputs.put("environment-" + env, out));
        outputs.put("rulesetId", rulesetId);
        registerOutputs(outputs);
    }

    private static RepositoryEnvironment environment(
            String name, GithubGovernanceArgs args, EnvironmentPolicy policy, CustomResourceOptions child) {
        var env = RepositoryEnvironmentArgs.builder()
                .repository(args.repository())
                .environment(policy.name());
        if (policy.gated()) {
            var reviewers = RepositoryEnvironmentReviewerArgs.builder();
            if (!policy.userIds().isEmpty()) {
                reviewers.users(ids(policy.userIds()));
            }
            if (!policy.teamIds().isEmpty()) {
                reviewers.teams(ids(policy.teamIds()));
            }
            env.reviewers(reviewers.build())
                    .preventSelfReview(policy.preventSelfReview())
                    .canAdminsBypass(false);
        }
        if (policy.waitTimerMinutes() > 0) {
            env.waitTimer(policy.waitTimerMinutes());
        }
        if (policy.mainOnly()) {
            env.deploymentBranchPolicy(RepositoryEnvironmentDeploymentBranchPolicyArgs.builder()
                    .protectedBranches(false)
                    .customBranchPolicies(true)
                    .build());
        }
        return new RepositoryEnvironment(name + "-" + policy.name(), env.build(), child);
    }

    private static RepositoryRulesetRulesArgs mainRules(MainBranchRules rules) {
        var main = RepositoryRulesetRulesArgs.builder()
                .deletion(true)
                .nonFastForward(true)
                .pullRequest(RepositoryRulesetRulesPullRequestArgs.builder()
                        .requiredApprovingReviewCount(rules.requiredApprovals())
                        .requireCodeOwnerReview(true)
                        .dismissStaleReviewsOnPush(true)
                        .requireLastPushApproval(true)
                        .requiredReviewThreadResolution(true)
                        .build());
        if (!rules.requiredStatusChecks().isEmpty()) {
            main.requiredStatusChecks(RepositoryRulesetRulesRequiredStatusChecksArgs.builder()
                    .strictRequiredStatusChecksPolicy(true)
                    .requiredChecks(rules.requiredStatusChecks().stream()
                            .map(check -> RepositoryRulesetRulesRequiredStatusChecksRequiredCheckArgs.builder()
                                    .context(check)
                                    .build())
                            .toList())
                    .build());
        }
        return main.build();
    }

    private static String resourceName(String variable) {
        return variable.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static List<Integer> ids(List<Long> ids) {
        return ids.stream().map(Math::toIntExact).toList();
    }

    /** Environment name to its name as the created environment reports it: depend on it, not on the text. */
    public Map<String, Output<String>> environments() {
        return Collections.unmodifiableMap(environments);
    }

    /** GitHub's id of the ruleset on the main branch. */
    public Output<Integer> rulesetId() {
        return rulesetId;
    }
}
