package dev.llmsafe.policy.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.llmsafe.plan.PlannedResource;
import dev.llmsafe.policy.Inputs;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What an IAM member, binding or policy, or a storage ACL, grants: read the same way by every rule that judges
 * grants. A policy document is parsed as JSON; one that cannot be read yields {@link #UNREADABLE}, which no
 * rule can show to be harmless.
 */
final class IamGrants {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** What an unreadable policy document grants and to whom, as far as any rule can tell. */
    static final String UNREADABLE = "(policyData that is not valid JSON)";

    private IamGrants() {}

    /** One role granted to one member; either may be {@link Inputs#opaque opaque}. */
    record Grant(Object role, String member) {}

    /** Types that grant access: IAM members, bindings and policies of any resource, and ACLs. */
    static boolean grantsAccess(String type) {
        String resource = type.substring(type.lastIndexOf(':') + 1).toLowerCase(Locale.ROOT);
        return resource.endsWith("iammember")
                || resource.endsWith("iambinding")
                || resource.endsWith("iampolicy")
                || resource.endsWith("accesscontrol")
                || resource.endsWith("acl");
    }

    /** Members a grant names: member, members, entity, role entities and IAM policy bindings. */
    static List<String> members(PlannedResource r) {
        List<String> out = new ArrayList<>();
        addText(out, r.inputs().get("member"));
        Inputs.list(r.inputs().get("members")).forEach(m -> addText(out, m));
        addText(out, r.inputs().get("entity"));
        for (Object entity : Inputs.list(r.inputs().get("roleEntities"))) {
            String text = Inputs.string(entity);
            if (text != null) {
                out.add(text.substring(text.indexOf(':') + 1));
            }
        }
        for (Grant g : policyGrants(r)) {
            out.add(g.member());
        }
        return out;
    }

    /**
     * Every role-member pair a grant makes: its {@code role} with each member, and each binding of its
     * {@code policyData}. A grant whose members are all unknown until apply still yields its role, with a null
     * member, so the role is judged.
     */
    static List<Grant> grants(PlannedResource r) {
        List<Grant> out = new ArrayList<>();
        Object role = r.inputs().get("role");
        if (role != null || r.inputs().containsKey("member") || r.inputs().containsKey("members")) {
            List<String> named = new ArrayList<>();
            addText(named, r.inputs().get("member"));
            Inputs.list(r.inputs().get("members")).forEach(m -> addText(named, m));
            if (named.isEmpty()) {
                out.add(new Grant(role, null));
            }
            named.forEach(m -> out.add(new Grant(role, m)));
        }
        out.addAll(policyGrants(r));
        return out;
    }

    private static List<Grant> policyGrants(PlannedResource r) {
        Object policy = r.inputs().get("policyData");
        if (policy == null || PlannedResource.UNKNOWN.equals(policy)) {
            return List.of();
        }
        String text = Inputs.string(policy);
        List<Grant> out = new ArrayList<>();
        try {
            if (text == null || PlannedResource.SECRET.equals(text)) {
                throw new java.io.IOException("not readable");
            }
            for (JsonNode binding : JSON.readTree(text).path("bindings")) {
                JsonNode role = binding.path("role");
                Object roleValue = role.isTextual() ? role.asText() : UNREADABLE;
                for (JsonNode m : binding.path("members")) {
                    out.add(new Grant(roleValue, m.asText()));
                }
            }
        } catch (java.io.IOException e) {
            out.add(new Grant(UNREADABLE, UNREADABLE)); // a policy that cannot be read cannot be shown harmless
        }
        return out;
    }

    private static void addText(List<String> out, Object value) {
        String text = Inputs.string(value);
        if (text != null && !Inputs.opaque(text)) {
            out.add(text);
        }
    }

    /** Whether a member is everyone: allUsers, allAuthenticatedUsers (in any case or prefix) or a wildcard. */
    static boolean isPublic(String member) {
        String m = member.trim().toLowerCase(Locale.ROOT);
        return member.equals(UNREADABLE)
                || m.equals("allusers")
                || m.equals("allauthenticatedusers")
                || m.contains("*")
                || m.endsWith(":allusers")
                || m.endsWith(":allauthenticatedusers");
    }
}
