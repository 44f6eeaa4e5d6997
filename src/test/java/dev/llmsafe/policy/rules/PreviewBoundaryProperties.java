package dev.llmsafe.policy.rules;

import static dev.llmsafe.policy.Fixtures.map;
import static org.assertj.core.api.Assertions.assertThat;

import dev.llmsafe.plan.PlannedResource;
import dev.llmsafe.policy.Fixtures;
import dev.llmsafe.policy.HostileText;
import dev.llmsafe.stack.StackKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Generated stack references and wide grants on a review stack: a reference to staging or production is
 * refused however the name is written, and a project-, folder- or organization-wide grant of a secret-reading,
 * custom or unreadable role is refused in every grant shape; references to other stacks and ordinary roles pass.
 */
class PreviewBoundaryProperties {
    private static final PreviewBoundaryRule RULE = new PreviewBoundaryRule();
    private static final List<String> ORDINARY_ROLES = List.of(
            "roles/viewer",
            "roles/run.developer",
            "roles/logging.viewer",
            "roles/secretmanager.viewer",
            "roles/secretmanager.secretVersionAdder",
            "roles/monitoring.editor");

    record Reference(String name, boolean leaves) {}

    @Property(tries = 1000)
    void aReferenceToStagingOrProductionIsRefusedHoweverItIsSpelled(@ForAll("references") Reference ref) {
        Statistics.label("reference").collect(ref.leaves() ? "staging or production" : "another stack");
        var found = RULE.check(Fixtures.input(
                StackKind.REVIEW,
                Fixtures.resource(PreviewBoundaryRule.STACK_REFERENCE, "ref", map("name", ref.name()))));
        assertThat(found).as(ref.name()).hasSize(ref.leaves() ? 1 : 0);
    }

    @Provide
    Arbitrary<Reference> references() {
        return Arbitraries.longs().map(seed -> {
            Random r = new Random(seed);
            boolean leaves = r.nextBoolean();
            String stack;
            if (leaves) {
                stack = mixedCase(r, r.nextBoolean() ? "staging" : "production");
            } else {
                do {
                    stack = Long.toString(Math.abs(r.nextLong() % 1_000_000_000L), 36)
                            + (r.nextBoolean() ? "-prod" : "");
                } while (stack.equalsIgnoreCase("staging") || stack.equalsIgnoreCase("production"));
            }
            String prefix = switch (r.nextInt(3)) {
                case 0 -> "";
                case 1 -> "llm-safe/";
                default -> "acme." + r.nextInt(9) + "/llm_safe/";
            };
            return new Reference(prefix + stack, leaves);
        });
    }

    @Property(tries = 1000)
    void hostileNamesAreRefusedUnlessTheyPlainlyNameAnotherStack(@ForAll("hostileNames") String name) {
        var found = RULE.check(Fixtures.input(
                StackKind.REVIEW, Fixtures.resource(PreviewBoundaryRule.STACK_REFERENCE, "ref", map("name", name))));
        String last = name.substring(name.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        boolean plain = name.matches("([A-Za-z0-9_.-]+/){0,2}[A-Za-z0-9_.-]+") && !name.equals(PlannedResource.UNKNOWN);
        boolean passes = plain && !last.equals("staging") && !last.equals("production");
        Statistics.label("verdict").collect(passes ? "another stack" : "refused");
        assertThat(found).as(name).hasSize(passes ? 0 : 1);
    }

    @Provide
    Arbitrary<String> hostileNames() {
        return Arbitraries.oneOf(
                HostileText.words(),
                HostileText.words().map(w -> "acme/llm-safe/" + w),
                HostileText.words().map(w -> w + "/production"),
                Arbitraries.of(PlannedResource.SECRET, PlannedResource.UNKNOWN));
    }

    record Grant(PlannedResource resource, boolean reads) {
        @Override
        public String toString() {
            return resource.type() + " " + resource.inputs();
        }
    }

    @Property(tries = 1000)
    void aWideGrantOfASecretReadingRoleIsRefusedInEveryShape(@ForAll("grants") Grant grant) {
        Statistics.label("role").collect(grant.reads() ? "reads secrets" : "ordinary");
        var found = RULE.check(Fixtures.input(StackKind.REVIEW, grant.resource()));
        if (grant.reads()) {
            assertThat(found).as(grant.toString()).isNotEmpty();
        } else {
            assertThat(found).as(grant.toString()).isEmpty();
        }
    }

    @Provide
    Arbitrary<Grant> grants() {
        return Arbitraries.longs().map(seed -> {
            Random r = new Random(seed);
            boolean reads = r.nextBoolean();
            String role = reads ? readingRole(r) : PublicAccessProperties.pick(r, ORDINARY_ROLES);
            String type = PublicAccessProperties.pick(r, PreviewBoundaryRule.WIDE_GRANT_TYPES);
            List<Object> members = new ArrayList<>(List.of("serviceAccount:pr-7@p.iam.gserviceaccount.com"));
            if (r.nextBoolean()) {
                members.add(0, PlannedResource.UNKNOWN);
            }
            PlannedResource resource;
            if (type.endsWith("IAMPolicy")) {
                String json = "{\"bindings\":[{\"role\":\"roles/viewer\",\"members\":[\"user:a@acme.io\"]},{\"role\":\""
                        + role + "\",\"members\":[\"group:g@acme.io\"]}]}";
                resource = Fixtures.resource(type, "grant", map("policyData", json));
            } else if (type.endsWith("IAMBinding")) {
                resource = Fixtures.resource(type, "grant", map("role", role, "members", members));
            } else {
                resource = Fixtures.resource(type, "grant", map("role", role, "member", members.get(0)));
            }
            return new Grant(resource, reads);
        });
    }

    private static String readingRole(Random r) {
        switch (r.nextInt(4)) {
            case 0:
                return mixedCase(r, PublicAccessProperties.pick(r, PreviewBoundaryRule.SECRET_READING_ROLES));
            case 1:
                return "roles/secretmanager." + Long.toString(Math.abs(r.nextLong()), 36);
            case 2:
                return (r.nextBoolean() ? "projects/p" : "organizations/1") + "/roles/custom" + r.nextInt(100);
            default:
                return PlannedResource.SECRET;
        }
    }

    private static String mixedCase(Random r, String text) {
        StringBuilder s = new StringBuilder();
        for (char c : text.toCharArray()) {
            s.append(r.nextInt(3) == 0 ? Character.toUpperCase(c) : c);
        }
        return s.toString();
    }
}
