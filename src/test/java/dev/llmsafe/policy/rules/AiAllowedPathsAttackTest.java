package dev.llmsafe.policy.rules;

import static dev.llmsafe.policy.rules.AiAllowedPathsFixtures.check;
import static dev.llmsafe.policy.rules.AiAllowedPathsFixtures.modified;
import static dev.llmsafe.policy.rules.AiAllowedPathsFixtures.retarget;
import static org.assertj.core.api.Assertions.assertThat;

import dev.llmsafe.policy.change.ChangedFile;
import dev.llmsafe.policy.change.FileStatus;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * An AI-assisted change that reaches a protected path without naming it as the policy does: another spelling or
 * case, a rename out of or into it, a path that cannot be judged, a symbolic link or a submodule. Each is a
 * violation.
 */
class AiAllowedPathsAttackTest {
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
}
