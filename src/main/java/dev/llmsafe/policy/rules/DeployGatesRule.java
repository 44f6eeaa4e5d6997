package dev.llmsafe.policy.rules;

import dev.llmsafe.naming.StackNames;
import dev.llmsafe.policy.Finding;
import dev.llmsafe.policy.Location;
import dev.llmsafe.policy.PolicyInput;
import dev.llmsafe.policy.workflow.PulumiInvocations;
import dev.llmsafe.policy.workflow.Workflow;
import dev.llmsafe.policy.workflow.WorkflowJob;
import dev.llmsafe.policy.workflow.WorkflowSet;
import dev.llmsafe.stack.EnvironmentNames;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The workflows enforce the gates: a job that runs {@code pulumi up} on staging or production declares that
 * GitHub Environment, and production's job needs staging's; no job that changes a stack runs on
 * {@code pull_request_target}. The token, key and injection checks are rules of their own
 * ({@link WorkflowPermissionsRule}, {@link KeylessAuthRule}, {@link ScriptInjectionRule}).
 */
public final class DeployGatesRule extends WorkflowRule {
    /** The rule's id in policy.yaml, suppressions and reports. */
    public static final String ID = "deploy-gates";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "Deploy jobs declare their environment, production needs staging, and no stack changes on pull_request_target.";
    }

    @Override
    void check(Workflow w, WorkflowSet set, PolicyInput input, List<Finding> out) {
        EnvironmentNames envs = input.policy().environments();
        Map<String, Integer> triggers = w.triggers();
        Integer prTarget = triggers.get("pull_request_target");
        List<WorkflowJob> stagingDeploys = new ArrayList<>();
        List<WorkflowJob> productionDeploys = new ArrayList<>();
        for (WorkflowJob job : w.jobs()) {
            List<PulumiInvocations.Invocation> runs = PulumiInvocations.of(job);
            for (PulumiInvocations.Invocation run : runs) {
                if (prTarget != null && run.mutating()) {
                    out.add(Finding.at(
                            Location.file(run.path(), run.line()),
                            "job " + job.id() + " runs `pulumi "
                                    + run.command() + "` in a workflow triggered by pull_request_target (line "
                                    + prTarget
                                    + "), where fork code runs with the base repository's secrets",
                            "trigger deploy jobs on pull_request (or push) instead of pull_request_target"));
                }
                if (!run.deploys()) {
                    continue;
                }
                if (run.unresolved() != null || run.stacks().isEmpty()) {
                    if (job.environment().isEmpty() && !reviewOnly(run.unresolved())) {
                        out.add(Finding.at(
                                Location.file(run.path(), run.line()),
                                "job " + job.id() + " runs `pulumi "
                                        + run.command() + "` on stack "
                                        + (run.unresolved() == null ? "(the selected one)" : run.unresolved())
                                        + ", which cannot be resolved, and declares no environment",
                                "name the stack literally (--stack staging) or declare the job's environment"));
                    }
                    continue;
                }
                for (String stack : run.stacks()) {
                    if (stack.equals(envs.staging())) {
                        environment(w, job, run, envs.staging(), out);
                        stagingDeploys.add(job);
                    } else if (stack.equals(envs.production())) {
                        environment(w, job, run, envs.production(), out);
                        productionDeploys.add(job);
                    }
                }
            }
        }
        for (WorkflowJob prod : productionDeploys) {
            Set<String> upstream = upstream(w, prod);
            if (stagingDeploys.stream().noneMatch(s -> upstream.contains(s.id()))) {
                out.add(Finding.at(
                        Location.file(w.path(), prod.line()),
                        "job " + prod.id() + " deploys " + envs.production() + " without needing a job that deploys "
                                + envs.staging(),
                        "add the staging deploy job to needs: so production only follows a staging deploy"));
            }
        }
    }

    /** A stack written as {@code pr-${{ ... }}} is a review stack, never staging or production. */
    private static boolean reviewOnly(String stackText) {
        return stackText != null && stackText.startsWith(StackNames.REVIEW_PREFIX);
    }

    private static void environment(
            Workflow w, WorkflowJob job, PulumiInvocations.Invocation run, String expected, List<Finding> out) {
        Optional<String> env = job.environment();
        boolean ok = env.isPresent() && (env.get().equals(expected) || env.get().startsWith(expected + "-"));
        if (!ok) {
            out.add(Finding.at(
                    Location.file(w.path(), job.line()),
                    "job " + job.id() + " runs `pulumi " + run.command() + "` on " + expected
                            + " but declares environment "
                            + env.map(e -> "'" + e + "'").orElse("none"),
                    "add `environment: " + expected + "` to the job, so its reviewers must approve the deploy"));
        }
    }

    /** Every job the given job needs, directly or through other jobs. */
    private static Set<String> upstream(Workflow w, WorkflowJob job) {
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(job.needs());
        while (!todo.isEmpty() && seen.size() < 10_000) {
            String id = todo.pop();
            if (seen.add(id)) {
                w.job(id).ifPresent(j -> todo.addAll(j.needs()));
            }
        }
        return seen;
    }
}
