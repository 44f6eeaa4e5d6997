package dev.llmsafe.policy.rules;

import static dev.llmsafe.policy.Fixtures.child;
import static dev.llmsafe.policy.Fixtures.map;
import static dev.llmsafe.policy.Fixtures.resource;
import static org.assertj.core.api.Assertions.assertThat;

import dev.llmsafe.plan.PlannedResource;
import dev.llmsafe.policy.Fixtures;
import dev.llmsafe.policy.PolicyEngine;
import dev.llmsafe.policy.PolicyReport;
import dev.llmsafe.policy.RuleCategory;
import dev.llmsafe.policy.Verdict;
import dev.llmsafe.stack.StackKind;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * No plan rule passes without having judged something of its kind: on generated plans of resources a rule
 * judges and resources it does not, each compliant or not, kept or deleted, on every stack kind, a plan rule
 * that passes judged at least one element, and the plan holds one of the kind docs/policies.md gives it. A plan
 * with none is not applicable, whatever else it holds. What a rule judges is written out here, apart from the
 * rules, so a rule that stops looking (or starts passing on nothing) fails the property.
 */
class PlanRuleApplicabilityProperties {
    /** Resources by what they are to the rules; each can be written compliant or not. */
    enum Family {
        WIF_PROVIDER,
        STATE_BUCKET,
        AUDIT_BUCKET,
        PLAIN_BUCKET,
        GITHUB_ENVIRONMENT,
        GITHUB_RULESET,
        /** Staging, two production environments and main's ruleset, as environment-approvals and branch-protection want them. */
        GITHUB_GATES,
        CLOUD_RUN,
        RAILWAY_SERVICE,
        STACK_REFERENCE,
        PROJECT_GRANT,
        SERVICE_ACCOUNT,
        FOREIGN
    }

    /** One planned resource: its family, whether it is written to comply, whether the plan deletes it. */
    record Planned(Family family, boolean compliant, boolean deleted) {}

    /** For each plan rule: the families it judges, and whether only on review stacks. */
    private static final Map<String, Set<Family>> JUDGES = Map.of(
            "provider-targets",
            EnumSet.allOf(Family.class),
            "no-service-account-keys",
            EnumSet.allOf(Family.class),
            "wif-provider",
            EnumSet.of(Family.WIF_PROVIDER),
            "public-access",
            EnumSet.of(Family.STATE_BUCKET, Family.AUDIT_BUCKET, Family.PLAIN_BUCKET, Family.PROJECT_GRANT),
            "bucket-hardening",
            EnumSet.of(Family.STATE_BUCKET, Family.AUDIT_BUCKET),
            // Buckets, service accounts, Railway services and Pulumi's own types have no place for a reference.
            "preview-secret-isolation",
            EnumSet.of(
                    Family.WIF_PROVIDER,
                    Family.GITHUB_ENVIRONMENT,
                    Family.GITHUB_RULESET,
                    Family.GITHUB_GATES,
                    Family.CLOUD_RUN,
                    Family.PROJECT_GRANT,
                    Family.FOREIGN),
            "preview-boundary",
            EnumSet.of(Family.STACK_REFERENCE, Family.PROJECT_GRANT),
            EnvironmentApprovalsRule.ID,
            EnumSet.of(Family.GITHUB_ENVIRONMENT, Family.GITHUB_RULESET, Family.GITHUB_GATES),
            BranchProtectionRule.ID,
            EnumSet.of(Family.GITHUB_ENVIRONMENT, Family.GITHUB_RULESET, Family.GITHUB_GATES),
            "preview-cost",
            EnumSet.of(Family.CLOUD_RUN, Family.RAILWAY_SERVICE));

    private static final Set<String> REVIEW_ONLY =
            Set.of("preview-secret-isolation", "preview-boundary", "preview-cost");

    @Property(tries = 1000)
    void aPlanRulePassesOnlyHavingJudgedSomethingOfItsKind(
            @ForAll("plans") List<Planned> plan, @ForAll StackKind kind) {
        List<PlannedResource> resources = new ArrayList<>();
        for (int i = 0; i < plan.size(); i++) {
            for (PlannedResource r : write(plan.get(i), "r" + i)) {
                resources.add(plan.get(i).deleted() ? Fixtures.withOp(r, "delete") : r);
            }
        }
        PolicyReport report =
                PolicyEngine.withAllRules().evaluate(Fixtures.input(kind, resources.toArray(PlannedResource[]::new)));
        for (Verdict v : report.verdicts()) {
            if (v.rule().category() != RuleCategory.PLAN) {
                continue;
            }
            Statistics.label(v.rule().id()).collect(v.status());
            boolean ofItsKind = (!REVIEW_ONLY.contains(v.rule().id()) || kind == StackKind.REVIEW)
                    && plan.stream().anyMatch(judgedBy(v.rule().id(), kind));
            if (v.status() == Verdict.Status.PASS) {
                assertThat(v.judged())
                        .as(v.rule().id() + " passed having judged nothing")
                        .isPositive();
                assertThat(ofItsKind)
                        .as(v.rule().id() + " passed on a plan with nothing of its kind: " + plan)
                        .isTrue();
            }
            if (!ofItsKind) {
                assertThat(v.status())
                        .as(v.rule().id() + " on " + kind + " " + plan)
                        .isEqualTo(Verdict.Status.NOT_APPLICABLE);
            }
        }
    }

    /** What a rule looks at: live resources of its families; bucket-hardening also the deletions it forbids. */
    private static Predicate<Planned> judgedBy(String rule, StackKind kind) {
        Set<Family> families = JUDGES.get(rule);
        return p -> families.contains(p.family())
                && (!p.deleted() || rule.equals("bucket-hardening") && kind != StackKind.REVIEW);
    }

    @Provide
    Arbitrary<List<Planned>> plans() {
        Arbitrary<Planned> one = Combinators.combine(
                        Arbitraries.of(Family.class),
                        Arbitraries.of(true, true, false),
                        Arbitraries.of(false, false, false, true))
                .as(Planned::new);
        return one.list().ofMinSize(0).ofMaxSize(5);
    }

    private static List<PlannedResource> write(Planned p, String name) {
        if (p.family() == Family.GITHUB_GATES) {
            return p.compliant()
                    ? EnvironmentApprovalsRuleTest.compliant()
                    : List.of(EnvironmentApprovalsRuleTest.environment("staging", List.of(), false));
        }
        return List.of(one(p, name));
    }

    private static PlannedResource one(Planned p, String name) {
        boolean ok = p.compliant();
        return switch (p.family()) {
            case WIF_PROVIDER ->
                WifProviderRuleTest.provider(
                        name,
                        ok
                                ? "assertion.repository_id == '1' && " + "assertion.repository_owner_id == '2'"
                                : "assertion.repository == 'acme/shop'");
            case STATE_BUCKET ->
                child(
                        "llmsafe:components:StateBackend",
                        "state",
                        "gcp:storage/bucket:Bucket",
                        name,
                        map(
                                "uniformBucketLevelAccess",
                                true,
                                "publicAccessPrevention",
                                "enforced",
                                "versioning",
                                map("enabled", ok)));
            case AUDIT_BUCKET ->
                child(
                        "llmsafe:components:AuditTrail",
                        "audit",
                        "gcp:storage/bucket:Bucket",
                        name,
                        map(
                                "uniformBucketLevelAccess",
                                true,
                                "publicAccessPrevention",
                                ok ? "enforced" : "inherited",
                                "retentionPolicy",
                                map("retentionPeriod", 400 * 86_400.0, "isLocked", true)));
            case PLAIN_BUCKET ->
                resource("gcp:storage/bucket:Bucket", name, map("predefinedAcl", ok ? "private" : "publicRead"));
            case GITHUB_ENVIRONMENT ->
                EnvironmentApprovalsRuleTest.environment(ok ? "staging" : "production", List.of(1001.0), ok);
            case GITHUB_RULESET -> EnvironmentApprovalsRuleTest.mainRuleset(ok, List.of());
            case CLOUD_RUN ->
                resource(
                        "gcp:cloudrunv2/service:Service",
                        name,
                        map(
                                "labels",
                                map("pr", "7", "managed-by", "llm-safe"),
                                "template",
                                map(
                                        "containers",
                                        List.of(map(
                                                "image",
                                                "app",
                                                "envs",
                                                List.of(map(
                                                        "name",
                                                        "DB",
                                                        "valueSource",
                                                        map(
                                                                "secretKeyRef",
                                                                map(
                                                                        "secret",
                                                                        ok ? "review-db" : "production-db",
                                                                        "version",
                                                                        "1")))))))));
            case RAILWAY_SERVICE ->
                resource(
                        "railway:index/service:Service",
                        name,
                        map("name", name, "regions", List.of(map("region", "eu", "numReplicas", ok ? 1.0 : 3.0))));
            case STACK_REFERENCE ->
                resource(
                        "pulumi:pulumi:StackReference",
                        name,
                        map("name", ok ? "acme/llm-safe/platform" : "production"));
            case PROJECT_GRANT ->
                resource(
                        "gcp:projects/iAMMember:IAMMember",
                        name,
                        map(
                                "role",
                                ok ? "roles/viewer" : "roles/owner",
                                "member",
                                ok ? "group:ops@acme.io" : "allUsers"));
            case SERVICE_ACCOUNT -> resource("gcp:serviceaccount/account:Account", name, map("accountId", name));
            case FOREIGN -> resource("random:index/randomString:RandomString", name, map("length", 8.0));
            case GITHUB_GATES -> throw new IllegalArgumentException("several resources");
        };
    }
}
