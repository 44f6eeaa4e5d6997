package dev.llmsafe.stack;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmsafe.components.AlertSettings;
import dev.llmsafe.components.AuditTrailArgs;
import dev.llmsafe.components.StateBackendArgs;
import dev.llmsafe.naming.StackNames;
import dev.llmsafe.reaper.PreviewTtl;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The one validator of stack configuration, shared by the Pulumi engine path and the offline plan. It reads
 * every key, collects every problem, and either returns settings or throws {@link InvalidConfigException}
 * listing them all; it never throws anything else, whatever the input.
 */
public final class StackSettingsReader {
    static final Pattern GCP_PROJECT = Pattern.compile("[a-z][a-z0-9-]{4,28}[a-z0-9]");
    static final Pattern GCP_REGION = Pattern.compile("(africa|asia|australia|europe|me|northamerica|southamerica|us)-"
            + "(central|east|west|north|south|northeast|northwest|southeast|southwest)[1-9][0-9]?");
    static final Pattern GITHUB_OWNER = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}");
    static final Pattern GITHUB_REPO = Pattern.compile("(?!\\.\\.?$)[A-Za-z0-9._-]{1,100}");
    static final Pattern SHORT_NAME = Pattern.compile("[a-z][a-z0-9-]{0,18}[a-z0-9]|[a-z]");
    static final Pattern PR_NUMBER = Pattern.compile(StackNames.PR_NUMBER);
    static final Pattern COMMIT_SHA = Pattern.compile("[0-9a-f]{40}|[0-9a-f]{64}");
    static final Pattern ANY = Pattern.compile("(?s).*");
    /** The pull request a review stack deploys, set by CI: no other kind of stack has one. */
    static final List<String> REVIEW_TARGET_KEYS = List.of("prNumber", "branch");
    /** Stack keys that once named the environments; policy.yaml's environments is their one home now. */
    static final List<String> ENVIRONMENT_KEYS =
            List.of("reviewEnvironment", "stagingEnvironment", "productionEnvironment");

    private StackSettingsReader() {}

    /**
     * @param policy what the project's policy.yaml says ({@code PolicyFile#projectFacts}), the one home of the AI
     *               identities (refused as reviewers and code owners) and of the main branch
     */
    public static StackSettings read(String stackName, ConfigSource source, PolicyFacts policy) {
        return read(new ConfigReader(source), stackName, policy);
    }

    /** As {@link #read(String, ConfigSource, PolicyFacts)}, through {@code in}, which then knows every default. */
    static StackSettings read(ConfigReader in, String stackName, PolicyFacts policy) {
        StackKind kind = kind(stackName, in);
        String project = in.required(
                "gcpProject",
                GCP_PROJECT,
                "must be a GCP project id: 6-30 characters, lowercase letters, digits and hyphens, starting with a letter");
        String region = in.required(
                "gcpRegion",
                GCP_REGION,
                "must be a GCP region name such as us-central1 or europe-west4 (not a zone like us-central1-a)");
        String appName = in.optional(
                "appName",
                StackSettings.DEFAULT_APP_NAME,
                SHORT_NAME,
                "must be 1-20 characters: lowercase letters, digits and hyphens, starting with a letter");
        GithubRepository github = new GithubRepository(
                in.required("githubOwner", GITHUB_OWNER, "must be a GitHub user or organization login"),
                in.required(
                        "githubRepository",
                        GITHUB_REPO,
                        "must be a GitHub repository name (letters, digits, '.', '_', '-'), without the owner"),
                in.requiredId("repositoryId", "repository id"),
                in.requiredId("ownerId", "owner id"));
        EnvironmentNames environments = environments(in, policy);
        Optional<ReviewTarget> review = review(stackName, kind, in);
        PlatformSettingsReader platform = new PlatformSettingsReader(in, project, region, environments);
        StateBackendArgs.Builder state = platform.stateBackend();
        String keyRing = platform.stackKeyRing();
        IdentitySettings identity = platform.identity();
        SecretSettings secrets = platform.secrets();
        Map<String, String> labels = labels(in);
        Optional<GovernanceSettings> governance =
                GovernanceSettingsReader.read(in, kind, environments, github.owner(), policy);
        Optional<RuntimeSettings> runtime = RuntimeSettingsReader.read(in, kind, appName, review, secrets);
        Optional<AlertSettings> monitoring = MonitoringSettingsReader.read(in, kind);
        Optional<PreviewDatabaseSettings> previewDatabase =
                PreviewDatabaseSettingsReader.read(in, kind, environments, secrets, runtime);
        AuditTrailArgs.Builder audit = AuditSettingsReader.read(in, project, region);
        in.known("prNumber", "branch", "commitSha");
        PreviewTtl.read(in); // used by the reaper; validated here like every key
        in.reportUnknownKeys();

        if (!in.problems().isEmpty()) {
            throw new InvalidConfigException(stackName, in.problems());
        }
        return StackSettings.builder(stackName, kind)
                .appName(appName)
                .gcpProject(project)
                .gcpRegion(region)
                .github(github)
                .environments(environments)
                .review(review)
                .stateBackend(state.build())
                .stackKeyRing(keyRing)
                .identity(identity)
                .secrets(secrets)
                .labels(labels)
                .governance(governance)
                .runtime(runtime)
                .monitoring(monitoring)
                .previewDatabase(previewDatabase)
                .audit(audit.build())
                .build();
    }

    private static StackKind kind(String stackName, ConfigReader in) {
        Optional<String> raw = in.raw("kind");
        Optional<StackKind> kind = raw.flatMap(StackKind::parse);
        if (raw.isEmpty()) {
            in.problem("kind", null, "required; one of " + StackKind.allowedValues());
        } else if (kind.isEmpty()) {
            in.problem("kind", raw.get(), "must be one of " + StackKind.allowedValues());
        }
        boolean reviewName = StackNames.isReview(stackName);
        if (reviewName && kind.isPresent() && kind.get() != StackKind.REVIEW) {
            in.problem("kind", raw.get(), "stack " + stackName + " is a pull-request stack, so kind must be review");
        }
        if (!reviewName && kind.orElse(null) == StackKind.REVIEW) {
            in.problem(
                    "kind",
                    raw.get(),
                    "review stacks must be named " + StackNames.REVIEW_SHOWN + " (e.g. "
                            + StackNames.review(42) + "), but this stack is " + stackName + "; select stack "
                            + StackNames.REVIEW_SHOWN + " with --config-file Pulumi.review.yaml");
        }
        // With a bad kind, keep validating as the stack's name suggests, so its other keys are checked too.
        return kind.orElse(reviewName ? StackKind.REVIEW : StackKind.PLATFORM);
    }

    /**
     * The environment names come from policy.yaml alone: the policy check's environment gates judge the names
     * there, so a stack that named its own could create environments the check never looks at.
     */
    private static EnvironmentNames environments(ConfigReader in, PolicyFacts policy) {
        for (String key : ENVIRONMENT_KEYS) {
            in.raw(key)
                    .ifPresent(v -> in.problem(
                            key,
                            v,
                            "the environment names are set once, in policy.yaml's "
                                    + "environments (review, staging, production), which the policy check and the approval gate "
                                    + "read too; set the name there and remove " + key + " from the stack config"));
        }
        return policy.environments();
    }

    private static Optional<ReviewTarget> review(String stackName, StackKind kind, ConfigReader in) {
        if (kind != StackKind.REVIEW) {
            for (String key : REVIEW_TARGET_KEYS) {
                in.raw(key)
                        .ifPresent(v -> in.problem(
                                key,
                                v,
                                "only pull-request (review) stacks deploy a pull " + "request; remove " + key
                                        + " from the " + kind.configValue() + " stack's config"));
            }
            return Optional.empty();
        }
        String pr = in.required("prNumber", PR_NUMBER, "must be the pull request number, e.g. 42 (CI sets it)");
        OptionalInt named = StackNames.pullRequest(stackName);
        if (pr != null
                && named.isPresent()
                && !Integer.toString(named.getAsInt()).equals(pr)) {
            in.problem(
                    "prNumber",
                    pr,
                    "stack " + stackName + " belongs to pull request " + named.getAsInt() + "; set prNumber to "
                            + named.getAsInt() + " or select stack " + StackNames.REVIEW_PREFIX + pr);
        }
        String branch = in.required("branch", ANY, "must be the pull request's head branch (CI sets it)");
        if (branch != null && !GitRefs.isValidBranch(branch)) {
            in.problem(
                    "branch",
                    branch,
                    "must be a valid git branch name (no spaces, '..', '~', '^', ':', '?', '*', "
                            + "'[', '\\', control characters, or a leading '-')");
            branch = null;
        }
        String sha = in.required("commitSha", COMMIT_SHA, "must be the full 40-character lowercase hex commit id");
        if (pr == null || branch == null || sha == null) {
            return Optional.empty();
        }
        return Optional.of(new ReviewTarget(Integer.parseInt(pr), branch, sha));
    }

    private static Map<String, String> labels(ConfigReader in) {
        Map<String, String> labels = new TreeMap<>();
        for (Map.Entry<String, JsonNode> e : in.object("labels").entrySet()) {
            String value = e.getValue().isValueNode()
                    ? e.getValue().asText()
                    : e.getValue().toString();
            if (!Labels.KEY.matcher(e.getKey()).matches()) {
                in.problem(
                        "labels",
                        e.getKey(),
                        "label keys must start with a lowercase letter and use only "
                                + "a-z, 0-9, '_' and '-' (at most 63 characters)");
            } else if (!Labels.VALUE.matcher(value).matches()) {
                in.problem(
                        "labels",
                        e.getKey() + "=" + value,
                        "label values use only a-z, 0-9, '_' and '-' (at most 63 characters)");
            } else {
                labels.put(e.getKey(), value);
            }
        }
        return Map.copyOf(labels);
    }
}
