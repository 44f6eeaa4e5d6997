package dev.llmsafe.components;

import com.pulumi.core.Output;
import com.pulumi.gcp.kms.CryptoKey;
import com.pulumi.gcp.kms.CryptoKeyArgs;
import com.pulumi.gcp.kms.CryptoKeyIAMMember;
import com.pulumi.gcp.kms.CryptoKeyIAMMemberArgs;
import com.pulumi.gcp.kms.KeyRing;
import com.pulumi.gcp.kms.KeyRingArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One Cloud KMS key per environment for Pulumi's stack secrets ({@code --secrets-provider gcpkms://...}), usable
 * only by that environment's deployer: a preview job cannot decrypt a staging or production stack's secrets, and
 * no passphrase exists anywhere. Keys are protected: deleting one would make every secret it encrypted unreadable.
 */
public final class StackSecretsKeys extends ComponentResource {
    public static final String USER_ROLE = "roles/cloudkms.cryptoKeyEncrypterDecrypter";

    private final Map<String, Output<String>> secretsProviders = new LinkedHashMap<>();

    public StackSecretsKeys(String name, StackSecretsKeysArgs args, ComponentResourceOptions options) {
        super(ComponentTypes.of("StackSecretsKeys"), name, options);
        var ring = new KeyRing(
                name + "-ring",
                KeyRingArgs.builder()
                        .project(args.project())
                        .location(args.location())
                        .name(args.keyRing())
                        .build(),
                CustomResourceOptions.builder().parent(this).protect(true).build());
        for (String env : args.iam().keys()) {
            Map<String, String> labels = new HashMap<>(args.labels());
            labels.put("environment", env);
            var key = new CryptoKey(
                    name + "-" + env,
                    CryptoKeyArgs.builder()
                            .keyRing(ring.id())
                            .name(env + "-stacks")
                            .purpose("ENCRYPT_DECRYPT")
                            .rotationPeriod(StackSecretsKeysArgs.ROTATION_PERIOD)
                            .labels(labels)
                            .build(),
                    CustomResourceOptions.builder().parent(this).protect(true).build());
            List<Output<String>> members = args.iam().get(env);
            for (int i = 0; i < members.size(); i++) {
                new CryptoKeyIAMMember(
                        name + "-" + env + "-user" + (i == 0 ? "" : "-" + i),
                        CryptoKeyIAMMemberArgs.builder()
                                .cryptoKeyId(key.id())
                                .role(USER_ROLE)
                                .member(members.get(i))
                                .build(),
                        CustomResourceOptions.builder().parent(this).build());
            }
            secretsProviders.put(env, key.name().applyValue(k -> secretsProvider(args, k)));
        }
        registerOutputs(new LinkedHashMap<String, Output<?>>(secretsProviders));
    }

    static String secretsProvider(StackSecretsKeysArgs args, String key) {
        return "gcpkms://projects/" + args.project() + "/locations/" + args.location() + "/keyRings/" + args.keyRing()
                + "/cryptoKeys/" + key;
    }

    /** Environment name to its {@code --secrets-provider} URL. */
    public Map<String, Output<String>> secretsProviders() {
        return Collections.unmodifiableMap(secretsProviders);
    }
}
