package dev.llmsafe.policy.rules;

import dev.llmsafe.policy.Finding;
import dev.llmsafe.policy.Location;
import dev.llmsafe.policy.input.YamlNode;
import dev.llmsafe.policy.workflow.LocalActions;
import dev.llmsafe.policy.workflow.StepOrigin;
import dev.llmsafe.policy.workflow.Workflow;
import dev.llmsafe.policy.workflow.WorkflowJob;
import dev.llmsafe.policy.workflow.WorkflowSet;
import dev.llmsafe.policy.workflow.WorkflowStep;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The token and injection half of {@link WorkflowGatesRule}: workflow-level permissions are read-only;
 * {@code id-token: write} only on jobs that authenticate; no key-shaped inputs to Google's auth actions;
 * no untrusted {@code ${{ github.event... }}} text interpolated into scripts.
 */
final class WorkflowHygiene {
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{\\{(.*?)}}", Pattern.DOTALL);
    private static final Pattern UNTRUSTED = Pattern.compile("github\\.event\\.[A-Za-z0-9_.\\[\\]'\"*-]+|github\\.head_ref");
    /** Fields GitHub fills with numbers, ids, SHAs or fixed words: safe in a script. */
    private static final Set<String> SAFE_FIELDS = Set.of("number", "id", "sha", "head_sha", "before", "after", "merged",
            "draft", "action", "run_id", "run_number", "run_attempt", "node_id", "created_at", "updated_at", "forced");
    private static final Pattern KEY_SHAPED = Pattern.compile("(?i).*(key|credential|json|private|p12|pem).*");

    private WorkflowHygiene() {
    }

    static void check(Workflow w, WorkflowSet set, List<Finding> out) {
        YamlNode permissions = w.root().get("permissions");
        if (permissions == null) {
            out.add(Finding.at(Location.file(w.path(), 1), "workflow declares no top-level permissions, so jobs get the "
                    + "repository's default token permissions", "add `permissions: {contents: read}` at the top level"));
        } else {
            String write = writeScope(permissions);
            if (write != null) {
                out.add(Finding.at(Location.file(w.path(), permissions.line()), "workflow-level permissions grant " + write,
                        "keep top-level permissions read-only; grant writes (and id-token: write) on the jobs that need them"));
            }
        }
        for (WorkflowJob job : w.jobs()) {
            YamlNode jobPermissions = job.node().get("permissions");
            if (grantsIdToken(jobPermissions) && !authenticates(job)) {
                out.add(Finding.at(Location.file(w.path(), jobPermissions.line()), "job " + job.id() + " may mint OIDC "
                        + "tokens (id-token: write) but never authenticates", "remove id-token: write from this job"));
            }
            job.uses().filter(LocalActions::isLocal).ifPresent(uses -> calledWith(w, job, uses, set, out));
            for (WorkflowStep step : job.steps()) {
                if (step.action().map(a -> a.startsWith("google-github-actions/")).orElse(false)) {
                    step.with().forEach((name, value) -> {
                        boolean keyInput = name.equals("credentials_json") || name.equals("service_account_key");
                        boolean keySecret = value != null && value.contains("secrets.") && KEY_SHAPED.matcher(name + " " + value).matches();
                        if (keyInput || keySecret) {
                            out.add(Finding.at(Location.file(step.path(), step.withLine(name)), step.label()
                                    + " passes a key to " + step.uses().orElse("") + " (" + name + ")",
                                    "authenticate with workload_identity_provider and service_account; no keys"));
                        }
                    });
                }
                step.run().ifPresent(script -> injection(step, script, step.runLine(), out));
                if (step.action().map(a -> a.equals("actions/github-script")).orElse(false) && step.with().get("script") != null) {
                    injection(step, step.with().get("script"), step.withLine("script"), out);
                }
            }
        }
    }

    /**
     * A reusable workflow of the repository, read with the inputs this job passes: a script there that puts
     * {@code ${{ inputs.x }}} into a command runs whatever text the caller passed as {@code x}.
     */
    private static void calledWith(Workflow w, WorkflowJob job, String uses, WorkflowSet set, List<Finding> out) {
        String key = LocalActions.key(uses);
        set.workflows().stream().filter(c -> c.path().equals(key)).findFirst().ifPresent(callee -> {
            Map<String, String> inputs = new LinkedHashMap<>();
            callee.root().mapping("on").flatMap(on -> on.mapping("workflow_call")).flatMap(c -> c.mapping("inputs"))
                    .ifPresent(in -> in.entries().forEach((name, spec) -> inputs.put(name,
                            Objects.requireNonNullElse(YamlNode.asMapping(spec).map(m -> m.text("default")).orElse(null), ""))));
            job.node().mapping("with").ifPresent(with -> with.entries().forEach((k, v) ->
                    inputs.put(k, Objects.requireNonNullElse(YamlNode.text(v), ""))));
            StepOrigin origin = new StepOrigin(callee.path(), "(called by job " + job.id() + " of " + w.path() + ")",
                    inputs, Map.of(), List.of());
            for (WorkflowJob calleeJob : callee.jobs()) {
                for (WorkflowStep step : calleeJob.steps(origin)) {
                    String raw = step.node().text("run");
                    if (raw != null && raw.contains("inputs.")) {
                        injection(step, step.run().orElse(""), step.runLine(), out);
                    }
                }
            }
        });
    }

    private static void injection(WorkflowStep step, String script, int line, List<Finding> out) {
        Matcher expr = EXPRESSION.matcher(script);
        while (expr.find()) {
            Matcher ref = UNTRUSTED.matcher(expr.group(1));
            while (ref.find()) {
                String field = ref.group();
                String last = field.substring(field.lastIndexOf('.') + 1);
                if (field.equals("github.head_ref") || !SAFE_FIELDS.contains(last)) {
                    out.add(Finding.at(Location.file(step.path(), line), step.label()
                            + " interpolates ${{ " + field + " }} into a script; whoever writes that text can run commands",
                            "pass it through env: (e.g. TITLE: ${{ " + field + " }}) and use \"$TITLE\" in the script"));
                }
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
            for (Map.Entry<String, YamlNode> e : ((YamlNode.Mapping) permissions).entries().entrySet()) {
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
        return permissions instanceof YamlNode.Mapping && "write".equals(((YamlNode.Mapping) permissions).text("id-token"));
    }

    /** A job that exchanges its OIDC token: Google's auth action, or a script reading the token endpoint. */
    private static boolean authenticates(WorkflowJob job) {
        if (job.uses().isPresent()) {
            return true; // a reusable workflow's jobs authenticate on their own; they need the grant from here
        }
        return job.steps().stream().anyMatch(s -> s.action().map(a -> a.equals("google-github-actions/auth")).orElse(false)
                || s.run().map(r -> r.contains("ACTIONS_ID_TOKEN_REQUEST")).orElse(false));
    }
}
