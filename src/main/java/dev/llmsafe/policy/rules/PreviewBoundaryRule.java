package dev.llmsafe.policy.rules;

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
import dev.llmsafe.stack.EnvironmentNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A review stack (a pull request's preview, possibly of AI-written code) stays out of staging and production:
 * it holds no {@code pulumi:pulumi:StackReference} to a staging or production stack (whose outputs may carry
 * that stack's secrets), and it grants no role that reads secrets on a project, folder or organization, where
 * the grant would reach every environment's secrets. A reference or role the plan does not show cannot be
 * shown to stay inside the preview and is reported.
 */
public final class PreviewBoundaryRule implements Rule {
    /** The rule's id in policy.yaml, suppressions and reports. */
    public static final String ID = "preview-boundary";

    static final String STACK_REFERENCE = "pulumi:pulumi:StackReference";
    /** Project-, folder- and organization-wide grants (gcp 7.0.0 tokens). */
    static final List<String> WIDE_GRANT_TYPES = List.of(
            "gcp:projects/iAMMember:IAMMember",
            "gcp:projects/iAMBinding:IAMBinding",
            "gcp:projects/iAMPolicy:IAMPolicy",
            "gcp:folder/iAMMember:IAMMember",
            "gcp:folder/iAMBinding:IAMBinding",
            "gcp:folder/iAMPolicy:IAMPolicy",
            "gcp:organizations/iAMMember:IAMMember",
            "gcp:organizations/iAMBinding:IAMBinding",
            "gcp:organizations/iAMPolicy:IAMPolicy");
    /**
     * Roles that read secret payloads ({@code secretmanager.versions.access}: the basic owner and editor roles,
     * Secret Manager admin and accessor), or that let the grantee become an identity that reads them
     * (impersonation, acting as a service account) or grant itself a role that does (IAM administration).
     */
    public static final List<String> SECRET_READING_ROLES = List.of(
            "roles/owner",
            "roles/editor",
            "roles/secretmanager.admin",
            "roles/secretmanager.secretAccessor",
            "roles/iam.serviceAccountTokenCreator",
            "roles/iam.serviceAccountUser",
            "roles/iam.workloadIdentityUser",
            "roles/resourcemanager.projectIamAdmin",
            "roles/resourcemanager.folderIamAdmin",
            "roles/resourcemanager.organizationAdmin",
            "roles/iam.securityAdmin");
    /**
     * The Secret Manager roles whose permissions, as Google lists them, do not include
     * {@code secretmanager.versions.access}; every other {@code roles/secretmanager.*} role is taken to read.
     */
    public static final List<String> NON_READING_SECRET_ROLES = List.of(
            "roles/secretmanager.viewer",
            "roles/secretmanager.secretVersionAdder",
            "roles/secretmanager.secretVersionManager");
    /** {@code stack}, {@code project/stack} or {@code org/project/stack}, each part as Pulumi allows it. */
    private static final Pattern STACK_NAME = Pattern.compile("([A-Za-z0-9_.-]+/){0,2}[A-Za-z0-9_.-]+");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "A review stack references no staging or production stack and grants no project-, folder- or "
                + "organization-wide role that reads secrets.";
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
        return "stack references or project-, folder- or organization-wide IAM grants";
    }

    @Override
    public Judgement judge(PolicyInput input) {
        if (ReviewOnly.outside(input)) {
            return ReviewOnly.notApplicable(input);
        }
        PlanView plan = input.plan().orElseThrow();
        EnvironmentNames envs = input.policy().environments();
        List<Finding> out = new ArrayList<>();
        for (PlannedResource ref : plan.ofType(STACK_REFERENCE)) {
            stackReferenceProblem(ref.inputs().get("name"), envs)
                    .ifPresent(problem -> out.add(Finding.at(
                            Location.resource(ref.urn()),
                            "stack reference (" + ref.name() + ") " + problem,
                            "a preview reads nothing of " + envs.staging() + " or " + envs.production()
                                    + "; pass what it " + "needs through " + envs.review()
                                    + " config or review-scoped secrets")));
        }
        for (PlannedResource grant : plan.ofTypes(WIDE_GRANT_TYPES)) {
            for (IamGrants.Grant g : IamGrants.grants(grant)) {
                roleProblem(g.role())
                        .ifPresent(problem -> out.add(Finding.at(
                                Location.resource(grant.urn()),
                                grant.type() + " (" + grant.name() + ") grants " + problem + " across the whole "
                                        + scope(grant.type()) + (g.member() == null ? "" : " to '" + g.member() + "'"),
                                "grant roles/secretmanager.secretAccessor on each " + envs.review() + "-<name> secret "
                                        + "(as SecretStore does), never project-wide")));
            }
        }
        return Judgement.of(
                plan.ofType(STACK_REFERENCE).size()
                        + plan.ofTypes(WIDE_GRANT_TYPES).size(),
                out);
    }

    /** Why a reference leaves the preview, if it does: a staging or production stack, or a name not shown. */
    static Optional<String> stackReferenceProblem(Object name, EnvironmentNames envs) {
        String text = Inputs.string(name);
        if (text == null || Inputs.opaque(name)) {
            return Optional.of("names stack " + Inputs.show(name) + ", which cannot be shown to be no staging or "
                    + "production stack");
        }
        if (!STACK_NAME.matcher(text).matches()) {
            return Optional.of("names '" + dev.llmsafe.policy.PathNormalizer.printable(text) + "', which is not a "
                    + "stack name Pulumi accepts (stack, project/stack or org/project/stack)");
        }
        String stack = text.substring(text.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        for (String forbidden : List.of(envs.staging(), envs.production())) {
            if (stack.equals(forbidden.toLowerCase(Locale.ROOT))) {
                return Optional.of("reads stack '" + text + "', the " + forbidden + " stack");
            }
        }
        return Optional.empty();
    }

    /** Why a role reads secrets, if it may: listed, any other Secret Manager role, custom, or not shown. */
    static Optional<String> roleProblem(Object role) {
        String text = Inputs.string(role);
        if (text == null || Inputs.opaque(role) || IamGrants.UNREADABLE.equals(text)) {
            return Optional.of("a role " + Inputs.show(role) + " that cannot be shown not to read secrets");
        }
        String r = text.trim().toLowerCase(Locale.ROOT);
        if (SECRET_READING_ROLES.stream()
                .anyMatch(listed -> listed.toLowerCase(Locale.ROOT).equals(r))) {
            return Optional.of(text + ", which reads secrets,");
        }
        if (r.startsWith("roles/secretmanager.")
                && NON_READING_SECRET_ROLES.stream()
                        .noneMatch(listed -> listed.toLowerCase(Locale.ROOT).equals(r))) {
            return Optional.of(text + ", a Secret Manager role not known to stay away from secret payloads,");
        }
        if (!r.startsWith("roles/")) {
            return Optional.of("the custom role " + text + ", whose permissions the plan does not show,");
        }
        return Optional.empty();
    }

    private static String scope(String type) {
        return type.startsWith("gcp:projects/")
                ? "project"
                : type.startsWith("gcp:folder/") ? "folder" : "organization";
    }
}
