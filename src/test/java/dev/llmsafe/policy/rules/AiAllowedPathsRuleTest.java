package dev.llmsafe.policy.rules;

import static dev.llmsafe.policy.Fixtures.verdict;
import static org.assertj.core.api.Assertions.assertThat;

import dev.llmsafe.identity.Trailer;
import dev.llmsafe.policy.Fixtures;
import dev.llmsafe.policy.PolicyFile;
import dev.llmsafe.policy.Verdict;
import dev.llmsafe.policy.change.ChangeSet;
import dev.llmsafe.policy.change.ChangedFile;
import dev.llmsafe.policy.change.CommitInfo;
import dev.llmsafe.policy.change.FileStatus;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AiAllowedPathsRuleTest {
    private static final PolicyFile POLICY =
            Fixtures.policy("aiIdentities: [code-agent]\nprotectedPaths: [.github/**, policy.yaml, \"**/pom.xml\"]\n");
    private static final CommitInfo HUMAN = CommitInfo.builder("a".repeat(40))
            .author("Jane Doe", "jane@acme.io")
            .committer("Jane Doe", "jane@acme.io")
            .message("Fix typo\n")
            .build();
    private final AiAllowedPathsRule rule = new AiAllowedPathsRule();

    static ChangedFile modified(String path) {
        return ChangedFile.builder(FileStatus.MODIFIED, path)
                .oldPath(path)
                .oldMode("100644")
                .newMode("100644")
                .content("x")
                .build();
    }

    private List<String> check(List<ChangedFile> files, List<CommitInfo> commits, Set<String> labels) {
        return Fixtures.messages(rule, Fixtures.change(POLICY, new ChangeSet("a..b", files, commits, labels)));
    }

    @Test
    void humanChangesMayTouchProtectedPaths() {
        assertThat(check(
                        List.of(modified("policy.yaml"), modified(".github/workflows/ci.yml")),
                        List.of(HUMAN),
                        Set.of()))
                .isEmpty();
    }

    @Test
    void aiChangesOutsideProtectedPathsPass() {
        assertThat(check(List.of(modified("src/main/java/App.java")), List.of(HUMAN), Set.of("ai-assisted")))
                .isEmpty();
    }

    @Test
    void everyAiSignalMakesAProtectedPathAViolation() {
        List<ChangedFile> files = List.of(modified("policy.yaml"));
        CommitInfo trailer = CommitInfo.builder("b".repeat(40))
                .author("Jane", "jane@acme.io")
                .committer("Jane", "jane@acme.io")
                .message("Tune policy\n\nCo-authored-by: Claude <noreply@anthropic.com>\n")
                .trailers(List.of(new Trailer("Co-authored-by", "Claude <noreply@anthropic.com>")))
                .build();
        CommitInfo agentAuthor = CommitInfo.builder("c".repeat(40))
                .author("code-agent", "agent@acme.io")
                .committer("Jane", "jane@acme.io")
                .message("x")
                .build();
        CommitInfo botCommitter = CommitInfo.builder("d".repeat(40))
                .author("Jane", "jane@acme.io")
                .committer("renovate[bot]", "29139614+renovate[bot]@users.noreply.github.com")
                .message("x")
                .build();
        CommitInfo noreplyLogin = CommitInfo.builder("e".repeat(40))
                .author("Agent", "12345+code-agent@users.noreply.github.com")
                .committer("A", "a@b.c")
                .message("x")
                .build();
        assertThat(check(files, List.of(HUMAN, trailer), Set.of()))
                .singleElement()
                .asString()
                .contains("commit bbbbbbbbbbbb has trailer 'Co-authored-by: Claude <noreply@anthropic.com>'")
                .contains("modifies protected path policy.yaml");
        assertThat(check(files, List.of(agentAuthor), Set.of()))
                .singleElement()
                .asString()
                .contains("author code-agent is an AI identity");
        assertThat(check(files, List.of(botCommitter), Set.of()))
                .singleElement()
                .asString()
                .contains("committer renovate[bot] is a bot");
        assertThat(check(files, List.of(noreplyLogin), Set.of()))
                .singleElement()
                .asString()
                .contains("author Agent is an AI identity");
        assertThat(check(files, List.of(HUMAN), Set.of("AI-Assisted")))
                .singleElement()
                .asString()
                .contains("pull request label ai-assisted");
    }

    @Test
    void pathsAreNormalisedAndCaseFoldedBeforeMatching() {
        List<String> found = check(
                List.of(
                        modified("./.GitHub//Workflows/deploy.yml"),
                        modified("ｐｏｌｉｃｙ.yaml"),
                        modified("services/api/POM.xml")),
                List.of(),
                Set.of("ai-assisted"));
        assertThat(found).hasSize(3).allSatisfy(m -> assertThat(m).contains("protected path"));
    }

    @Test
    void aRenameCountsForBothPaths() {
        ChangedFile outOf = ChangedFile.builder(FileStatus.RENAMED, "docs/ci.yml")
                .oldPath(".github/workflows/ci.yml")
                .oldMode("100644")
                .newMode("100644")
                .content("x")
                .build();
        ChangedFile into = ChangedFile.builder(FileStatus.RENAMED, ".github/workflows/x.yml")
                .oldPath("docs/x.yml")
                .oldMode("100644")
                .newMode("100644")
                .content("x")
                .build();
        assertThat(check(List.of(outOf, into), List.of(), Set.of("ai-assisted")))
                .hasSize(2)
                .allSatisfy(m -> assertThat(m).contains("renames protected path .github/workflows/"));
    }

    @Test
    void hostilePathsAndNewSymlinksAreViolations() {
        List<ChangedFile> files = List.of(
                modified("../policy.yaml"),
                modified("/etc/passwd"),
                modified("a\\..\\pom.xml"),
                modified("src/\u202Egnp.java"),
                modified("src/a\u0000b"),
                modified("．．/x"),
                ChangedFile.builder(FileStatus.ADDED, "src/link")
                        .newMode(ChangedFile.SYMLINK_MODE)
                        .content("../policy.yaml")
                        .build());
        List<String> found = check(files, List.of(), Set.of("ai-assisted"));
        assertThat(found).hasSize(7);
        assertThat(found.subList(0, 6)).allSatisfy(m -> assertThat(m).contains("has a path that cannot be judged"));
        assertThat(found.get(3)).contains("\\u202E").doesNotContain("\u202E");
        assertThat(found.get(6)).contains("adds symbolic link src/link");
    }

    static ChangedFile retarget(String link, String target) {
        return ChangedFile.builder(FileStatus.MODIFIED, link)
                .oldPath(link)
                .oldMode(ChangedFile.SYMLINK_MODE)
                .newMode(ChangedFile.SYMLINK_MODE)
                .content(target)
                .build();
    }

    @Test
    void anExistingSymlinkRetargetedOutsideProtectedPathsIsNotNewAndPasses() {
        assertThat(check(
                        List.of(retarget("src/link", "elsewhere"), retarget("docs/a/link", "../b/pom.xml.md")),
                        List.of(),
                        Set.of("ai-assisted")))
                .isEmpty();
    }

    @Test
    void anExistingSymlinkRetargetedOntoAProtectedPathOrOutOfSightTouchesIt() {
        List<String> found = check(
                List.of(
                        retarget("docs/a/link", "../../policy.yaml"),
                        retarget("docs/link", "../.GitHub"),
                        retarget("l1", "services/api/POM.xml"),
                        retarget("docs/l2", "/etc/passwd"),
                        retarget("l3", "../outside"),
                        retarget("docs/l4", "．．/policy.yaml"),
                        retarget("l5", null)),
                List.of(),
                Set.of("ai-assisted"));
        assertThat(found).hasSize(7);
        assertThat(found.get(0)).contains("retargets symbolic link docs/a/link onto protected path policy.yaml");
        assertThat(found.get(1)).contains("onto protected path .GitHub (matches .github/**)");
        assertThat(found.get(2)).contains("onto protected path services/api/POM.xml (matches **/pom.xml)");
        assertThat(found.get(3)).contains("cannot be judged: the link points to an absolute path");
        assertThat(found.get(4)).contains("cannot be judged: the link points outside the repository");
        assertThat(found.get(5)).contains("cannot be judged: the path has a '..' segment");
        assertThat(found.get(6)).contains("cannot be judged: the link's target is unknown");
    }

    @Test
    void aSubmoduleCountsForEveryPathBelowIt() {
        ChangedFile atFolder = ChangedFile.builder(FileStatus.ADDED, ".github")
                .newMode(ChangedFile.GITLINK_MODE)
                .build();
        ChangedFile replaced = ChangedFile.builder(FileStatus.TYPE_CHANGED, "tools")
                .oldPath("tools")
                .oldMode("040000")
                .newMode(ChangedFile.GITLINK_MODE)
                .build();
        assertThat(check(List.of(atFolder, replaced), List.of(), Set.of("ai-assisted")))
                .hasSize(2)
                .anySatisfy(m -> assertThat(m)
                        .contains("adds submodule .github, whose files could fall under a protected path"
                                + " (matches .github/**)"))
                .anySatisfy(m -> assertThat(m).contains("submodule tools").contains("(matches **/pom.xml)"));
        ChangedFile regular = ChangedFile.builder(FileStatus.ADDED, "tools")
                .newMode("100644")
                .content("x")
                .build();
        assertThat(check(List.of(regular), List.of(), Set.of("ai-assisted")))
                .as("a file there is just a file")
                .isEmpty();
    }

    @Test
    void theDefaultsStayProtectedWhenThePolicyFileListsNoPaths() {
        PolicyFile empty = Fixtures.policy("protectedPaths: []\n");
        List<String> guarded = List.of(
                ".github/workflows/ci.yml",
                ".github/CODEOWNERS",
                "docs/CODEOWNERS",
                "CODEOWNERS",
                ".ci/lint-workflows.sh",
                "mvnw",
                "mvnw.cmd",
                ".mvn/wrapper/maven-wrapper.properties",
                "pom.xml",
                "services/api/pom.xml",
                "Pulumi.yaml",
                "Pulumi.production.yaml",
                "policy.yaml",
                "src/main/java/dev/llmsafe/policy/PolicyEngine.java",
                "src/main/java/dev/llmsafe/plan/PlanReader.java",
                "src/main/java/dev/llmsafe/gate/ApprovalGate.java",
                "src/main/java/dev/llmsafe/audit/ChainVerifier.java",
                "src/main/java/dev/llmsafe/identity/ActorClassifier.java",
                "src/main/java/dev/llmsafe/cli/PolicyCheckCommand.java");
        List<String> free = List.of(
                "src/main/java/dev/llmsafe/stack/AppProgram.java",
                "docs/policies.md",
                "README.md",
                "src/test/java/dev/llmsafe/policy/PolicyFileTest.java");
        for (String path : guarded) {
            assertThat(Fixtures.messages(
                            rule,
                            Fixtures.change(
                                    empty,
                                    new ChangeSet("a..b", List.of(modified(path)), List.of(), Set.of("ai-assisted")))))
                    .as(path)
                    .singleElement()
                    .asString()
                    .contains("protected path " + path);
        }
        for (String path : free) {
            assertThat(Fixtures.messages(
                            rule,
                            Fixtures.change(
                                    empty,
                                    new ChangeSet("a..b", List.of(modified(path)), List.of(), Set.of("ai-assisted")))))
                    .as(path)
                    .isEmpty();
        }
    }

    @Test
    void aWholeTreeIsNoChangeAndIsSkippedEvenWithTheLabel() {
        ChangeSet tree = new ChangeSet(
                "working tree .",
                List.of(ChangedFile.present("policy.yaml", "100644", "x")),
                List.of(),
                Set.of("ai-assisted"),
                true);
        assertThat(rule.appliesTo(Fixtures.change(POLICY, tree))).isFalse();
        assertThat(rule.appliesTo(Fixtures.change(POLICY, new ChangeSet("a..b", List.of(), List.of(), Set.of()))))
                .isTrue();
    }

    @Test
    void aChangeWithoutAiAssistanceIsNotApplicableAndAnAiChangeOutsideProtectedPathsPasses() {
        Verdict human = verdict(
                rule,
                Fixtures.change(
                        POLICY, new ChangeSet("a..b", List.of(modified("policy.yaml")), List.of(HUMAN), Set.of())));
        assertThat(human.status()).isEqualTo(Verdict.Status.NOT_APPLICABLE);
        assertThat(human.note())
                .isEqualTo("the change shows no AI assistance (no AI trailer, author or committer, no "
                        + "ai-assisted label)");
        Verdict ai = verdict(
                rule,
                Fixtures.change(
                        POLICY,
                        new ChangeSet(
                                "a..b",
                                List.of(modified("src/main/java/App.java")),
                                List.of(HUMAN),
                                Set.of("ai-assisted"))));
        assertThat(ai.status()).isEqualTo(Verdict.Status.PASS);
        assertThat(ai.judged()).isEqualTo(1);
    }
}
