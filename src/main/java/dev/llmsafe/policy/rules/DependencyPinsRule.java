package dev.llmsafe.policy.rules;

import dev.llmsafe.policy.EnforcementLevel;
import dev.llmsafe.policy.Finding;
import dev.llmsafe.policy.Judgement;
import dev.llmsafe.policy.Location;
import dev.llmsafe.policy.PathNormalizer;
import dev.llmsafe.policy.PolicyInput;
import dev.llmsafe.policy.Rule;
import dev.llmsafe.policy.RuleCategory;
import dev.llmsafe.policy.build.ActionPins;
import dev.llmsafe.policy.build.MavenDirPins;
import dev.llmsafe.policy.build.PomPins;
import dev.llmsafe.policy.build.PulumiYamlPins;
import dev.llmsafe.policy.build.WrapperPins;
import dev.llmsafe.policy.change.ChangedFile;
import dev.llmsafe.policy.input.InputException;
import dev.llmsafe.policy.input.YamlNode;
import dev.llmsafe.policy.input.YamlReader;
import dev.llmsafe.policy.workflow.Workflow;
import dev.llmsafe.policy.workflow.WorkflowReader;
import dev.llmsafe.policy.workflow.WorkflowSet;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Everything the build and the deploy pull in is pinned: {@code pom.xml} dependencies and plugins
 * ({@link PomPins}), the Maven wrapper ({@link WrapperPins}), {@code .mvn/extensions.xml} and
 * {@code .mvn/maven.config} ({@link MavenDirPins}), {@code Pulumi.yaml} packages
 * ({@link PulumiYamlPins}) and workflow actions and images ({@link ActionPins}). Build files come from the
 * change (their new content) or the whole tree; workflows from {@code --workflows}, else from the change.
 */
public final class DependencyPinsRule implements Rule {
    /** The rule's id in policy.yaml, suppressions and reports. */
    public static final String ID = "dependency-pins";

    static final String WRAPPER = ".mvn/wrapper/maven-wrapper.properties";
    static final String EXTENSIONS = ".mvn/extensions.xml";
    static final String MAVEN_CONFIG = ".mvn/maven.config";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "Maven dependencies and plugins, the Maven wrapper, Pulumi packages and workflow actions are pinned exactly.";
    }

    @Override
    public EnforcementLevel defaultLevel() {
        return EnforcementLevel.MANDATORY;
    }

    @Override
    public RuleCategory category() {
        return RuleCategory.CHANGE;
    }

    @Override
    public boolean appliesTo(PolicyInput input) {
        return Rule.hasChangeOrWorkflows(input);
    }

    @Override
    public String skipReason() {
        return NO_CHANGE_OR_WORKFLOWS;
    }

    @Override
    public String judges() {
        return "workflows or dependency files (pom.xml, Maven wrapper and config, Pulumi.yaml, action.yml)";
    }

    @Override
    public Judgement judge(PolicyInput input) {
        List<Finding> out = new ArrayList<>();
        List<Workflow> workflows = input.workflows().map(WorkflowSet::workflows).orElse(List.of());
        workflows.forEach(w -> out.addAll(ActionPins.check(w)));
        int judged = workflows.size();
        for (ChangedFile file : input.change().map(c -> c.files()).orElse(List.of())) {
            if (file.isDeleted()) {
                continue;
            }
            PathNormalizer.Result path = PathNormalizer.normalize(file.path());
            if (!path.ok()) {
                continue; // ai-allowed-paths reports paths that cannot be judged
            }
            BiFunction<String, String, List<Finding>> checker =
                    checker(path.folded(), input.workflows().isEmpty());
            if (checker != null) {
                judged++;
                judgeFile(file, path.path(), checker, out);
            }
        }
        return Judgement.of(judged, out);
    }

    /** What checks a file's pins, by its folded path, or null for a file that pins nothing. */
    private static BiFunction<String, String, List<Finding>> checker(String folded, boolean noWorkflowsGiven) {
        String name = folded.substring(folded.lastIndexOf('/') + 1);
        if (name.equals("pom.xml")) {
            return PomPins::check;
        } else if (folded.equals(WRAPPER) || folded.endsWith("/" + WRAPPER)) {
            return WrapperPins::check;
        } else if (folded.equals(EXTENSIONS) || folded.endsWith("/" + EXTENSIONS)) {
            return MavenDirPins::checkExtensions;
        } else if (folded.equals(MAVEN_CONFIG) || folded.endsWith("/" + MAVEN_CONFIG)) {
            return MavenDirPins::checkConfig;
        } else if (name.equals("pulumi.yaml") || name.equals("pulumi.yml")) {
            return PulumiYamlPins::check;
        } else if (noWorkflowsGiven && folded.matches("(.*/)?\\.github/workflows/[^/]+\\.ya?ml")) {
            return DependencyPinsRule::workflow;
        } else if (noWorkflowsGiven && (name.equals("action.yml") || name.equals("action.yaml"))) {
            return DependencyPinsRule::localAction;
        }
        return null;
    }

    private static void judgeFile(
            ChangedFile file, String path, BiFunction<String, String, List<Finding>> checker, List<Finding> out) {
        if (file.content() == null) {
            out.add(Finding.at(
                    Location.file(path),
                    path + " could not be read as text (" + file.whyUnreadable() + "), so its pins cannot be checked",
                    "keep build files as UTF-8 text under 1 MiB"));
            return;
        }
        out.addAll(checker.apply(path, file.content()));
    }

    private static List<Finding> localAction(String path, String content) {
        try {
            return YamlNode.asMapping(YamlReader.parse(content, path))
                    .map(root -> ActionPins.checkAction(path, root))
                    .orElse(List.of());
        } catch (InputException e) {
            return List.of(Finding.at(Location.file(path), e.getMessage(), "fix the action's YAML"));
        }
    }

    private static List<Finding> workflow(String path, String content) {
        try {
            Workflow w = WorkflowReader.parse(content, path);
            return ActionPins.check(w);
        } catch (InputException e) {
            return List.of(Finding.at(Location.file(path), e.getMessage(), "fix the workflow YAML"));
        }
    }
}
