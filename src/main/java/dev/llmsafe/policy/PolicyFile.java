package dev.llmsafe.policy;

import dev.llmsafe.components.GithubGovernanceArgs;
import dev.llmsafe.identity.ActorClassifier;
import dev.llmsafe.policy.input.InputException;
import dev.llmsafe.stack.EnvironmentNames;
import dev.llmsafe.stack.PolicyFacts;
import dev.llmsafe.stack.StackKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The policy file ({@code policy.yaml}): levels per rule and stack kind, protected paths, who counts as AI,
 * allowlists and expiring suppressions. Every key is described in docs/policies.md. The audit log and the
 * governance checks load it too, so that every part of the project classifies actors the same way.
 *
 * @param trailerPatterns   regular expressions naming AI agents in {@code Co-authored-by:} trailers
 * @param aiAgents          names of AI agents beyond {@link ActorClassifier#DEFAULT_AI_AGENTS}
 * @param githubAccounts    numeric GitHub user id to login, so reviewers given by id can be classified
 * @param auditRetentionDays the minimum retention of the audit bucket, in days
 * @param publicInvokerStacks stacks (by name) that may serve the public from Cloud Run, when their config says so
 * @param source            where it was read from, or {@code (defaults)}
 */
public record PolicyFile(
        Map<String, RuleLevels> rules,
        EnvironmentNames environments,
        String mainBranch,
        List<String> protectedPaths,
        Set<String> aiIdentities,
        List<String> trailerPatterns,
        List<String> aiAgents,
        Map<Long, String> githubAccounts,
        long auditRetentionDays,
        boolean allowPublicReviewInvoker,
        List<String> publicInvokerStacks,
        List<AllowlistEntry> allowlist,
        List<Suppression> suppressions,
        String source) {

    /**
     * What an AI-assisted change may never touch, whatever policy.yaml says: everything that decides what CI runs
     * or how a change is judged (workflows, CI scripts, the build and its wrapper, Pulumi config, the policy file,
     * code owners) and this project's own code that the checks run. {@code protectedPaths} adds to this list.
     */
    public static final List<String> DEFAULT_PROTECTED_PATHS = List.of(
            ".github/**",
            ".ci/**",
            "mvnw",
            "mvnw.cmd",
            ".mvn/**",
            "**/pom.xml",
            "Pulumi*.yaml",
            "policy.yaml",
            "**/CODEOWNERS",
            "src/main/java/dev/llmsafe/policy/**",
            "src/main/java/dev/llmsafe/plan/**",
            "src/main/java/dev/llmsafe/gate/**",
            "src/main/java/dev/llmsafe/audit/**",
            "src/main/java/dev/llmsafe/identity/**",
            "src/main/java/dev/llmsafe/cli/**");

    public static final long DEFAULT_AUDIT_RETENTION_DAYS = 365;
    /** The policy file at the repository root, which the workflows pass as {@code --policy}. */
    public static final String PROJECT_FILE = "policy.yaml";

    private static final long MAX_BYTES = 1024 * 1024;

    public PolicyFile {
        rules = Map.copyOf(rules);
        protectedPaths = List.copyOf(protectedPaths);
        aiIdentities = Set.copyOf(aiIdentities);
        trailerPatterns = List.copyOf(trailerPatterns);
        aiAgents = List.copyOf(aiAgents);
        githubAccounts = Map.copyOf(githubAccounts);
        publicInvokerStacks = List.copyOf(publicInvokerStacks);
        allowlist = List.copyOf(allowlist);
        suppressions = List.copyOf(suppressions);
    }

    /** The policy used when no policy file is given: every rule at its default level. */
    public static PolicyFile defaults() {
        return builder().build();
    }

    /** A policy built key by key, starting from {@link #defaults()}. */
    public static Builder builder() {
        return new Builder();
    }

    /** Names each key of a policy, so that no two of its fourteen are swapped unnoticed. */
    public static final class Builder {
        private Map<String, RuleLevels> rules = Map.of();
        private EnvironmentNames environments = EnvironmentNames.DEFAULTS;
        private String mainBranch = GithubGovernanceArgs.DEFAULT_MAIN_BRANCH;
        private List<String> protectedPaths = DEFAULT_PROTECTED_PATHS;
        private Set<String> aiIdentities = Set.of();
        private List<String> trailerPatterns = ActorClassifier.DEFAULT_AGENT_PATTERNS;
        private List<String> aiAgents = List.of();
        private Map<Long, String> githubAccounts = Map.of();
        private long auditRetentionDays = DEFAULT_AUDIT_RETENTION_DAYS;
        private boolean allowPublicReviewInvoker;
        private List<String> publicInvokerStacks = List.of();
        private List<AllowlistEntry> allowlist = List.of();
        private List<Suppression> suppressions = List.of();
        private String source = "(defaults)";

        private Builder() {}

        public Builder rules(Map<String, RuleLevels> rules) {
            this.rules = rules;
            return this;
        }

        public Builder environments(EnvironmentNames environments) {
            this.environments = environments;
            return this;
        }

        public Builder mainBranch(String mainBranch) {
            this.mainBranch = mainBranch;
            return this;
        }

        public Builder protectedPaths(List<String> protectedPaths) {
            this.protectedPaths = protectedPaths;
            return this;
        }

        public Builder aiIdentities(Set<String> aiIdentities) {
            this.aiIdentities = aiIdentities;
            return this;
        }

        public Builder trailerPatterns(List<String> trailerPatterns) {
            this.trailerPatterns = trailerPatterns;
            return this;
        }

        public Builder aiAgents(List<String> aiAgents) {
            this.aiAgents = aiAgents;
            return this;
        }

        public Builder githubAccounts(Map<Long, String> githubAccounts) {
            this.githubAccounts = githubAccounts;
            return this;
        }

        public Builder auditRetentionDays(long auditRetentionDays) {
            this.auditRetentionDays = auditRetentionDays;
            return this;
        }

        public Builder allowPublicReviewInvoker(boolean allowPublicReviewInvoker) {
            this.allowPublicReviewInvoker = allowPublicReviewInvoker;
            return this;
        }

        public Builder publicInvokerStacks(List<String> publicInvokerStacks) {
            this.publicInvokerStacks = publicInvokerStacks;
            return this;
        }

        public Builder allowlist(List<AllowlistEntry> allowlist) {
            this.allowlist = allowlist;
            return this;
        }

        public Builder suppressions(List<Suppression> suppressions) {
            this.suppressions = suppressions;
            return this;
        }

        public Builder source(String source) {
            this.source = source;
            return this;
        }

        public PolicyFile build() {
            return new PolicyFile(
                    rules,
                    environments,
                    mainBranch,
                    protectedPaths,
                    aiIdentities,
                    trailerPatterns,
                    aiAgents,
                    githubAccounts,
                    auditRetentionDays,
                    allowPublicReviewInvoker,
                    publicInvokerStacks,
                    allowlist,
                    suppressions,
                    source);
        }
    }

    /**
     * Reads and validates a policy file. Throws {@link InputException} listing every problem with its line,
     * or when the file cannot be read.
     */
    public static PolicyFile load(Path file) throws IOException {
        return load(file, file.toString());
    }

    /** As {@link #load(Path)}, naming the file {@code source} in messages and findings (e.g. repository-relative). */
    public static PolicyFile load(Path file, String source) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new InputException(
                    source,
                    "no such policy file; pass --policy FILE or create policy.yaml " + "(see docs/policies.md)");
        }
        if (Files.size(file) > MAX_BYTES) {
            throw new InputException(source, "larger than 1 MiB; a policy file is a short YAML document");
        }
        return read(Files.readAllBytes(file), source);
    }

    /** As {@link #load(Path, String)}, from the file's bytes (as read from a git revision, say). */
    public static PolicyFile read(byte[] bytes, String source) throws InputException {
        if (bytes.length > MAX_BYTES) {
            throw new InputException(source, "larger than 1 MiB; a policy file is a short YAML document");
        }
        try {
            return parse(
                    StandardCharsets.UTF_8
                            .newDecoder()
                            .decode(java.nio.ByteBuffer.wrap(bytes))
                            .toString(),
                    source);
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new InputException(source, "not UTF-8 text");
        }
    }

    /** Validates policy file text; rule ids are checked against the registered rules. */
    public static PolicyFile parse(String text, String source) throws InputException {
        return new PolicyFileReader(source, RuleRegistry.ids()).read(text);
    }

    /** The one classifier of actors, configured with this file's AI identities and trailer patterns. */
    public ActorClassifier classifier() {
        return new ActorClassifier(aiIdentities, trailerPatterns, aiAgents);
    }

    /**
     * The classifier every command uses: the policy file's identities and trailer patterns (or the defaults when
     * {@code file} is null), plus AI identities given on the command line.
     */
    public static ActorClassifier classifier(Path file, Collection<String> extraAiIdentities) throws IOException {
        return (file == null ? defaults() : load(file)).classifier(extraAiIdentities);
    }

    /** The classifier of this policy's AI identities and trailer patterns, plus {@code extraAiIdentities}. */
    public ActorClassifier classifier(Collection<String> extraAiIdentities) {
        Set<String> ids = new LinkedHashSet<>(aiIdentities());
        extraAiIdentities.stream().map(String::trim).filter(id -> !id.isEmpty()).forEach(ids::add);
        return new ActorClassifier(ids, trailerPatterns(), aiAgents());
    }

    /**
     * The AI identities of the project's {@code policy.yaml} in {@code projectDir}, or none when the project has no
     * policy file: the one list that the approval gate, the policy check and the platform stack's reviewer checks
     * all read.
     */
    public static Set<String> projectAiIdentities(Path projectDir) throws IOException {
        return projectFacts(projectDir).aiIdentities();
    }

    /**
     * What the stacks read from the project's {@code policy.yaml} in {@code projectDir} (its AI identities, main
     * branch and environment names), or the defaults when the project has no policy file.
     */
    public static PolicyFacts projectFacts(Path projectDir) throws IOException {
        Path file = projectDir.resolve(PROJECT_FILE);
        PolicyFile policy = Files.isRegularFile(file) ? load(file, PROJECT_FILE) : defaults();
        return new PolicyFacts(policy.aiIdentities(), policy.mainBranch(), policy.environments());
    }

    public EnforcementLevel levelFor(Rule rule, Optional<StackKind> kind) {
        RuleLevels levels = rules.get(rule.id());
        return levels == null ? rule.defaultLevel() : levels.resolve(rule.defaultLevel(), kind);
    }

    /** The login recorded for a numeric GitHub id, or the id itself as text (which aiIdentities may list). */
    public String login(long githubId) {
        return githubAccounts.getOrDefault(githubId, Long.toString(githubId));
    }
}
