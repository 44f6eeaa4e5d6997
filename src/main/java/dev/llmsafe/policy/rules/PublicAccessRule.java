package dev.llmsafe.policy.rules;

import dev.llmsafe.plan.PlanDocument;
import dev.llmsafe.plan.PlannedResource;
import dev.llmsafe.policy.EnforcementLevel;
import dev.llmsafe.policy.Finding;
import dev.llmsafe.policy.Inputs;
import dev.llmsafe.policy.Judgement;
import dev.llmsafe.policy.Location;
import dev.llmsafe.policy.PlanView;
import dev.llmsafe.policy.PolicyInput;
import dev.llmsafe.policy.Rule;
import dev.llmsafe.policy.RuleCategory;
import dev.llmsafe.stack.StackKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Nothing is opened to everyone: no IAM member, binding, policy or ACL grants {@code allUsers},
 * {@code allAuthenticatedUsers} or a wildcard, and no storage resource takes a predefined ACL other than the
 * private ones. The one public thing allowed is a Cloud Run service's {@code roles/run.invoker} for
 * {@code allUsers}, and only as a choice declared twice: {@code allowPublicInvoker: true} in the stack's config
 * (a protected file, so a person reviewed it), which the plan carries, and the stack named in policy.yaml
 * ({@code publicInvokerStacks}, or {@code allowPublicReviewInvoker} for review stacks).
 */
public final class PublicAccessRule implements Rule {
    /** The rule's id in policy.yaml, suppressions and reports. */
    public static final String ID = "public-access";

    static final Set<String> CLOUD_RUN_IAM = Set.of(
            "gcp:cloudrunv2/serviceIamMember:ServiceIamMember",
            "gcp:cloudrunv2/serviceIamBinding:ServiceIamBinding",
            "gcp:cloudrun/iamMember:IamMember",
            "gcp:cloudrun/iamBinding:IamBinding");
    static final String INVOKER_ROLE = "roles/run.invoker";
    /**
     * Cloud Storage's predefined ACLs that reach no one outside the project (the JSON API's names). The others,
     * {@code publicRead}, {@code publicReadWrite} and {@code authenticatedRead}, grant {@code allUsers} or
     * {@code allAuthenticatedUsers}; any value not listed here cannot be shown private.
     */
    public static final List<String> PRIVATE_ACLS =
            List.of("private", "projectPrivate", "bucketOwnerRead", "bucketOwnerFullControl");
    /**
     * Where a storage resource names a predefined ACL: {@code BucketACL} has both, {@code ObjectACL} the first;
     * older providers also took {@code predefinedAcl} on buckets and objects, so every storage type is read.
     */
    static final List<String> ACL_FIELDS = List.of("predefinedAcl", "defaultAcl");

    private static final String STORAGE = "gcp:storage/";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "No IAM grant or storage ACL opens anything to allUsers, allAuthenticatedUsers or a wildcard; "
                + "a public Cloud Run service is declared in its stack config and in policy.yaml.";
    }

    @Override
    public EnforcementLevel defaultLevel() {
        return EnforcementLevel.MANDATORY;
    }

    @Override
    public RuleCategory category() {
        return RuleCategory.PLAN;
    }

    @Override
    public String judges() {
        return "IAM grants or storage resources";
    }

    @Override
    public Judgement judge(PolicyInput input) {
        PlanView plan = input.plan().orElseThrow();
        List<Finding> out = new ArrayList<>();
        int judged = 0;
        boolean publicInvokerDeclared = publicInvokerDeclared(input, plan.document());
        for (String type : plan.types()) {
            boolean storage = type.startsWith(STORAGE);
            boolean grants = IamGrants.grantsAccess(type);
            if (!storage && !grants) {
                continue;
            }
            for (PlannedResource r : plan.ofType(type)) {
                judged++;
                if (storage) {
                    predefinedAcls(r, out);
                }
                if (grants) {
                    publicMembers(r, publicInvokerDeclared, out);
                }
            }
        }
        return Judgement.of(judged, out);
    }

    private static void predefinedAcls(PlannedResource r, List<Finding> out) {
        for (String field : ACL_FIELDS) {
            Object acl = r.inputs().get(field);
            if (acl != null && !PRIVATE_ACLS.contains(acl)) {
                out.add(Finding.at(
                        Location.resource(r.urn()),
                        r.type() + " (" + r.name() + ") sets " + field + " "
                                + Inputs.show(acl)
                                + (Inputs.opaque(acl)
                                        ? ", which cannot be shown private"
                                        : ", which is not one of the private ACLs"),
                        "use one of " + String.join(", ", PRIVATE_ACLS)
                                + ", or better uniform bucket-level access with IAM grants to named principals"));
            }
        }
    }

    private static void publicMembers(PlannedResource r, boolean publicInvokerDeclared, List<Finding> out) {
        String role = Inputs.string(r.inputs().get("role"));
        for (String member : IamGrants.members(r)) {
            if (!IamGrants.isPublic(member)) {
                continue;
            }
            boolean invoker =
                    CLOUD_RUN_IAM.contains(r.type()) && INVOKER_ROLE.equals(role) && member.equals("allUsers");
            if (invoker && publicInvokerDeclared) {
                continue;
            }
            out.add(Finding.at(
                    Location.resource(r.urn()),
                    r.type() + " (" + r.name() + ") grants " + (role == null ? "access" : role) + " to '" + member
                            + "'",
                    invoker
                            ? "a public service is a reviewed choice: set allowPublicInvoker: true in the stack's config and "
                                    + "list the stack in publicInvokerStacks in policy.yaml (review stacks: allowPublicReviewInvoker: true)"
                            : "grant the role to specific service accounts, users or groups"));
        }
    }

    /**
     * Whether this stack may serve the public: its config (carried by the plan) says {@code allowPublicInvoker:
     * true}, and the policy lists the stack (or, for a review stack, allows public previews).
     */
    static boolean publicInvokerDeclared(PolicyInput input, PlanDocument plan) {
        if (!"true".equals(plan.config().get(PlanDocument.ALLOW_PUBLIC_INVOKER))) {
            return false;
        }
        if (input.isKind(StackKind.REVIEW)) {
            return input.policy().allowPublicReviewInvoker();
        }
        return input.kind().isPresent()
                && plan.stack() != null
                && input.policy().publicInvokerStacks().contains(plan.stack());
    }
}
