package dev.llmsafe.stack;

import dev.llmsafe.identity.ActorClassifier;
import dev.llmsafe.stack.GovernanceSettings.Account;
import dev.llmsafe.stack.GovernanceSettings.ReviewerSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Reads and checks the governance keys. Only the platform kind uses them (and requires reviewers, status checks
 * and code owners); other kinds accept them as known keys so one shared file can hold them.
 */
final class GovernanceSettingsReader {
    static final String APPROVAL_ENVIRONMENT = "productionApprovalEnvironment";
    /**
     * Stack keys whose one home is policy.yaml now, with what to tell a stack that still sets one: the gate and the
     * policy check read them there too, so a second copy could only disagree.
     */
    static final Map<String, String> POLICY_FILE_KEYS = Map.of(
            "aiIdentities",
                    "AI identities are listed once, in policy.yaml's aiIdentities, which the approval gate, "
                            + "the policy check and this stack all read; move the list there and remove it from the stack config",
            "mainBranch",
                    "the main branch is named once, in policy.yaml's mainBranch, which the policy check's branch "
                            + "rules and this stack's rules and environments all read; set it there and remove it from the "
                            + "stack config");

    static final List<String> KEYS = List.of(
            APPROVAL_ENVIRONMENT,
            "stagingReviewers",
            "stagingReviewerTeams",
            "productionApprovalReviewers",
            "productionApprovalReviewerTeams",
            "productionReviewers",
            "productionReviewerTeams",
            "requiredApprovals",
            "requiredStatusChecks",
            "codeOwners",
            "codeOwnedPaths",
            "waitTimerMinutes");
    /** GitHub's limit of required reviewers (users and teams together) per environment. */
    static final int MAX_REVIEWERS = 6;

    static final Pattern CODE_OWNER = Pattern.compile(
            "@" + StackSettingsReader.GITHUB_OWNER.pattern() + "(/" + ReviewerListReader.TEAM_SLUG.pattern() + ")?");
    static final Pattern CODE_PATH = Pattern.compile("[/*][^\\s#!\\\\\\[\\]]*");
    static final Pattern CHECK_NAME = Pattern.compile("[^\\p{Cntrl}]{1,255}");

    private GovernanceSettingsReader() {}

    /** @param policy policy.yaml's facts: the main branch, and the AI identities that may not review or own code */
    static Optional<GovernanceSettings> read(
            ConfigReader in, StackKind kind, EnvironmentNames envs, String owner, PolicyFacts policy) {
        new TreeMap<>(POLICY_FILE_KEYS).forEach((key, fix) -> in.raw(key).ifPresent(v -> in.problem(key, v, fix)));
        if (kind != StackKind.PLATFORM) {
            in.known(KEYS.toArray(String[]::new));
            return Optional.empty();
        }
        String approval = in.optional(
                APPROVAL_ENVIRONMENT,
                GovernanceSettings.DEFAULT_APPROVAL_ENVIRONMENT,
                StackSettingsReader.SHORT_NAME,
                "must be 1-20 characters: lowercase letters, digits and hyphens, starting with a letter");
        if (approval != null && envs.all().contains(approval)) {
            in.problem(
                    APPROVAL_ENVIRONMENT,
                    approval,
                    "must differ from the review, staging and production " + "environments " + envs.all()
                            + ": production needs two environments, each approved once");
        }
        String main = policy.mainBranch();
        Set<String> aiIdentities = policy.aiIdentities();
        List<String> ai = List.copyOf(new TreeSet<>(aiIdentities));
        ActorClassifier classifier = ActorClassifier.withDefaults(aiIdentities);
        ReviewerListReader lists = new ReviewerListReader(in, classifier);
        String teamOwner = owner == null ? "ORG" : owner;
        ReviewerSet staging =
                new ReviewerSet(lists.users("stagingReviewers"), lists.teams("stagingReviewerTeams", teamOwner));
        ReviewerSet approvers = new ReviewerSet(
                lists.users("productionApprovalReviewers"), lists.teams("productionApprovalReviewerTeams", teamOwner));
        ReviewerSet production =
                new ReviewerSet(lists.users("productionReviewers"), lists.teams("productionReviewerTeams", teamOwner));
        checkReviewers(in, staging, approvers, production);

        int approvals = in.integer(
                "requiredApprovals",
                GovernanceSettings.DEFAULT_REQUIRED_APPROVALS,
                1,
                10,
                "approving reviews a pull request needs");
        List<String> checks = distinct(
                in,
                "requiredStatusChecks",
                in.list(
                        "requiredStatusChecks",
                        List.of(),
                        v -> CHECK_NAME.matcher(v).matches() && !v.isBlank(),
                        "status check names are the CI job names as GitHub shows them, e.g. build"));
        if (checks.isEmpty() && !hasProblem(in, "requiredStatusChecks")) {
            in.problem(
                    "requiredStatusChecks",
                    null,
                    "required; list the CI jobs that must pass before merging " + "into " + main
                            + ", e.g. [build, policy]");
        }
        List<String> owners = codeOwners(in, classifier);
        List<String> paths = new ArrayList<>(GovernanceSettings.GOVERNED_PATHS);
        for (String extra : in.list(
                "codeOwnedPaths",
                List.of(),
                v -> CODE_PATH.matcher(v).matches() && !v.contains(".."),
                "CODEOWNERS patterns start with / (from the repository root) or *, e.g. "
                        + "/docs/operations/; no spaces, '#', '!', '[', ']', '\\' or '..'")) {
            if (!paths.contains(extra)) {
                paths.add(extra);
            }
        }
        int wait = in.integer(
                "waitTimerMinutes",
                0,
                0,
                43200,
                "minutes production waits after approval; " + "GitHub allows up to 30 days");
        return Optional.of(GovernanceSettings.builder(approval, main)
                .stagingReviewers(staging)
                .productionApprovalReviewers(approvers)
                .productionReviewers(production)
                .aiIdentities(ai)
                .requiredApprovals(approvals)
                .requiredStatusChecks(checks)
                .codeOwners(owners)
                .codeOwnedPaths(paths)
                .waitTimerMinutes(wait)
                .build());
    }

    private static void checkReviewers(
            ConfigReader in, ReviewerSet staging, ReviewerSet approvers, ReviewerSet production) {
        Map<String, ReviewerSet> sets = new LinkedHashMap<>();
        sets.put("stagingReviewers", staging);
        sets.put("productionApprovalReviewers", approvers);
        sets.put("productionReviewers", production);
        for (var e : sets.entrySet()) {
            if (e.getValue().size() > MAX_REVIEWERS) {
                in.problem(
                        e.getKey(),
                        e.getValue().size() + " users and teams",
                        "GitHub accepts at most " + MAX_REVIEWERS
                                + " reviewers (users and teams together) per environment");
            }
            if (e.getValue().users().isEmpty() && !hasProblem(in, e.getKey())) {
                in.problem(
                        e.getKey(),
                        in.raw(e.getKey()).orElse(null),
                        "required; list at least one person who "
                                + "may approve, e.g. [{login: alice, id: 1001}] (a team alone does not prove a person "
                                + "will approve: its members are unknown until deploy time)");
            }
        }
        if (!approvers.users().isEmpty()
                && !production.users().isEmpty()
                && !ReviewerRules.canYieldTwoDistinctHumans(approvers, production)) {
            in.problem(
                    "productionReviewers",
                    describe(approvers) + " and " + describe(production),
                    "production needs two distinct people, one approving each of its two environments; list at "
                            + "least two different users across productionApprovalReviewers and productionReviewers "
                            + "(teams do not count: their members are unknown until deploy time)");
        }
        checkLoginsAgree(in, sets);
    }

    private static boolean hasProblem(ConfigReader in, String key) {
        return in.problems().stream().anyMatch(p -> p.key().equals(key));
    }

    /** One person, one id: a login listed with two ids (or an id under two logins) is a typo somewhere. */
    private static void checkLoginsAgree(ConfigReader in, Map<String, ReviewerSet> sets) {
        Map<Long, String> loginOf = new HashMap<>();
        Map<String, Long> idOf = new HashMap<>();
        sets.forEach((key, set) -> {
            for (Account a : set.users()) {
                String known = loginOf.putIfAbsent(a.id(), a.login());
                Long knownId = idOf.putIfAbsent(a.login().toLowerCase(Locale.ROOT), a.id());
                if (known != null && !known.equalsIgnoreCase(a.login())) {
                    in.problem(
                            key,
                            a.login() + " id " + a.id(),
                            "id " + a.id() + " is also listed as " + known
                                    + "; one person has one id: correct the login or the id");
                } else if (knownId != null && knownId != a.id()) {
                    in.problem(
                            key,
                            a.login() + " id " + a.id(),
                            a.login() + " is also listed with id " + knownId
                                    + "; one person has one id: check `gh api users/" + a.login() + " --jq .id`");
                }
            }
        });
    }

    private static String describe(ReviewerSet set) {
        List<String> logins = new ArrayList<>();
        set.users().forEach(u -> logins.add(u.login()));
        return logins.toString();
    }

    private static List<String> codeOwners(ConfigReader in, ActorClassifier classifier) {
        List<String> owners = new ArrayList<>();
        for (String owner : in.list("codeOwners", List.of(), v -> true, "")) {
            String login = owner.startsWith("@") && !owner.contains("/") ? owner.substring(1) : null;
            if (login != null && classifier.isNonHuman(login)) {
                in.problem(
                        "codeOwners",
                        owner,
                        "is an AI or bot identity; code owners approve changes, so only "
                                + "people and teams may be code owners");
            } else if (!CODE_OWNER.matcher(owner).matches()) {
                in.problem(
                        "codeOwners", owner, "code owners are written @org/team-slug or @login, e.g. @acme/platform");
            } else {
                owners.add(owner);
            }
        }
        if (owners.isEmpty() && !hasProblem(in, "codeOwners")) {
            in.problem(
                    "codeOwners",
                    null,
                    "required; the platform team that owns deployment config, " + "e.g. [\"@acme/platform\"]");
        }
        return distinct(in, "codeOwners", owners);
    }

    private static List<String> distinct(ConfigReader in, String key, List<String> values) {
        Set<String> seen = new LinkedHashSet<>();
        for (String v : values) {
            if (!seen.add(v)) {
                in.problem(key, v, "is listed twice; list each once");
            }
        }
        return List.copyOf(seen);
    }
}
