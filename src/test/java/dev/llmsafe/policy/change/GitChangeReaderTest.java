package dev.llmsafe.policy.change;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmsafe.policy.input.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reads changes from a real git repository built in a temporary folder. */
class GitChangeReaderTest {
    @TempDir
    Path repo;

    private void git(String... args) throws IOException, InterruptedException {
        TestGit.run(repo, "Jane Doe", "jane@acme.io", args);
    }

    @BeforeEach
    void base() throws Exception {
        git("init", "-q");
        Files.writeString(repo.resolve("pom.xml"), "<project><version>1</version></project>\n");
        Files.createDirectories(repo.resolve("docs"));
        Files.writeString(repo.resolve("docs/old.md"), "a stable text that will be renamed\n".repeat(20));
        git("add", "-A");
        git("commit", "-q", "-m", "base");
        git("tag", "base");
    }

    @Test
    void filesRenamesSymlinksContentsAndCommitsAreRead() throws Exception {
        Files.writeString(repo.resolve("pom.xml"), "<project><version>2</version></project>\n");
        git("mv", "docs/old.md", "docs/new.md");
        Files.createSymbolicLink(repo.resolve("link"), Path.of("pom.xml"));
        Files.write(repo.resolve("blob.bin"), new byte[] {1, 0, 2});
        git("add", "-A");
        git("commit", "-q", "-m", "Change things\n\nCo-authored-by: Claude <noreply@anthropic.com>");

        ChangeSet change = GitChangeReader.read(repo, GitChangeReader.Range.parse("base..HEAD"), Set.of("ai-assisted"));
        assertThat(change.description()).isEqualTo("base..HEAD");
        assertThat(change.labels()).containsExactly("ai-assisted");
        assertThat(change.commits()).singleElement().satisfies(c -> {
            assertThat(c.authorName()).isEqualTo("Jane Doe");
            assertThat(c.message()).contains("Co-authored-by: Claude");
        });
        assertThat(change.files())
                .anySatisfy(f -> {
                    assertThat(f.status()).isEqualTo(FileStatus.RENAMED);
                    assertThat(f.oldPath()).isEqualTo("docs/old.md");
                    assertThat(f.path()).isEqualTo("docs/new.md");
                })
                .anySatisfy(f -> {
                    assertThat(f.path()).isEqualTo("pom.xml");
                    assertThat(f.content()).contains("<version>2</version>");
                })
                .anySatisfy(f -> {
                    assertThat(f.path()).isEqualTo("link");
                    assertThat(f.isNewSymlink()).isTrue();
                })
                .anySatisfy(f -> {
                    assertThat(f.path()).isEqualTo("blob.bin");
                    assertThat(f.content()).as("binary content is not text").isNull();
                });
    }

    @Test
    void threeDotRangesStartAtTheMergeBase() throws Exception {
        git("checkout", "-q", "-b", "feature");
        Files.writeString(repo.resolve("feature.txt"), "f\n");
        git("add", "-A");
        git("commit", "-q", "-m", "feature");
        git("checkout", "-q", "main");
        Files.writeString(repo.resolve("main.txt"), "m\n");
        git("add", "-A");
        git("commit", "-q", "-m", "main moved on");
        ChangeSet change = GitChangeReader.read(repo, GitChangeReader.Range.parse("main...feature"), Set.of());
        assertThat(change.files()).extracting(ChangedFile::path).containsExactly("feature.txt");
    }

    @Test
    void theBaseRevisionsFilesAreReadFromItsTreeNotFromTheWorkingTree() throws Exception {
        Files.writeString(repo.resolve("pom.xml"), "<project><version>changed</version></project>\n");
        git("commit", "-q", "-am", "change");
        BaseRevision base = BaseRevision.of(repo, GitChangeReader.Range.parse("base...HEAD"));
        assertThat(base.revision()).isEqualTo("base");
        assertThat(new String(base.file("pom.xml").orElseThrow())).contains("<version>1</version>");
        assertThat(base.file("no-such-file.yaml")).isEmpty();
        assertThat(base.file("docs/old.md")).isPresent();
        BaseRevision inDocs = BaseRevision.of(repo.resolve("docs"), GitChangeReader.Range.parse("base..HEAD"));
        assertThat(inDocs.file("old.md"))
                .as("paths are relative to the folder given")
                .isPresent();
        assertThatThrownBy(() -> base.file("docs"))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("is not a file in base");
    }

    @Test
    void unknownRevisionsAndNonRepositoriesAreInputErrors(@TempDir Path empty) {
        assertThatThrownBy(() -> GitChangeReader.read(repo, GitChangeReader.Range.parse("nope..HEAD"), Set.of()))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("'nope' is not a commit in this repository");
        assertThatThrownBy(() -> GitChangeReader.read(empty, GitChangeReader.Range.parse("a..b"), Set.of()))
                .isInstanceOf(InputException.class);
    }

    @Test
    void aWorkingTreeIsEveryTrackedOrUntrackedFileButIgnoredOnes() throws Exception {
        Files.writeString(repo.resolve(".gitignore"), "target/\n");
        Files.createDirectories(repo.resolve("target"));
        Files.writeString(repo.resolve("target/out.txt"), "built\n");
        Files.writeString(repo.resolve("new.txt"), "untracked\n");
        ChangeSet tree = WorkingTreeReader.read(repo);
        assertThat(tree.wholeTree()).isTrue();
        assertThat(tree.files())
                .extracting(ChangedFile::path)
                .contains("pom.xml", "docs/old.md", "new.txt", ".gitignore")
                .doesNotContain("target/out.txt");
        assertThat(tree.files()).allSatisfy(f -> assertThat(f.status()).isEqualTo(FileStatus.PRESENT));
    }

    @Test
    void aFolderOutsideGitIsWalked(@TempDir Path plain) throws Exception {
        Files.createDirectories(plain.resolve("target"));
        Files.writeString(plain.resolve("target/x"), "x");
        Files.writeString(plain.resolve("a.txt"), "a");
        assertThat(WorkingTreeReader.read(plain).files())
                .extracting(ChangedFile::path)
                .containsExactly("a.txt");
    }
}
