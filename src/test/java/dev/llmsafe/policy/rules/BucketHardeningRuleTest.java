package dev.llmsafe.policy.rules;

import static dev.llmsafe.policy.Fixtures.child;
import static dev.llmsafe.policy.Fixtures.map;
import static dev.llmsafe.policy.Fixtures.messages;
import static dev.llmsafe.policy.Fixtures.resource;
import static dev.llmsafe.policy.Fixtures.verdict;
import static org.assertj.core.api.Assertions.assertThat;

import dev.llmsafe.components.StateBackend;
import dev.llmsafe.components.StateBackendArgs;
import dev.llmsafe.plan.MockRun;
import dev.llmsafe.plan.PlannedResource;
import dev.llmsafe.policy.Fixtures;
import dev.llmsafe.policy.PlanView;
import dev.llmsafe.policy.PolicyFile;
import dev.llmsafe.policy.PolicyInput;
import dev.llmsafe.policy.Verdict;
import dev.llmsafe.stack.StackKind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BucketHardeningRuleTest {
    private static final String BUCKET = "gcp:storage/bucket:Bucket";
    private static final String AUDIT = "llmsafe:components:AuditTrail";
    private static final String STATE = "llmsafe:components:StateBackend";
    private static final double YEAR = 365 * 86_400.0;
    private final BucketHardeningRule rule = new BucketHardeningRule();

    private static Map<String, Object> hardened() {
        return map(
                "uniformBucketLevelAccess",
                true,
                "publicAccessPrevention",
                "enforced",
                "versioning",
                Map.of("enabled", true));
    }

    private static Map<String, Object> audit(double seconds, boolean locked) {
        return map(
                "uniformBucketLevelAccess",
                true,
                "publicAccessPrevention",
                "enforced",
                "retentionPolicy",
                map("retentionPeriod", seconds, "isLocked", locked));
    }

    @Test
    void theStateBackendComponentPasses() {
        var plan = MockRun.run(
                "llm-safe",
                "platform",
                "platform",
                ctx -> new StateBackend(
                        "state",
                        StateBackendArgs.builder("acme-shop", "acme-state", "EU")
                                .build(),
                        null),
                List.of());
        assertThat(rule.check(PolicyInput.builder(PolicyFile.defaults())
                        .plan(PlanView.of(plan))
                        .build()))
                .isEmpty();
    }

    @Test
    void hardenedStateAndLockedAuditBucketsPass() {
        var input = Fixtures.input(
                StackKind.PLATFORM,
                child(STATE, "state", BUCKET, "state-bucket", hardened()),
                child(AUDIT, "audit", BUCKET, "audit-bucket", audit(2 * YEAR, true)));
        assertThat(rule.check(input)).isEmpty();
    }

    @Test
    void bucketsOfOtherComponentsAreNotJudged() {
        var input = Fixtures.input(StackKind.PLATFORM, resource(BUCKET, "assets", Map.of()));
        assertThat(rule.check(input)).isEmpty();
    }

    @Test
    void aStateBucketMissingAnyHardeningFailsForEach() {
        var input = Fixtures.input(
                StackKind.PLATFORM,
                child(
                        STATE,
                        "state",
                        BUCKET,
                        "state-bucket",
                        map("uniformBucketLevelAccess", false, "publicAccessPrevention", "inherited")));
        assertThat(messages(rule, input))
                .containsExactly(
                        "the state bucket state-bucket has uniformBucketLevelAccess false",
                        "the state bucket state-bucket has publicAccessPrevention inherited",
                        "the state bucket state-bucket is not versioned (versioning.enabled (not set))");
    }

    @Test
    void theAuditBucketNeedsTheConfiguredRetentionLockedOutsideReview() {
        PlannedResource shortUnlocked = child(AUDIT, "audit", BUCKET, "audit-bucket", audit(30 * 86_400.0, false));
        assertThat(messages(rule, Fixtures.input(StackKind.PLATFORM, shortUnlocked)))
                .containsExactly(
                        "the audit bucket audit-bucket retains objects for 2592000.0 seconds; the policy requires at least 31536000 (365 days)",
                        "the audit bucket audit-bucket has an unlocked retention policy (isLocked false)");
        PolicyFile thirtyDays = Fixtures.policy("auditRetentionDays: 30\n");
        assertThat(messages(rule, Fixtures.input(thirtyDays, StackKind.REVIEW, shortUnlocked)))
                .as("review stacks may leave retention unlocked")
                .isEmpty();
        assertThat(messages(
                        rule,
                        Fixtures.input(
                                StackKind.PLATFORM,
                                child(
                                        AUDIT,
                                        "audit",
                                        BUCKET,
                                        "b",
                                        map("uniformBucketLevelAccess", true, "publicAccessPrevention", "enforced")))))
                .containsExactly(
                        "the audit bucket b retains objects for (not set) seconds; the policy requires at least 31536000 (365 days)");
    }

    @Test
    void deletingTheStateOrAuditBucketFailsOutsideReview() {
        PlannedResource gone =
                Fixtures.withOp(child(AUDIT, "audit", BUCKET, "audit-bucket", audit(YEAR, true)), "delete");
        assertThat(messages(rule, Fixtures.input(StackKind.PLATFORM, gone)))
                .containsExactly("the plan deletes the audit bucket audit-bucket");
        assertThat(rule.check(Fixtures.input(StackKind.REVIEW, gone))).isEmpty();
    }

    @Test
    void unknownRetentionCannotBeShownToMeetTheMinimum() {
        var input = Fixtures.input(
                StackKind.PLATFORM,
                child(
                        AUDIT,
                        "audit",
                        BUCKET,
                        "b",
                        map(
                                "uniformBucketLevelAccess",
                                true,
                                "publicAccessPrevention",
                                "enforced",
                                "retentionPolicy",
                                map("retentionPeriod", PlannedResource.UNKNOWN, "isLocked", true))));
        assertThat(messages(rule, input)).singleElement().asString().contains("(unknown until apply)");
    }

    @Test
    void aPlanWithoutStateOrAuditBucketsIsNotApplicableAndOneWithAHardenedBucketPasses() {
        Verdict other = verdict(rule, Fixtures.input(StackKind.PLATFORM, resource(BUCKET, "assets", Map.of())));
        assertThat(other.status())
                .as("a bucket of no component is not the rule's")
                .isEqualTo(Verdict.Status.NOT_APPLICABLE);
        assertThat(other.note()).isEqualTo("no state or audit buckets to judge");
        Verdict hardened = verdict(
                rule, Fixtures.input(StackKind.PLATFORM, child(STATE, "state", BUCKET, "state-bucket", hardened())));
        assertThat(hardened.status()).isEqualTo(Verdict.Status.PASS);
        assertThat(hardened.judged()).isEqualTo(1);
        Verdict deleted = verdict(
                rule,
                Fixtures.input(
                        StackKind.PLATFORM,
                        Fixtures.withOp(child(STATE, "state", BUCKET, "state-bucket", hardened()), "delete")));
        assertThat(deleted.status()).as("deleting the state bucket is judged").isEqualTo(Verdict.Status.FAIL);
    }
}
