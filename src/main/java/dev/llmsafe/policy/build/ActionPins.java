package dev.llmsafe.policy.build;

import dev.llmsafe.policy.Finding;
import dev.llmsafe.policy.Location;
import dev.llmsafe.policy.input.YamlNode;
import dev.llmsafe.policy.workflow.Workflow;
import dev.llmsafe.policy.workflow.WorkflowJob;
import dev.llmsafe.policy.workflow.WorkflowStep;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Workflows: every action and reusable workflow is pinned to a full 40-hex commit SHA (tags and branches
 * move), local {@code ./} ones excepted (their own steps are judged as the job's steps); every container image ({@code docker://} actions, job containers,
 * service containers) is pinned by {@code sha256} digest.
 */
public final class ActionPins {
    private static final Pattern SHA_PINNED = Pattern.compile("[^@\\s]+@[0-9a-f]{40}");
    private static final Pattern DIGEST_PINNED = Pattern.compile("\\S+@sha256:[0-9a-f]{64}");

    private ActionPins() {}

    public static List<Finding> check(Workflow workflow) {
        List<Finding> out = new ArrayList<>();
        for (WorkflowJob job : workflow.jobs()) {
            job.uses()
                    .ifPresent(uses -> action(workflow.path(), uses, job.node().keyLine("uses"), out));
            for (WorkflowStep step : job.steps()) {
                step.uses()
                        .ifPresent(uses -> action(step.path(), uses, step.node().keyLine("uses"), out));
            }
            YamlNode container = job.node().get("container");
            if (container instanceof YamlNode.Scalar) {
                image(
                        workflow.path(),
                        YamlNode.text(container),
                        container.line(),
                        "job " + job.id() + " container",
                        out);
            }
            YamlNode.asMapping(container)
                    .ifPresent(c -> image(
                            workflow.path(),
                            c.text("image"),
                            c.keyLine("image"),
                            "job " + job.id() + " container",
                            out));
            job.node()
                    .mapping("services")
                    .ifPresent(services -> services.entries()
                            .forEach((name, svc) -> YamlNode.asMapping(svc)
                                    .ifPresent(s -> image(
                                            workflow.path(),
                                            s.text("image"),
                                            s.keyLine("image"),
                                            "service " + name + " of job " + job.id(),
                                            out))));
        }
        return out.stream().distinct().toList(); // a local action called by several jobs is reported once
    }

    /**
     * A local action file on its own (a changed {@code action.yml} when no workflows are given): its composite
     * steps' {@code uses:} and a Docker action's {@code docker://} image.
     */
    public static List<Finding> checkAction(String path, YamlNode.Mapping root) {
        List<Finding> out = new ArrayList<>();
        root.mapping("runs").ifPresent(runs -> {
            runs.sequence("steps")
                    .ifPresent(steps -> steps.items()
                            .forEach(step -> YamlNode.asMapping(step).ifPresent(s -> {
                                String uses = s.text("uses");
                                if (uses != null) {
                                    action(path, uses, s.keyLine("uses"), out);
                                }
                            })));
            String image = runs.text("image");
            if (image != null && image.trim().startsWith("docker://")) {
                action(path, image, runs.keyLine("image"), out);
            }
        });
        return out;
    }

    private static void action(String path, String uses, int line, List<Finding> out) {
        String u = uses.trim();
        if (u.startsWith("./")) {
            return;
        }
        if (u.startsWith("docker://")) {
            image(path, u.substring("docker://".length()), line, "action " + u, out);
            return;
        }
        if (!SHA_PINNED.matcher(u).matches()) {
            out.add(Finding.at(
                    Location.file(path, line),
                    "uses: " + u + " is not pinned to a commit SHA",
                    "pin it as owner/repo@<40-hex commit sha> # vX.Y.Z"));
        }
    }

    private static void image(String path, String image, int line, String what, List<Finding> out) {
        if (image == null || image.isBlank()) {
            return;
        }
        if (!DIGEST_PINNED.matcher(image.trim()).matches()) {
            out.add(Finding.at(
                    Location.file(path, line),
                    what + " image " + image + " is not pinned by digest",
                    "pin it as image@sha256:<digest>"));
        }
    }
}
