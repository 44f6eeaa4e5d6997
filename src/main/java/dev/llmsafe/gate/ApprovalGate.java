package dev.llmsafe.gate;

import dev.llmsafe.identity.ActorClassifier;
import dev.llmsafe.identity.ActorKind;
import dev.llmsafe.gate.GateVerdict.Counted;
import dev.llmsafe.gate.GateVerdict.NotCounted;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides whether enough distinct people approved a run. GitHub lets a job proceed on one approval per
 * environment and cannot tell people from agents, so this counts approvals across the listed environments by
 * account id, and leaves out the run's own actors, every bot, and every configured AI identity.
 */
public final class ApprovalGate {
    private final ActorClassifier classifier;

    public ApprovalGate(ActorClassifier classifier) {
        this.classifier = classifier;
    }

    public GateVerdict evaluate(RunApprovals run, List<String> environments, int minHumans) {
        if (minHumans < 1 || environments.isEmpty()) {
            throw new IllegalArgumentException("the gate needs at least one environment and one human");
        }
        Set<String> listed = new LinkedHashSet<>(environments);
        Map<Long, GithubUser> people = new LinkedHashMap<>();
        Map<Long, Set<String>> approvedBy = new LinkedHashMap<>();
        List<NotCounted> notCounted = new ArrayList<>();
        List<String> failures = new ArrayList<>();

        for (Approval approval : run.approvals()) {
            GithubUser user = approval.user();
            List<String> relevant = approval.environments().stream().filter(listed::contains).toList();
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
            String excluded = !approval.approved() ? "state is " + approval.state() + ", not approved" : exclusion(run, user);
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
            if (counted.stream().noneMatch(c -> c.environments().contains(env)) && !run.approvals().isEmpty()) {
                failures.add("no counted human approved environment " + env);
            }
        }
        return new GateVerdict(minHumans, List.copyOf(listed), counted, notCounted, failures);
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
        return null;
    }
}
