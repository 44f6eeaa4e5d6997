package dev.llmsafe.policy.change;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmsafe.policy.input.InputException;
import java.util.List;
import org.junit.jupiter.api.Test;

class GitParsersTest {
    private static final String A = "a".repeat(40);
    private static final String B = "b".repeat(40);
    private static final String ZERO = "0".repeat(40);

    @Test
    void rawDiffEntriesKeepStatusModesAndBothPathsOfRenames() throws Exception {
        String raw = ":000000 100644 " + ZERO + " " + A + " A\0new file.txt\0"
                + ":100644 100644 " + A + " " + B + " R087\0old/name.java\0new/name.java\0"
                + ":100644 000000 " + A + " " + ZERO + " D\0gone\0"
                + ":000000 120000 " + ZERO + " " + B + " A\0link\0"
                + ":100644 100644 " + A + " " + B + " M\0wei\u202Erd\n\\name\0";
        List<GitRawDiffParser.Entry> entries = GitRawDiffParser.parse(raw);
        assertThat(entries)
                .extracting(GitRawDiffParser.Entry::status)
                .containsExactly(
                        FileStatus.ADDED,
                        FileStatus.RENAMED,
                        FileStatus.DELETED,
                        FileStatus.ADDED,
                        FileStatus.MODIFIED);
        assertThat(entries.get(0).oldPath()).isNull();
        assertThat(entries.get(0).path()).isEqualTo("new file.txt");
        assertThat(entries.get(1).oldPath()).isEqualTo("old/name.java");
        assertThat(entries.get(1).path()).isEqualTo("new/name.java");
        assertThat(entries.get(3).newMode()).isEqualTo("120000");
        assertThat(entries.get(4).path()).isEqualTo("wei\u202Erd\n\\name");
    }

    @Test
    void malformedRawOutputIsAnInputError() {
        assertThatThrownBy(() -> GitRawDiffParser.parse("garbage\0"))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("unexpected entry 'garbage'");
        assertThatThrownBy(() -> GitRawDiffParser.parse(":100644 100644 " + A + " " + B + " R100\0only-one"))
                .hasMessageContaining("has no path");
        assertThatThrownBy(() -> GitRawDiffParser.parse(":100644 100644 " + A + " " + B + " M\0\0"))
                .hasMessageContaining("empty path");
    }

    @Test
    void logRecordsKeepAuthorsCommittersAndWholeMessages() throws Exception {
        String raw =
                A + "\u001fJane\u001fjane@x.io\u001fBot[bot]\u001fbot@x.io\u001fSubject\n\nBody\nAssisted-by: tool\n\0"
                        + "\n" + B + "\u001f\u001f\u001f\u001f\u001fmessage with \u001f inside\n\0";
        List<CommitInfo> commits = GitLogParser.parse(raw);
        assertThat(commits).hasSize(2);
        assertThat(commits.get(0).committerName()).isEqualTo("Bot[bot]");
        assertThat(commits.get(0).message()).contains("Assisted-by: tool");
        assertThat(commits.get(1).message()).isEqualTo("message with \u001f inside\n");
        assertThatThrownBy(() -> GitLogParser.parse("not a commit\0")).isInstanceOf(InputException.class);
    }

    @Test
    void rangesAreValidatedBeforeGitSeesThem() throws Exception {
        assertThat(GitChangeReader.Range.parse("origin/main...HEAD"))
                .isEqualTo(new GitChangeReader.Range("origin/main", "HEAD", true));
        assertThat(GitChangeReader.Range.parse("HEAD~3..HEAD"))
                .isEqualTo(new GitChangeReader.Range("HEAD~3", "HEAD", false));
        for (String bad :
                new String[] {"main", "--output=/tmp/x..HEAD", "a..b..c", "a b..c", "..HEAD", "a..", "a\u0000..b"}) {
            assertThatThrownBy(() -> GitChangeReader.Range.parse(bad))
                    .as(bad)
                    .isInstanceOf(InputException.class)
                    .hasMessageContaining("is not BASE..HEAD");
        }
    }
}
