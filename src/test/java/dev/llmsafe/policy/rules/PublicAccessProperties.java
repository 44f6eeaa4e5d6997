package dev.llmsafe.policy.rules;

import static dev.llmsafe.policy.Fixtures.map;
import static org.assertj.core.api.Assertions.assertThat;

import dev.llmsafe.plan.PlannedResource;
import dev.llmsafe.policy.Fixtures;
import dev.llmsafe.stack.StackKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Generated grants in every shape the gcp provider takes them (IAM members, bindings and policy documents of
 * any resource, ACL role entities, access-control entities, predefined ACLs), among named principals: a grant
 * to everyone is found wherever it hides, and grants to named principals with private ACLs never are.
 */
class PublicAccessProperties {
    private static final PublicAccessRule RULE = new PublicAccessRule();
    private static final List<String> IAM_MEMBER_TYPES = List.of(
            "gcp:storage/bucketIAMMember:BucketIAMMember",
            "gcp:projects/iAMMember:IAMMember",
            "gcp:cloudrunv2/serviceIamMember:ServiceIamMember",
            "gcp:secretmanager/secretIamMember:SecretIamMember",
            "gcp:serviceaccount/iAMMember:IAMMember");
    private static final List<String> ACL_TYPES = List.of(
            "gcp:storage/bucketACL:BucketACL",
            "gcp:storage/objectACL:ObjectACL",
            "gcp:storage/defaultObjectACL:DefaultObjectACL");
    private static final List<String> ENTITY_TYPES = List.of(
            "gcp:storage/bucketAccessControl:BucketAccessControl",
            "gcp:storage/objectAccessControl:ObjectAccessControl",
            "gcp:storage/defaultObjectAccessControl:DefaultObjectAccessControl");
    private static final List<String> CANNED_TYPES = List.of(
            "gcp:storage/bucketACL:BucketACL",
            "gcp:storage/objectACL:ObjectACL",
            "gcp:storage/bucketObject:BucketObject",
            "gcp:storage/bucket:Bucket");
    private static final List<String> NAMED = List.of(
            "user:ada@acme.io", "group:ops@acme.io", "serviceAccount:ci@p.iam.gserviceaccount.com", "domain:acme.io");
    private static final List<String> ENTITIES =
            List.of("user-ada@acme.io", "group-ops@acme.io", "project-owners-1", "domain-acme.io");

    /** A scenario: the resource, and whether it opens something to everyone. */
    record Shape(PlannedResource resource, boolean open, String how) {
        @Override
        public String toString() {
            return how + " " + resource.inputs();
        }
    }

    @Property(tries = 1000)
    void aGrantToEveryoneIsFoundInEveryShapeAndOnlyThen(
            @ForAll("shapes") Shape shape, @ForAll("kinds") StackKind kind) {
        Statistics.label("shape").collect(shape.how());
        Statistics.label("open").collect(shape.open());
        var found = RULE.check(Fixtures.input(kind, shape.resource()));
        if (shape.open()) {
            assertThat(found).as(shape.toString()).isNotEmpty();
        } else {
            assertThat(found).as(shape.toString()).isEmpty();
        }
    }

    @Provide
    Arbitrary<StackKind> kinds() {
        return Arbitraries.of(StackKind.values());
    }

    @Provide
    Arbitrary<Shape> shapes() {
        return Arbitraries.longs().map(seed -> shape(new Random(seed)));
    }

    static Shape shape(Random r) {
        boolean open = r.nextBoolean();
        switch (r.nextInt(6)) {
            case 0: {
                String member = open ? everyone(r) : pick(r, NAMED);
                return new Shape(
                        Fixtures.resource(
                                pick(r, IAM_MEMBER_TYPES), "g", map("role", "roles/run.invoker", "member", member)),
                        open,
                        "iam member");
            }
            case 1: {
                List<Object> members = named(r, NAMED, "");
                if (open) {
                    members.add(r.nextInt(members.size() + 1), everyone(r));
                }
                return new Shape(
                        Fixtures.resource(
                                "gcp:projects/iAMBinding:IAMBinding",
                                "g",
                                map("role", "roles/viewer", "members", members)),
                        open,
                        "iam binding");
            }
            case 2: {
                List<Object> members = named(r, NAMED, "");
                if (open) {
                    members.add(r.nextInt(members.size() + 1), everyone(r));
                }
                StringBuilder json = new StringBuilder(
                        "{\"bindings\":[{\"role\":\"roles/viewer\",\"members\":[\"user:x@acme.io\"]},");
                json.append("{\"role\":\"roles/storage.objectViewer\",\"members\":[");
                for (int i = 0; i < members.size(); i++) {
                    json.append(i == 0 ? "" : ",")
                            .append('"')
                            .append(members.get(i))
                            .append('"');
                }
                json.append("]}]}");
                return new Shape(
                        Fixtures.resource(
                                "gcp:storage/bucketIAMPolicy:BucketIAMPolicy",
                                "g",
                                map("bucket", "b", "policyData", json.toString())),
                        open,
                        "iam policy");
            }
            case 3: {
                List<Object> entities = named(r, ENTITIES, "READER:");
                if (open) {
                    entities.add(
                            r.nextInt(entities.size() + 1),
                            pick(r, List.of("READER:", "OWNER:", "WRITER:")) + everyone(r));
                }
                return new Shape(
                        Fixtures.resource(pick(r, ACL_TYPES), "g", map("bucket", "b", "roleEntities", entities)),
                        open,
                        "acl role entity");
            }
            case 4: {
                String entity = open ? everyone(r) : pick(r, ENTITIES);
                return new Shape(
                        Fixtures.resource(
                                pick(r, ENTITY_TYPES), "g", map("bucket", "b", "entity", entity, "role", "READER")),
                        open,
                        "access control entity");
            }
            default: {
                String acl = open ? notPrivate(r) : pick(r, PublicAccessRule.PRIVATE_ACLS);
                String field = pick(r, PublicAccessRule.ACL_FIELDS);
                return new Shape(
                        Fixtures.resource(pick(r, CANNED_TYPES), "g", map("bucket", "b", field, acl)),
                        open,
                        "predefined acl");
            }
        }
    }

    /** allUsers or allAuthenticatedUsers in any case, padded, prefixed; or a wildcard principal. */
    private static String everyone(Random r) {
        String base = r.nextBoolean() ? "allUsers" : "allAuthenticatedUsers";
        StringBuilder s = new StringBuilder();
        for (char c : base.toCharArray()) {
            s.append(r.nextInt(4) == 0 ? Character.toUpperCase(c) : r.nextInt(4) == 0 ? Character.toLowerCase(c) : c);
        }
        switch (r.nextInt(5)) {
            case 0:
                return " " + s + "\t";
            case 1:
                return "member:" + s;
            case 2:
                return "principalSet://iam.googleapis.com/projects/1/locations/global/workloadIdentityPools/p/*";
            default:
                return s.toString();
        }
    }

    /** Anything but the private canned ACLs: the public ones in any spelling, or another word. */
    private static String notPrivate(Random r) {
        String acl = pick(
                r,
                List.of(
                        "publicRead",
                        "publicReadWrite",
                        "authenticatedRead",
                        "public-read",
                        "Private",
                        "projectprivate",
                        "",
                        PlannedResource.SECRET,
                        PlannedResource.UNKNOWN,
                        Long.toString(r.nextLong(), 36)));
        return r.nextInt(3) == 0 ? acl.toUpperCase(Locale.ROOT) : acl;
    }

    private static List<Object> named(Random r, List<String> from, String prefix) {
        List<Object> out = new ArrayList<>();
        for (int i = 0, n = r.nextInt(4); i < n; i++) {
            out.add(prefix + pick(r, from));
        }
        if (r.nextInt(4) == 0) {
            out.add(PlannedResource.UNKNOWN);
        }
        return out;
    }

    static <T> T pick(Random r, List<T> from) {
        return from.get(r.nextInt(from.size()));
    }

    @Property(tries = 1000)
    void grantsNeverThrowWhateverTheirInputsHold(
            @ForAll("hostileInputs") Map<String, Object> inputs, @ForAll("grantTypes") String type) {
        Statistics.label("type").collect(type.substring(0, type.indexOf('/')));
        RULE.check(Fixtures.input(StackKind.PRODUCTION, Fixtures.resource(type, "h", inputs)));
    }

    @Provide
    Arbitrary<String> grantTypes() {
        List<String> all = new ArrayList<>(IAM_MEMBER_TYPES);
        all.addAll(ACL_TYPES);
        all.addAll(ENTITY_TYPES);
        all.addAll(CANNED_TYPES);
        return Arbitraries.of(all);
    }

    @Provide
    Arbitrary<Map<String, Object>> hostileInputs() {
        Arbitrary<Object> value = Arbitraries.oneOf(
                dev.llmsafe.policy.HostileText.words().map(w -> (Object) w),
                Arbitraries.integers().map(i -> (Object) i),
                Arbitraries.just((Object) List.of(Map.of("x", 1))),
                dev.llmsafe.policy.HostileText.words().list().ofMaxSize(3).map(l -> (Object) l));
        return Arbitraries.maps(
                        Arbitraries.of(
                                "member",
                                "members",
                                "entity",
                                "roleEntities",
                                "policyData",
                                "role",
                                "predefinedAcl",
                                "defaultAcl"),
                        value)
                .ofMaxSize(5);
    }
}
