package dev.llmsafe.components;

import com.pulumi.core.Output;
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
 * One runtime service account per environment: what the app runs as. It can write its telemetry and, through
 * {@link SecretStore}, read its own environment's secrets, and nothing else. Kept in the platform stack so
 * that per-PR stacks share the review identity instead of creating accounts (a project has few).
 */
public final class RuntimeIdentities extends ComponentResource {
    public static final String ACT_AS_ROLE = "roles/iam.serviceAccountUser";

    private final Map<String, Output<String>> emails = new LinkedHashMap<>();
    private final Map<String, Output<String>> members = new LinkedHashMap<>();

    public RuntimeIdentities(String name, RuntimeIdentitiesArgs args, ComponentResourceOptions options) {
        super(ComponentTypes.of("RuntimeIdentities"), name, options);
        var child = CustomResourceOptions.builder().parent(this).build();
        args.accounts().forEach((env, accountId) -> {
            var account = new Account(
                    name + "-" + env,
                    AccountArgs.builder()
                            .project(args.project())
                            .accountId(accountId)
                            .displayName("llm-safe runtime (" + env + ")")
                            .description("The app runs as this account in environment " + env)
                            .build(),
                    child);
            for (String role : args.roles()) {
                new IAMMember(
                        name + "-" + env + "-" + role.replaceAll("[^A-Za-z0-9]+", "-"),
                        IAMMemberArgs.builder()
                                .project(args.project())
                                .role(role)
                                .member(account.member())
                                .build(),
                        child);
            }
            // Deploying a Cloud Run service that runs as this account needs actAs on this account only.
            List<Output<String>> deployers = args.iam().get(env);
            for (int i = 0; i < deployers.size(); i++) {
                new com.pulumi.gcp.serviceaccount.IAMMember(
                        name + "-" + env + "-act-as" + (i == 0 ? "" : "-" + i),
                        com.pulumi.gcp.serviceaccount.IAMMemberArgs.builder()
                                .serviceAccountId(account.name())
                                .role(ACT_AS_ROLE)
                                .member(deployers.get(i))
                                .build(),
                        child);
            }
            emails.put(env, account.email());
            members.put(env, account.member());
        });
        Map<String, Output<?>> outputs = new LinkedHashMap<>();
        emails.forEach(outputs::put);
        registerOutputs(outputs);
    }

    /** Environment name to its runtime service account's email. */
    public Map<String, Output<String>> emails() {
        return Collections.unmodifiableMap(emails); // in environment order, for stable names
    }

    /** Environment name to its runtime service account as an IAM member ({@code serviceAccount:...}). */
    public Map<String, Output<String>> members() {
        return Collections.unmodifiableMap(members);
    }
}
