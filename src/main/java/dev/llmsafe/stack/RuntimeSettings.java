package dev.llmsafe.stack;

import dev.llmsafe.components.OtelConfig;
import dev.llmsafe.components.RuntimeTarget;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How an app stack (review, staging, production) runs the app. Read by {@link RuntimeSettingsReader}; keys in
 * docs/configuration.md, section "App runtime".
 *
 * @param target        the chosen runtime and why
 * @param defaultTarget {@code runtimeTarget}: the target when no label or branch rule decides
 * @param branchRules   {@code runtimeBranchRules}, in order (review stacks only)
 * @param prLabels      {@code prLabels}: the pull request's labels, passed by CI (review stacks only)
 * @param serviceName   the app's name in telemetry and the Railway service name
 * @param commitSha     the deployed commit of a staging or production stack, when CI passes it
 * @param variables     {@code appEnv}: plain environment variables
 * @param secrets       {@code appSecrets}: variable name to a secret name of {@code secretNames}
 */
public record RuntimeSettings(
        TargetChoice target,
        RuntimeTarget defaultTarget,
        List<BranchRule> branchRules,
        List<String> prLabels,
        String serviceName,
        Optional<String> commitSha,
        Image image,
        Map<String, String> variables,
        Map<String, String> secrets,
        OtelConfig otel,
        Railway railway,
        CloudRun cloudRun) {

    /** The container image: {@code image} plus {@code imageDigest} (or, for previews, {@code imageTag}). */
    public record Image(Optional<String> repository, Optional<String> digest, Optional<String> tag) {
        /** {@code repo@sha256:...} when a digest is known, else {@code repo:tag} (or {@code repo:<commit>}). */
        public Optional<String> reference(Optional<String> commitSha) {
            if (repository.isEmpty()) {
                return Optional.empty();
            }
            if (digest.isPresent()) {
                return Optional.of(repository.get() + "@" + digest.get());
            }
            return tag.or(() -> commitSha).map(t -> repository.get() + ":" + t);
        }
    }

    /** What a Railway service runs from. */
    public enum RailwaySource {
        REPOSITORY, IMAGE;

        public String configValue() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * Railway specifics.
     *
     * @param branch   the branch a staging or production service builds ({@code railwayBranch}); previews build
     *                 the pull request's head branch
     * @param registry how Railway logs in to the image's registry, for {@code railwaySource: image}
     */
    public record Railway(Optional<String> workspaceId, Optional<SecretText> token, RailwaySource source,
                          String branch, Optional<String> rootDirectory, Optional<Registry> registry) {
    }

    /**
     * Registry credentials of a Railway image service: {@code railwayRegistryUsername} and the password held in
     * Secret Manager as the environment's secret {@code railwayRegistrySecret} (a name of {@code secretNames}).
     */
    public record Registry(String username, String secretName) {
    }

    /** Cloud Run specifics. */
    public record CloudRun(int minInstances, int maxInstances, int containerPort, String cpu, String memory,
                           String healthPath, boolean allowPublicInvoker, List<String> invokers) {
    }
}
