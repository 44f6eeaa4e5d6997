package dev.llmsafe.components;

import com.pulumi.core.Output;
import com.pulumi.deployment.InvokeOptions;
import com.pulumi.gcp.secretmanager.SecretmanagerFunctions;
import com.pulumi.gcp.secretmanager.inputs.GetSecretVersionArgs;
import com.pulumi.gcp.secretmanager.outputs.GetSecretVersionResult;
import com.pulumi.resources.Resource;
import dev.llmsafe.stack.SecretText;
import java.util.Optional;

/**
 * A secret's value, for components that must hand a value on (a Railway variable, a database password) rather
 * than a Secret Manager reference: from Pulumi secret config when the stack has it, otherwise the latest version in
 * Secret Manager, read at deploy time with the deployer's own access to its environment's secrets. Always a
 * Pulumi secret, so it is encrypted in state and shown as {@code [secret]}.
 */
final class SecretManagerValue {
    static final String LATEST = "latest";

    private SecretManagerValue() {}

    static Output<String> of(Resource parent, String project, String secretId, Optional<SecretText> configured) {
        if (configured.isPresent()) {
            return Output.ofSecret(configured.get().reveal());
        }
        return SecretmanagerFunctions.getSecretVersion(
                        GetSecretVersionArgs.builder()
                                .project(project)
                                .secret(secretId)
                                .version(LATEST)
                                .build(),
                        new InvokeOptions(parent, null, null))
                .applyValue(GetSecretVersionResult::secretData)
                .asSecret();
    }
}
