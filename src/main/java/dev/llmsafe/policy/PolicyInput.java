package dev.llmsafe.policy;

import dev.llmsafe.identity.ActorClassifier;
import dev.llmsafe.policy.change.ChangeSet;
import dev.llmsafe.policy.workflow.WorkflowSet;
import dev.llmsafe.stack.StackKind;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a check judges, read and indexed once: the plan, the change, the workflows, the policy file,
 * the stack kind (given, or the plan's), today's date (for suppression expiry) and the actor classifier.
 *
 * @param policyOrigin where the policy file came from (the base revision or the working tree), for reports;
 *                     empty when the caller does not say
 */
public record PolicyInput(
        Optional<PlanView> plan,
        Optional<ChangeSet> change,
        Optional<WorkflowSet> workflows,
        PolicyFile policy,
        String policyOrigin,
        Optional<StackKind> kind,
        LocalDate today,
        ActorClassifier classifier) {
    public PolicyInput {
        Objects.requireNonNull(policyOrigin);
        Objects.requireNonNull(plan);
        Objects.requireNonNull(change);
        Objects.requireNonNull(workflows);
        Objects.requireNonNull(policy);
        Objects.requireNonNull(kind);
        Objects.requireNonNull(today);
        Objects.requireNonNull(classifier);
    }

    public static Builder builder(PolicyFile policy) {
        return new Builder(policy);
    }

    /** Builds an input; the kind defaults to the plan's. */
    public static final class Builder {
        private final PolicyFile policy;
        private String policyOrigin = "";
        private PlanView plan;
        private ChangeSet change;
        private WorkflowSet workflows;
        private StackKind kind;
        private LocalDate today = LocalDate.now(java.time.ZoneOffset.UTC);

        private Builder(PolicyFile policy) {
            this.policy = Objects.requireNonNull(policy);
        }

        public Builder policyOrigin(String origin) {
            this.policyOrigin = Objects.requireNonNull(origin);
            return this;
        }

        public Builder plan(PlanView plan) {
            this.plan = plan;
            return this;
        }

        public Builder change(ChangeSet change) {
            this.change = change;
            return this;
        }

        public Builder workflows(WorkflowSet workflows) {
            this.workflows = workflows;
            return this;
        }

        public Builder kind(StackKind kind) {
            this.kind = kind;
            return this;
        }

        public Builder today(LocalDate today) {
            this.today = today;
            return this;
        }

        public PolicyInput build() {
            Optional<StackKind> k = Optional.ofNullable(kind);
            if (k.isEmpty() && plan != null) {
                k = plan.kind();
            }
            return new PolicyInput(
                    Optional.ofNullable(plan),
                    Optional.ofNullable(change),
                    Optional.ofNullable(workflows),
                    policy,
                    policyOrigin,
                    k,
                    today,
                    policy.classifier());
        }
    }

    public boolean isKind(StackKind k) {
        return kind.isPresent() && kind.get() == k;
    }
}
