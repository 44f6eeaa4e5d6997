package dev.llmsafe.policy.rules;

import dev.llmsafe.policy.Finding;
import dev.llmsafe.policy.Location;
import dev.llmsafe.policy.PolicyInput;
import dev.llmsafe.policy.input.YamlNode;
import dev.llmsafe.policy.workflow.Workflow;
import dev.llmsafe.policy.workflow.WorkflowJob;
import dev.llmsafe.policy.workflow.WorkflowSet;
import java.util.List;
import java.util.Map;

/**
 * The workflow token holds least privilege: top-level permissions are declared and read-only, and only a job that
 * authenticates may mint OIDC tokens ({@code id-token: write}), since such a token is what Workload Identity
 * trusts.
 */
public final class WorkflowPermissionsRule extends WorkflowRule {
    /** The rule's id in policy.yaml, suppressions and reports. */
    public static final String ID = "workflow-permissions";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "Workflows declare read-only top-level permissions, and only jobs that authenticate may mint OIDC tokens.";
    }

    @Override
    void check(Workflow w, WorkflowSet set, PolicyInput input, List<Finding> out) {
        YamlNode permissions = w.root().get("permissions");
        if (permissions == null) {
            out.add(Finding.at(
                    Location.file(w.path(), 1),
                    "workflow declares no top-level permissions, so jobs get the "
                            + "repository's default token permissions",
                    "add `permissions: {contents: read}` at the top level"));
        } else {
            String write = writeScope(permissions);
            if (write != null) {
                out.add(
                        Finding.at(
                                Location.file(w.path(), permissions.line()),
                                "workflow-level permissions grant " + write,
                                "keep top-level permissions read-only; grant writes (and id-token: write) on the jobs that need them"));
            }
        }
        for (WorkflowJob job : w.jobs()) {
            YamlNode jobPermissions = job.node().get("permissions");
            if (grantsIdToken(jobPermissions) && !authenticates(job)) {
                out.add(Finding.at(
                        Location.file(w.path(), jobPermissions.line()),
                        "job " + job.id() + " may mint OIDC " + "tokens (id-token: write) but never authenticates",
                        "remove id-token: write from this job"));
            }
        }
    }

    /** The first write grant of a permissions value, or null when it is read-only. */
    static String writeScope(YamlNode permissions) {
        String text = YamlNode.text(permissions);
        if (permissions instanceof YamlNode.Scalar) {
            return "read-all".equals(text) || text == null ? null : "'" + text + "'";
        }
        if (permissions instanceof YamlNode.Mapping) {
            for (Map.Entry<String, YamlNode> e :
                    ((YamlNode.Mapping) permissions).entries().entrySet()) {
                String level = YamlNode.text(e.getValue());
                if (!"read".equals(level) && !"none".equals(level)) {
                    return e.getKey() + ": " + level;
                }
            }
            return null;
        }
        return "an unreadable value";
    }

    private static boolean grantsIdToken(YamlNode permissions) {
        if (permissions instanceof YamlNode.Scalar) {
            return "write-all".equals(YamlNode.text(permissions));
        }
        return permissions instanceof YamlNode.Mapping
                && "write".equals(((YamlNode.Mapping) permissions).text("id-token"));
    }

    /** A job that exchanges its OIDC token: Google's auth action, or a script reading the token endpoint. */
    private static boolean authenticates(WorkflowJob job) {
        if (job.uses().isPresent()) {
            return true; // a reusable workflow's jobs authenticate on their own; they need the grant from here
        }
        return job.steps().stream()
                .anyMatch(s -> s.action()
                                .map(a -> a.equals("google-github-actions/auth"))
                                .orElse(false)
                        || s.run()
                                .map(r -> r.contains("ACTIONS_ID_TOKEN_REQUEST"))
                                .orElse(false));
    }
}
