package dev.llmsafe.policy.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmsafe.identity.Trailer;
import dev.llmsafe.policy.Fixtures;
import dev.llmsafe.policy.PolicyEngine;
import dev.llmsafe.policy.PolicyFile;
import dev.llmsafe.policy.PolicyInput;
import dev.llmsafe.policy.PolicyReport;
import dev.llmsafe.policy.RuleCategory;
import dev.llmsafe.policy.Verdict;
import dev.llmsafe.policy.change.ChangeSet;
import dev.llmsafe.policy.change.ChangedFile;
import dev.llmsafe.policy.change.CommitInfo;
import dev.llmsafe.policy.change.FileStatus;
import dev.llmsafe.policy.workflow.Workflow;
import dev.llmsafe.policy.workflow.WorkflowSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * No change, workflow or policy-file rule passes without having judged something of its kind: on generated
 * changes (pinned and unpinned poms, plain files, files with a forbidden reference, unreadable and deleted files,
 * human and AI commits), workflows (with and without local actions) and policy files (with and without
 * suppressions), a rule that passes judged at least one element of the kind docs/policies.md gives it, and a rule
 * with none is not applicable. Skipped rules (their input not given) are skipped, as before.
 */
class ChangeRuleApplicabilityProperties {
    private static final String SHA = "0123456789abcdef0123456789abcdef01234567";
    private static final CommitInfo HUMAN = CommitInfo.builder("a".repeat(40))
            .author("Jane", "jane@acme.io")
            .committer("Jane", "jane@acme.io")
            .message("Fix\n")
            .build();
    private static final CommitInfo AI = CommitInfo.builder("b".repeat(40))
            .author("Jane", "jane@acme.io")
            .committer("Jane", "jane@acme.io")
            .message("Fix\n\nAssisted-by: Claude\n")
            .trailers(List.of(new Trailer("Assisted-by", "Claude")))
            .build();

    enum File {
        POM_PINNED,
        POM_UNPINNED,
        README,
        AWS_REFERENCE,
        CHANGED_WORKFLOW,
        UNREADABLE,
        DELETED_POM
    }

    enum Flow {
        PINNED,
        LOCAL_ACTION
    }

    record Inputs(Optional<List<File>> change, boolean ai, Optional<List<Flow>> workflows, boolean suppressions) {}

    @Property(tries = 1000)
    void aChangeRulePassesOnlyHavingJudgedSomethingOfItsKind(@ForAll("inputs") Inputs in) {
        PolicyReport report = PolicyEngine.withAllRules().evaluate(input(in));
        for (Verdict v : report.verdicts()) {
            if (v.rule().category() == RuleCategory.PLAN) {
                continue;
            }
            Statistics.label(v.rule().id()).collect(v.status());
            if (v.status() == Verdict.Status.SKIPPED) {
                continue;
            }
            boolean ofItsKind = ofItsKind(v.rule().id(), in);
            if (v.status() == Verdict.Status.PASS) {
                assertThat(v.judged())
                        .as(v.rule().id() + " passed having judged nothing")
                        .isPositive();
                assertThat(ofItsKind)
                        .as(v.rule().id() + " passed on nothing of its kind: " + in)
                        .isTrue();
            }
            if (!ofItsKind) {
                assertThat(v.status()).as(v.rule().id() + " on " + in).isEqualTo(Verdict.Status.NOT_APPLICABLE);
            }
        }
    }

    /** What each rule judges, written out apart from the rules. */
    private static boolean ofItsKind(String rule, Inputs in) {
        List<File> files = in.change().orElse(List.of());
        List<Flow> flows = in.workflows().orElse(List.of());
        boolean present = files.stream().anyMatch(f -> f != File.DELETED_POM);
        return switch (rule) {
            case "ai-allowed-paths" -> in.ai() && !files.isEmpty();
            case "dependency-pins" ->
                !flows.isEmpty()
                        || files.stream()
                                .anyMatch(f -> f == File.POM_PINNED
                                        || f == File.POM_UNPINNED
                                        || f == File.CHANGED_WORKFLOW
                                                && in.workflows().isEmpty());
            case "forbidden-references" -> present || !flows.isEmpty();
            case DeployGatesRule.ID, WorkflowPermissionsRule.ID, KeylessAuthRule.ID, ScriptInjectionRule.ID ->
                !flows.isEmpty();
            case "local-actions" -> flows.contains(Flow.LOCAL_ACTION);
            case "suppression-expiry" -> in.suppressions();
            default -> throw new AssertionError("a rule this property does not know: " + rule);
        };
    }

    @Provide
    Arbitrary<Inputs> inputs() {
        Arbitrary<Optional<List<File>>> change =
                Arbitraries.of(File.class).list().ofMaxSize(4).optional(0.8);
        Arbitrary<Optional<List<Flow>>> flows =
                Arbitraries.of(Flow.class).list().ofMaxSize(2).uniqueElements().optional(0.6);
        return Combinators.combine(change, Arbitraries.of(true, false), flows, Arbitraries.of(true, false))
                .as(Inputs::new);
    }

    private static PolicyInput input(Inputs in) {
        PolicyFile policy = in.suppressions()
                ? Fixtures.policy("suppressions:\n  - {rule: preview-cost, target: \"urn:x\", "
                        + "reason: demo, expires: " + (in.ai() ? "2025-05-31" : "2025-07-01") + "}\n")
                : PolicyFile.defaults();
        PolicyInput.Builder b = PolicyInput.builder(policy).today(Fixtures.TODAY);
        in.change()
                .ifPresent(files -> b.change(new ChangeSet(
                        "a..b",
                        files.stream()
                                .map(ChangeRuleApplicabilityProperties::file)
                                .toList(),
                        List.of(in.ai() ? AI : HUMAN),
                        Set.of())));
        in.workflows()
                .ifPresent(flows -> b.workflows(new WorkflowSet(
                        ".github/workflows",
                        flows.stream()
                                .map(ChangeRuleApplicabilityProperties::workflow)
                                .toList())));
        return b.build();
    }

    private static ChangedFile file(File f) {
        return switch (f) {
            case POM_PINNED -> modified("pom.xml", pom("1.2.3"));
            case POM_UNPINNED -> modified("svc/pom.xml", pom("LATEST"));
            case README -> modified("README.md", "# shop\n");
            // Assembled, so that the repository's own forbidden-references check does not find it in this file.
            case AWS_REFERENCE -> modified("deploy.sh", "export AWS_" + "PROFILE=prod\n");
            case CHANGED_WORKFLOW ->
                modified(
                        ".github/workflows/changed.yml",
                        "on: push\njobs:\n  x:\n    runs-on: ubuntu-latest\n"
                                + "    steps:\n      - uses: actions/checkout@v4\n");
            case UNREADABLE ->
                ChangedFile.builder(FileStatus.ADDED, "logo.png")
                        .newMode("100644")
                        .unreadable("binary")
                        .build();
            case DELETED_POM ->
                ChangedFile.builder(FileStatus.DELETED, "old/pom.xml")
                        .oldPath("old/pom.xml")
                        .oldMode("100644")
                        .build();
        };
    }

    private static ChangedFile modified(String path, String content) {
        return ChangedFile.builder(FileStatus.MODIFIED, path)
                .oldPath(path)
                .oldMode("100644")
                .newMode("100644")
                .content(content)
                .build();
    }

    private static String pom(String version) {
        return "<project><modelVersion>4.0.0</modelVersion><version>1.0.0</version><dependencies><dependency>"
                + "<groupId>g</groupId><artifactId>a</artifactId><version>" + version + "</version></dependency>"
                + "</dependencies></project>\n";
    }

    private static Workflow workflow(Flow f) {
        String step = f == Flow.LOCAL_ACTION
                ? "      - uses: ./.github/actions/setup\n"
                : "      - uses: actions/checkout@" + SHA + "\n";
        return Fixtures.workflow(
                f.name().toLowerCase(Locale.ROOT) + ".yml",
                "on: push\npermissions:\n  contents: read\n"
                        + "jobs:\n  build:\n    runs-on: ubuntu-latest\n    permissions:\n      contents: read\n    steps:\n"
                        + step);
    }
}
