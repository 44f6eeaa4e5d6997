package dev.llmsafe.providers.railway;

import com.pulumi.deployment.Deployment;
import com.pulumi.deployment.DeploymentInstance;
import com.pulumi.resources.CustomResourceOptions;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.CompletableFuture;

/**
 * The Railway package: the Terraform provider {@value #TF_PROVIDER} {@value #VERSION} run through Pulumi's
 * {@value #BASE_PROVIDER} bridge {@value #BASE_PROVIDER_VERSION}, a parameterized provider. What
 * {@code Pulumi.yaml}'s {@code packages: railway:} block declares for the CLI, this class declares for the
 * program: every Railway resource is registered with the package reference this class obtains from
 * {@code registerPackage}, exactly as an SDK generated from the parameterized schema does.
 */
public final class RailwayPackage {
    /** The Pulumi package name: the prefix of every token ({@code railway:index/...}). */
    public static final String NAME = "railway";
    /** The version of the parameterized package: the Terraform provider's version. */
    public static final String VERSION = "0.6.2";

    public static final String TF_PROVIDER = "terraform-community-providers/railway";
    public static final String BASE_PROVIDER = "terraform-provider";
    public static final String BASE_PROVIDER_VERSION = "1.1.3";
    /** The base provider comes from Pulumi's own plugin registry, so no download URL is needed. */
    public static final String BASE_PROVIDER_DOWNLOAD_URL = "";

    /**
     * The parameter value the bridge records when parameterized with {@code [terraform-community-providers/railway,
     * 0.6.2]}: a JSON object naming the fully qualified registry address (the OpenTofu registry is the bridge's
     * default) and the exact version. It is what {@code pulumi package add terraform-provider ...} writes into the
     * generated SDK, and what the bridge parses back (remote.url and remote.version, both required) to download and
     * run that provider when the engine hands it this value.
     */
    public static final String PARAMETER_JSON =
            "{\"remote\":{\"url\":\"registry.opentofu.org/" + TF_PROVIDER + "\",\"version\":\"" + VERSION + "\"}}";

    // Generated SDKs register the package once, in a static initializer, because a JVM runs one deployment. The
    // offline planner and the tests run many deployments in one JVM, so the reference is kept per deployment.
    private static final Map<DeploymentInstance, CompletableFuture<String>> REFS =
            Collections.synchronizedMap(new WeakHashMap<>());

    private RailwayPackage() {}

    /** The base64 form of {@link #PARAMETER_JSON}, as {@code registerPackage} takes it. */
    public static String parameter() {
        return Base64.getEncoder().encodeToString(PARAMETER_JSON.getBytes(StandardCharsets.UTF_8));
    }

    /** The package reference of the current deployment, registering the package on first use. */
    public static CompletableFuture<String> packageRef() {
        DeploymentInstance deployment = Deployment.getInstance();
        return REFS.computeIfAbsent(
                deployment,
                d -> d.registerPackage(
                        BASE_PROVIDER, BASE_PROVIDER_VERSION, BASE_PROVIDER_DOWNLOAD_URL, NAME, VERSION, parameter()));
    }

    /**
     * The options every Railway resource gets, merged under the caller's: the package version, as generated SDKs
     * set it, and the outputs Railway marks sensitive.
     */
    static CustomResourceOptions options(CustomResourceOptions options, List<String> secretOutputs) {
        var defaults = CustomResourceOptions.builder().version(VERSION);
        if (!secretOutputs.isEmpty()) {
            defaults.additionalSecretOutputs(secretOutputs);
        }
        return CustomResourceOptions.merge(defaults.build(), options);
    }
}
