package dev.llmsafe.policy.workflow;

import java.util.List;

/** The workflows of a repository ({@code .github/workflows/*.yml}). */
public record WorkflowSet(String directory, List<Workflow> workflows) {
    public WorkflowSet {
        workflows = List.copyOf(workflows);
    }
}
