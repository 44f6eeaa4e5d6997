package dev.llmsafe.components;

import com.pulumi.core.Output;
import com.pulumi.gcp.secretmanager.Secret;
import com.pulumi.gcp.secretmanager.SecretArgs;
import com.pulumi.gcp.secretmanager.SecretIamMember;
import com.pulumi.gcp.secretmanager.SecretIamMemberArgs;
import com.pulumi.gcp.secretmanager.SecretVersion;
import com.pulumi.gcp.secretmanager.SecretVersionArgs;
import com.pulumi.gcp.secretmanager.inputs.SecretReplicationArgs;
import com.pulumi.gcp.secretmanager.inputs.SecretReplicationAutoArgs;
import com.pulumi.gcp.secretmanager.inputs.SecretReplicationUserManagedArgs;
import com.pulumi.gcp.secretmanager.inputs.SecretReplicationUserManagedReplicaArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import dev.llmsafe.stack.SecretText;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Secret Manager secrets, one set per environment ({@code <env>-<name>}), each readable only by that
 * environment's identities: a preview's runtime or deployer can never read a staging or production secret, and
 * an app's runtime never reads the deployer's own secrets (the Railway token, a registry password).
 * Values are added only from Pulumi secret config; otherwise versions are added outside Pulumi.
 */
public final class SecretStore extends ComponentResource {
    public static final String ACCESSOR_ROLE = "roles/secretmanager.secretAccessor";

    private final Map<String, Output<String>> secretNames = new TreeMap<>();
    private final String name;
    private final CustomResourceOptions child;

    public SecretStore(String name, SecretStoreArgs args, ComponentResourceOptions options) {
        super(ComponentTypes.of("SecretStore"), name, options);
        this.name = name;
        this.child = CustomResourceOptions.builder().parent(this).build();
        for (String env : args.iam().keys()) {
            for (String secretName : args.names()) {
                define(args, env, secretName, args.iam().get(env));
            }
            for (String secretName : args.deployerNames()) {
                define(args, env, secretName, args.deployerIam().get(env));
            }
        }
        registerOutputs(new LinkedHashMap<String, Output<?>>(secretNames));
    }

    private void define(SecretStoreArgs args, String env, String secretName, List<Output<String>> readers) {
        String id = SecretStoreArgs.secretId(env, secretName);
        Map<String, String> labels = new HashMap<>(args.labels());
        labels.put("environment", env);
        var secret = new Secret(
                name + "-" + id,
                SecretArgs.builder()
                        .project(args.project())
                        .secretId(id)
                        .labels(labels)
                        .replication(replication(args.replicaLocations()))
                        .build(),
                child);
        for (int i = 0; i < readers.size(); i++) {
            new SecretIamMember(
                    name + "-" + id + "-accessor-" + i,
                    SecretIamMemberArgs.builder()
                            .project(args.project())
                            .secretId(secret.secretId())
                            .role(ACCESSOR_ROLE)
                            .member(readers.get(i))
                            .build(),
                    child);
        }
        SecretText value = args.values().get(id);
        if (value != null) {
            new SecretVersion(
                    name + "-" + id + "-version",
                    SecretVersionArgs.builder()
                            .secret(secret.id())
                            .secretData(Output.ofSecret(value.reveal()))
                            .build(),
                    child);
        }
        secretNames.put(id, secret.name());
    }

    /** Automatic replication, or user-managed in {@code locations}; also used by components writing secrets. */
    static SecretReplicationArgs replication(List<String> locations) {
        if (locations.isEmpty()) {
            return SecretReplicationArgs.builder()
                    .auto(SecretReplicationAutoArgs.builder().build())
                    .build();
        }
        return SecretReplicationArgs.builder()
                .userManaged(SecretReplicationUserManagedArgs.builder()
                        .replicas(locations.stream()
                                .map(l -> SecretReplicationUserManagedReplicaArgs.builder()
                                        .location(l)
                                        .build())
                                .toList())
                        .build())
                .build();
    }

    /** Secret id ({@code <env>-<name>}) to its full resource name. */
    public Map<String, Output<String>> secretNames() {
        return Map.copyOf(secretNames);
    }
}
