package dev.llmsafe.stack;

import dev.llmsafe.components.AppRuntime;
import dev.llmsafe.components.CloudRunSettings;
import dev.llmsafe.components.IamMembers;
import dev.llmsafe.components.RuntimeTarget;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the app runtime keys of review, staging and production stacks: part of the one validator. Problems are
 * collected in the {@link ConfigReader} like every other key's; a platform stack that sets one of these keys is
 * told that it has no app runtime.
 */
final class RuntimeSettingsReader {
    static final List<String> KEYS = List.of(
            "runtimeTarget",
            "runtimeBranchRules",
            "prLabels",
            "serviceName",
            "image",
            "imageDigest",
            "imageTag",
            "appEnv",
            "appSecrets",
            "otelEndpoint",
            "otelProtocol",
            "otelSampler",
            "otelSamplerRatio",
            "railwayWorkspaceId",
            "railwayToken",
            "railwaySource",
            "railwayBranch",
            "railwayRootDirectory",
            "railwayRegistrySecret",
            "railwayRegistryUsername",
            "minInstances",
            "maxInstances",
            "containerPort",
            "cpu",
            "memory",
            "healthPath",
            "allowPublicInvoker",
            "invokers");
    /** Keys that only make sense for pull-request previews. */
    static final List<String> REVIEW_ONLY = List.of("runtimeBranchRules", "prLabels");

    static final Pattern SERVICE_NAME = Pattern.compile("[a-z][a-z0-9-]{0,28}[a-z0-9]|[a-z]");
    /** An image repository without tag or digest: registry host, optional port, path. */
    static final Pattern IMAGE =
            Pattern.compile("[a-z0-9]([a-z0-9.-]*[a-z0-9])?(:[0-9]{1,5})?(/[a-z0-9]+([._-][a-z0-9]+)*)+");

    static final Pattern DIGEST = Pattern.compile("sha256:[0-9a-f]{64}");
    static final Pattern TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");
    static final Pattern CPU = Pattern.compile("[1-8]|[1-9][0-9]{2,3}m");
    static final Pattern MEMORY = Pattern.compile("[1-9][0-9]{0,5}(Mi|Gi)");
    static final Pattern HEALTH_PATH = Pattern.compile("/[A-Za-z0-9._~!$&'()*+,;=:@%/-]*");
    static final Pattern MEMBER = Pattern.compile("(user|group|serviceAccount|domain):[^\\s]+");
    static final Pattern LABEL = Pattern.compile("(?s).{1,50}");
    /** Previews run on Railway unless a label, a branch rule or config says otherwise. */
    static final RuntimeTarget DEFAULT_TARGET = RuntimeTarget.RAILWAY;

    private RuntimeSettingsReader() {}

    static Optional<RuntimeSettings> read(
            ConfigReader in, StackKind kind, String appName, Optional<ReviewTarget> review, SecretSettings secrets) {
        if (kind == StackKind.PLATFORM) {
            for (String key : KEYS) {
                in.raw(key)
                        .ifPresent(v -> in.problem(
                                key,
                                v,
                                "the platform stack has no app runtime; set it in "
                                        + "the review, staging or production stack's config"));
            }
            return Optional.empty();
        }
        boolean preview = kind == StackKind.REVIEW;
        if (!preview) {
            for (String key : REVIEW_ONLY) {
                in.raw(key)
                        .ifPresent(v -> in.problem(
                                key,
                                v,
                                "only pull-request (review) stacks choose their "
                                        + "runtime per label or branch; set runtimeTarget instead"));
            }
        }
        RuntimeTarget defaultTarget = target(in);
        List<BranchRule> rules = preview ? BranchRulesReader.read(in) : List.of();
        List<String> labels = preview
                ? in.list(
                        "prLabels",
                        List.of(),
                        l -> LABEL.matcher(l).matches(),
                        "pull-request labels are 1-50 characters (CI passes them, e.g. [\"preview:cloudrun\"])")
                : List.of();
        TargetChoice choice = choose(in, defaultTarget, rules, labels, review);

        String serviceName = in.optional(
                "serviceName",
                appName,
                SERVICE_NAME,
                "must be 1-30 characters: lowercase letters, digits and hyphens, starting with a letter");
        Optional<String> commit = preview
                ? Optional.empty()
                : Optional.ofNullable(in.optional(
                        "commitSha",
                        null,
                        StackSettingsReader.COMMIT_SHA,
                        "must be the full 40-character lowercase hex commit id"));
        RuntimeSettings.Image image = image(in, preview);
        AppEnvReader env = new AppEnvReader(in, secrets);
        RuntimeSettings.Railway railway = RailwaySettingsReader.read(in, preview, secrets);
        String health = healthPath(in);
        CloudRunSettings cloudRun = cloudRun(in, kind);
        requireImage(in, choice.target(), railway, image, preview);
        return Optional.of(RuntimeSettings.builder(choice, defaultTarget)
                .branchRules(rules)
                .prLabels(labels)
                .serviceName(serviceName == null ? appName : serviceName)
                .commitSha(commit)
                .image(image)
                .variables(env.variables())
                .secrets(env.secrets())
                .otel(env.otel(kind))
                .healthPath(health)
                .railway(railway)
                .cloudRun(cloudRun)
                .build());
    }

    private static RuntimeTarget target(ConfigReader in) {
        Optional<String> raw = in.raw("runtimeTarget");
        in.declareDefault("runtimeTarget", DEFAULT_TARGET.configValue());
        if (raw.isEmpty()) {
            return DEFAULT_TARGET;
        }
        Optional<RuntimeTarget> target = RuntimeTarget.parse(raw.get().trim());
        if (target.isEmpty()) {
            in.problem("runtimeTarget", raw.get(), "must be one of " + RuntimeTarget.allowedValues());
        }
        return target.orElse(DEFAULT_TARGET);
    }

    private static TargetChoice choose(
            ConfigReader in,
            RuntimeTarget defaultTarget,
            List<BranchRule> rules,
            List<String> labels,
            Optional<ReviewTarget> review) {
        if (review.isEmpty()) { // staging or production, or a review stack whose PR keys were reported
            return TargetChoice.byDefault(defaultTarget);
        }
        try {
            return TargetSelector.choose(
                    defaultTarget, rules, labels, review.get().branch());
        } catch (IllegalArgumentException e) {
            in.problem("prLabels", String.join(", ", labels), e.getMessage());
            return TargetChoice.byDefault(defaultTarget);
        }
    }

    private static RuntimeSettings.Image image(ConfigReader in, boolean preview) {
        Optional<String> repository = Optional.ofNullable(in.optional(
                "image",
                null,
                IMAGE,
                "must be an image repository without tag or digest, e.g. "
                        + "europe-west4-docker.pkg.dev/acme-shop-prod/apps/shop (set imageDigest separately)"));
        Optional<String> digest = Optional.ofNullable(in.optional(
                "imageDigest",
                null,
                DIGEST,
                "must be an image digest: sha256: and 64 lowercase hex characters (CI sets it after the build)"));
        Optional<String> tag = Optional.ofNullable(in.optional(
                "imageTag", null, TAG, "must be an image tag: letters, digits, '_', '.', '-', at most 128 characters"));
        if (!preview && tag.isPresent()) {
            in.problem("imageTag", tag.get(), "staging and production run images by digest only; set imageDigest");
        }
        return new RuntimeSettings.Image(repository, digest, tag);
    }

    /** The health contract's path: the uptime check on every runtime, and Cloud Run's probes. */
    private static String healthPath(ConfigReader in) {
        String health = in.optional(
                "healthPath",
                AppRuntime.DEFAULT_HEALTH_PATH,
                HEALTH_PATH,
                "must be an HTTP path starting with '/', e.g. " + AppRuntime.DEFAULT_HEALTH_PATH);
        return health == null ? AppRuntime.DEFAULT_HEALTH_PATH : health;
    }

    private static CloudRunSettings cloudRun(ConfigReader in, StackKind kind) {
        int defaultMin = kind == StackKind.PRODUCTION ? 1 : 0;
        int defaultMax = kind == StackKind.PRODUCTION ? 10 : kind == StackKind.STAGING ? 3 : 2;
        int min = in.integer("minInstances", defaultMin, 0, 100, "instances kept warm");
        if (kind == StackKind.REVIEW && min != 0) {
            in.problem(
                    "minInstances",
                    String.valueOf(min),
                    "previews scale to zero so an idle one costs nothing; "
                            + "remove minInstances from the review config");
            min = 0;
        }
        int max = in.integer("maxInstances", defaultMax, 1, 1000, "the cap on instances");
        if (min > max) {
            in.problem("maxInstances", String.valueOf(max), "must be at least minInstances (" + min + ")");
        }
        int port = in.integer(
                "containerPort", CloudRunSettings.DEFAULT_CONTAINER_PORT, 1, 65535, "the port the app listens on");
        String cpu = in.optional(
                "cpu",
                CloudRunSettings.DEFAULT_CPU,
                CPU,
                "must be a Cloud Run CPU limit: 1-8, or millicores like 500m");
        String memory = in.optional(
                "memory", CloudRunSettings.DEFAULT_MEMORY, MEMORY, "must be a memory limit such as 512Mi or 2Gi");
        boolean publicInvoker = in.bool("allowPublicInvoker", false);
        List<String> invokers = in.list(
                "invokers",
                List.of(),
                m -> MEMBER.matcher(m).matches(),
                "invokers are IAM members: user:, group:, serviceAccount: or domain: (public access is "
                        + "allowPublicInvoker: true, never allUsers here)");
        return CloudRunSettings.builder(min, max)
                .containerPort(port)
                .cpu(cpu == null ? CloudRunSettings.DEFAULT_CPU : cpu)
                .memory(memory == null ? CloudRunSettings.DEFAULT_MEMORY : memory)
                .allowPublicInvoker(publicInvoker)
                .iam(IamMembers.listed(invokers))
                .build();
    }

    /** Cloud Run always runs an image; Railway does when its source is image. Outside previews, by digest. */
    private static void requireImage(
            ConfigReader in,
            RuntimeTarget target,
            RuntimeSettings.Railway railway,
            RuntimeSettings.Image image,
            boolean preview) {
        boolean needsImage =
                target == RuntimeTarget.CLOUD_RUN || railway.source() == RuntimeSettings.RailwaySource.IMAGE;
        if (!needsImage) {
            return;
        }
        String why = target == RuntimeTarget.CLOUD_RUN
                ? "the cloudrun target runs a container image"
                : "railwaySource is image";
        if (image.repository().isEmpty() && in.raw("image").isEmpty()) {
            in.problem(
                    "image",
                    null,
                    "required: " + why + "; set the repository, e.g. "
                            + "europe-west4-docker.pkg.dev/acme-shop-prod/apps/shop");
        }
        if (!preview && image.digest().isEmpty() && in.raw("imageDigest").isEmpty()) {
            in.problem(
                    "imageDigest",
                    null,
                    "required: staging and production run images by digest only; CI sets "
                            + "it after the build (`--config llm-safe:imageDigest=sha256:...`)");
        }
    }

    /** Reads a number from 0 to 1, for ratios. */
    static double ratio(ConfigReader in, String key, double fallback) {
        in.declareDefault(key, fallback);
        Optional<String> raw = in.raw(key);
        if (raw.isEmpty()) {
            return fallback;
        }
        try {
            double value = Double.parseDouble(raw.get().trim());
            if (value >= 0 && value <= 1) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        in.problem(key, raw.get(), "must be a number from 0 to 1, e.g. 0.1 to keep one trace in ten");
        return fallback;
    }
}
