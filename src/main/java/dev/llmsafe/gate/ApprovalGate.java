package dev.llmsafe.gate;

import dev.llmsafe.gate.GateVerdict.Counted;
import dev.llmsafe.gate.GateVerdict.NotCounted;
import dev.llmsafe.identity.ActorClassifier;
import dev.llmsafe.identity.ActorKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides whether enough distinct people approved a run. GitHub lets a job proceed on one approval per
 * environment and cannot tell people from agents, so this counts approvals across the listed environments by
 * account id, and leaves out the run's own actors, the change's authors and committers, every bot, and every
 * configured AI identity. A git identity of the change that GitHub links to no account fails the gate unless it
 * names an AI agent or a bot: nobody can tell whether that person approved under their account.
 */
public final class ApprovalGate {
    private final ActorClassifier classifier;

    public ApprovalGate(ActorClassifier classifier) {
        this.classifier = classifier;
    }

    /** @param firstAttemptOnly fail a re-run: GitHub's review history does not say which attempt an approval was for */
    public GateVerdict evaluate(RunApprovals run, List<String> environments, int minHumans, boolean firstAttemptOnly) {
        if (minHumans < 1 || environments.isEmpty()) {
            throw new IllegalArgumentException("the gate needs at least one environment and one human");
        }
        Set<String> listed = new LinkedHashSet<>(environments);
        Map<Long, GithubUser> people = new LinkedHashMap<>();
        Map<Long, Set<String>> approvedBy = new LinkedHashMap<>();
        List<NotCounted> notCounted = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        if (firstAttemptOnly && run.attempt() > 1) {
            failures.add("this is attempt " + run.attempt() + " of run " + run.runId() + ": GitHub keeps the approvals "
                    + "of every attempt and does not say which attempt each was given for, so a re-run could deploy on "
                    + "approvals given before; this gate passes only a run's first attempt (docs/runbooks.md, "
                    + "\"A re-run of production\")");
        }
        failures.addAll(unknownAuthors(run.change()));

        for (Approval approval : run.approvals()) {
            GithubUser user = approval.user();
            List<String> relevant =
                    approval.environments().stream().filter(listed::contains).toList();
            if (relevant.isEmpty()) {
                notCounted.add(new NotCounted(user, approval.environments(), "approved only environments not checked"));
                continue;
            }
            if (approval.rejected()) {
                failures.add(user.describe() + " rejected " + String.join(", ", relevant)
                        + (approval.comment().isBlank() ? "" : ": \"" + approval.comment() + "\""));
                notCounted.add(new NotCounted(user, relevant, "rejected"));
                continue;
            }
            String excluded =
                    !approval.approved() ? "state is " + approval.state() + ", not approved" : exclusion(run, user);
            if (excluded != null) {
                notCounted.add(new NotCounted(user, relevant, excluded));
                continue;
            }
            people.putIfAbsent(user.id(), user);
            approvedBy.computeIfAbsent(user.id(), id -> new LinkedHashSet<>()).addAll(relevant);
        }

        List<Counted> counted = new ArrayList<>();
        people.forEach((id, user) -> counted.add(new Counted(user, List.copyOf(approvedBy.get(id)))));
        if (run.approvals().isEmpty()) {
            failures.add("no approvals are recorded for this run: the environments have no required reviewers "
                    + "(private repositories on GitHub Free, Pro and Team get none; see docs/governance.md) or the "
                    + "job did not pass through them");
        } else if (counted.size() < minHumans) {
            failures.add(counted.size() + " distinct human" + (counted.size() == 1 ? "" : "s") + " approved; "
                    + minHumans + " required");
        }
        for (String env : listed) {
            if (counted.stream().noneMatch(c -> c.environments().contains(env))
                    && !run.approvals().isEmpty()) {
                failures.add("no counted human approved environment " + env);
            }
        }
        return GateVerdict.builder()
                .minHumans(minHumans)
                .environments(List.copyOf(listed))
                .counted(counted)
                .notCounted(notCounted)
                .authors(run.change().contributions())
                .failures(failures)
                .build();
    }

    /** Authors and committers the gate cannot match to an account, and history it could not read. */
    private List<String> unknownAuthors(ChangeAuthors change) {
        List<String> failures = new ArrayList<>(change.unreadable());
        Set<String> seen = new LinkedHashSet<>();
        for (Contribution c : change.contributions()) {
            if (c.account() == null
                    && !classifier.isAgent(c.name() + " " + c.email())
                    && !ActorClassifier.isBotLogin(c.name())
                    && seen.add(c.describe())) {
                failures.add(c.describe() + " (" + c.role() + ") is linked to no GitHub account, so the gate cannot "
                        + "tell whether they approved; they add that email to their GitHub account, or the change is "
                        + "re-committed under a linked email");
            }
        }
        return failures;
    }

    /** Why this approver does not count, or null when they do. */
    private String exclusion(RunApprovals run, GithubUser user) {
        ActorKind kind = classifier.classify(user.login(), user.type());
        if (kind == ActorKind.AI) {
            return "AI identity";
        }
        if (kind == ActorKind.BOT) {
            return "bot account";
        }
        if (user.id() == run.triggeringActor().id()) {
            return "triggered this run";
        }
        if (user.id() == run.actor().id()) {
            return "started this run (its actor)";
        }
        return run.change()
                .of(user)
                .map(c -> "wrote the change (" + c.role() + ")")
                .orElse(null);
    }
}
