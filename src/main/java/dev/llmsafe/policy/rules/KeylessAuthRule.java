package dev.llmsafe.policy.rules;

import dev.llmsafe.policy.Finding;
import dev.llmsafe.policy.Location;
import dev.llmsafe.policy.PolicyInput;
import dev.llmsafe.policy.workflow.Workflow;
import dev.llmsafe.policy.workflow.WorkflowJob;
import dev.llmsafe.policy.workflow.WorkflowSet;
import dev.llmsafe.policy.workflow.WorkflowStep;
import java.util.List;
import java.util.regex.Pattern;

/**
 * CI reaches Google through Workload Identity only: no step of a job (local composite actions included) passes
 * Google's actions a key, as {@code credentials_json}, {@code service_account_key} or a key-shaped secret.
 */
public final class KeylessAuthRule extends WorkflowRule {
    /** The rule's id in policy.yaml, suppressions and reports. */
    public static final String ID = "keyless-auth";

    private static final Pattern KEY_SHAPED = Pattern.compile("(?i).*(key|credential|json|private|p12|pem).*");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "Google's actions in workflows get no credentials_json, service_account_key or key-shaped secret.";
    }

    @Override
    void check(Workflow w, WorkflowSet set, PolicyInput input, List<Finding> out) {
        for (WorkflowJob job : w.jobs()) {
            for (WorkflowStep step : job.steps()) {
                if (!step.action()
                        .map(a -> a.startsWith("google-github-actions/"))
                        .orElse(false)) {
                    continue;
                }
                step.with().forEach((name, value) -> {
                    boolean keyInput = name.equals("credentials_json") || name.equals("service_account_key");
                    boolean keySecret = value != null
                            && value.contains("secrets.")
                            && KEY_SHAPED.matcher(name + " " + value).matches();
                    if (keyInput || keySecret) {
                        out.add(Finding.at(
                                Location.file(step.path(), step.withLine(name)),
                                step.label() + " passes a key to " + step.uses().orElse("") + " (" + name + ")",
                                "authenticate with workload_identity_provider and service_account; no keys"));
                    }
                });
            }
        }
    }
}
