package dev.llmsafe.components;

import com.pulumi.core.Output;
import com.pulumi.gcp.iam.WorkloadIdentityPool;
import com.pulumi.gcp.iam.WorkloadIdentityPoolArgs;
import com.pulumi.gcp.iam.WorkloadIdentityPoolProvider;
import com.pulumi.gcp.iam.WorkloadIdentityPoolProviderArgs;
import com.pulumi.gcp.iam.inputs.WorkloadIdentityPoolProviderOidcArgs;
import com.pulumi.gcp.projects.IAMMember;
import com.pulumi.gcp.projects.IAMMemberArgs;
import com.pulumi.gcp.serviceaccount.Account;
import com.pulumi.gcp.serviceaccount.AccountArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Workload Identity Federation for GitHub Actions: CI gets short-lived GCP credentials from its OIDC token,
 * so no service-account key exists anywhere. The provider accepts tokens of one repository only, identified
 * by numeric ids; each environment's deployer can be impersonated only by jobs running in that GitHub
 * Environment.
 */
public final class GithubActionsIdentity extends ComponentResource {
    public static final String ISSUER = "https://token.actions.githubusercontent.com";
    public static final String IMPERSONATION_ROLE = "roles/iam.workloadIdentityUser";

    private final Output<String> providerName;
    private final Output<String> poolName;
    private final Map<String, Output<String>> deployerEmails = new LinkedHashMap<>();
    private final Map<String, Output<String>> deployerMembers = new LinkedHashMap<>();

    public GithubActionsIdentity(String name, GithubActionsIdentityArgs args, ComponentResourceOptions options) {
        super(ComponentTypes.of("GithubActionsIdentity"), name, options);
        var child = CustomResourceOptions.builder().parent(this).build();

        var pool = new WorkloadIdentityPool(
                name + "-pool",
                WorkloadIdentityPoolArgs.builder()
                        .project(args.project())
                        .workloadIdentityPoolId(args.poolId())
                        .displayName("GitHub Actions")
                        .description("GitHub Actions of repository id " + args.repositoryId() + " (llm-safe)")
                        .disabled(false)
                        .build(),
                child);

        var provider = new WorkloadIdentityPoolProvider(
                name + "-provider",
                WorkloadIdentityPoolProviderArgs.builder()
                        .project(args.project())
                        .workloadIdentityPoolId(pool.workloadIdentityPoolId())
                        .workloadIdentityPoolProviderId(args.providerId())
                        .displayName("GitHub OIDC")
                        .attributeMapping(attributeMapping())
                        .attributeCondition(attributeCondition(args.repositoryId(), args.ownerId()))
                        .oidc(WorkloadIdentityPoolProviderOidcArgs.builder()
                                .issuerUri(ISSUER)
                                .build())
                        .build(),
                child);

        args.deployers().forEach((env, accountId) -> {
            var account = new Account(
                    name + "-deployer-" + env,
                    AccountArgs.builder()
                            .project(args.project())
                            .accountId(accountId)
                            .displayName("llm-safe deployer (" + env + ")")
                            .description("Impersonated by GitHub Actions jobs in environment " + env)
                            .build(),
                    child);
            new com.pulumi.gcp.serviceaccount.IAMMember(
                    name + "-deployer-" + env + "-wif",
                    com.pulumi.gcp.serviceaccount.IAMMemberArgs.builder()
                            .serviceAccountId(account.name())
                            .role(IMPERSONATION_ROLE)
                            .member(pool.name().applyValue(poolName -> environmentPrincipalSet(poolName, env)))
                            .build(),
                    CustomResourceOptions.builder()
                            .parent(this)
                            .dependsOn(provider)
                            .build());
            for (String role : args.deployerRoles().getOrDefault(env, List.of())) {
                new IAMMember(
                        name + "-deployer-" + env + "-" + role.replaceAll("[^A-Za-z0-9]+", "-"),
                        IAMMemberArgs.builder()
                                .project(args.project())
                                .role(role)
                                .member(account.member())
                                .build(),
                        child);
            }
            deployerEmails.put(env, account.email());
            deployerMembers.put(env, account.member());
        });

        this.providerName = provider.name();
        this.poolName = pool.name();
        Map<String, Output<?>> outputs = new LinkedHashMap<>();
        outputs.put("providerName", providerName);
        outputs.put("poolName", poolName);
        deployerEmails.forEach((env, email) -> outputs.put("deployer-" + env, email));
        registerOutputs(outputs);
    }

    /** Claims of GitHub's OIDC token that IAM conditions and principal sets can refer to. */
    public static Map<String, String> attributeMapping() {
        Map<String, String> mapping = new LinkedHashMap<>();
        mapping.put("google.subject", "assertion.sub");
        mapping.put("attribute.repository_id", "assertion.repository_id");
        mapping.put("attribute.repository_owner_id", "assertion.repository_owner_id");
        mapping.put("attribute.repository", "assertion.repository");
        mapping.put("attribute.ref", "assertion.ref");
        mapping.put("attribute.environment", "assertion.environment");
        mapping.put("attribute.actor", "assertion.actor");
        return mapping;
    }

    /** Only tokens of this repository, by its numeric ids (names can be re-registered by anyone). */
    public static String attributeCondition(long repositoryId, long ownerId) {
        return "assertion.repository_id == '" + repositoryId + "' && assertion.repository_owner_id == '" + ownerId
                + "'";
    }

    /**
     * Jobs in one GitHub Environment of this repository: the pool's provider admits this repository only,
     * and the principal set narrows that to the environment.
     */
    public static String environmentPrincipalSet(String poolName, String environment) {
        return "principalSet://iam.googleapis.com/" + poolName + "/attribute.environment/" + environment;
    }

    /** The provider's full resource name: what {@code google-github-actions/auth} takes. */
    public Output<String> providerName() {
        return providerName;
    }

    public Output<String> poolName() {
        return poolName;
    }

    /** Environment name to the email of its deployer service account. */
    public Map<String, Output<String>> deployerEmails() {
        return Collections.unmodifiableMap(deployerEmails); // in environment order, for stable names
    }

    /** Environment name to its deployer as an IAM member ({@code serviceAccount:...}). */
    public Map<String, Output<String>> deployerMembers() {
        return Collections.unmodifiableMap(deployerMembers);
    }
}
