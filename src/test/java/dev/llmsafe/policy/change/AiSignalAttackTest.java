package dev.llmsafe.policy.change;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmsafe.policy.PolicyFile;
import dev.llmsafe.policy.rules.AiAllowedPathsRule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Commits that an AI agent made or declared, written so that a line-by-line reading misses them: trailers
 * as git reads them (space before the colon, values folded onto the next line), identities hidden behind
 * invisible or compatibility characters, and agents committing under their own names.
 */
class AiSignalAttackTest {
    @TempDir
    Path repo;

    private void git(String name, String email, String... args) throws IOException, InterruptedException {
        TestGit.run(repo, name, email, args);
    }

    @BeforeEach
    void base() throws Exception {
        git("Jane Doe", "jane@acme.io", "init", "-q");
        Files.writeString(repo.resolve("policy.yaml"), "version: 1\n");
        git("Jane Doe", "jane@acme.io", "add", "-A");
        git("Jane Doe", "jane@acme.io", "commit", "-q", "-m", "base");
        git("Jane Doe", "jane@acme.io", "tag", "base");
    }

    private String signal(String authorName, String authorEmail, String message) throws Exception {
        Files.writeString(repo.resolve("policy.yaml"), "version: 1\n# " + message.hashCode() + "\n");
        git(authorName, authorEmail, "commit", "-q", "-a", "--cleanup=verbatim", "-m", message);
        ChangeSet change = GitChangeReader.read(repo, GitChangeReader.Range.parse("base..HEAD"), Set.of());
        return AiAllowedPathsRule.aiSignal(change, PolicyFile.defaults().classifier())
                .orElse(null);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Tune policy\n\nCo-authored-by : Claude <noreply@anthropic.com>\n",
                "Tune policy\n\nCo-authored-by\t: Claude <noreply@anthropic.com>\n",
                "Tune policy\n\nAssisted-by:\n  a coding agent\n",
                "Tune policy\n\nCo-authored-by: J. Doe\n <noreply@anthropic.com>\n",
                "Tune policy\n\nCo-authored-by: Cl\u200Baude <c@example.com>\n",
                "Tune policy\n\nCo-authored-by: \uFF23\uFF4C\uFF41\uFF55\uFF44\uFF45 <c@example.com>\n",
                "Tune policy\n\nCo-authored-by: Jules <j@example.com>\n"
            })
    void trailersAsGitReadsThemAreFound(String message) throws Exception {
        assertThat(signal("Jane Doe", "jane@acme.io", message)).isNotNull().contains("has trailer");
    }

    @ParameterizedTest
    @CsvSource({
        "Claude, noreply@anthropic.com",
        "Copilot, 198982749+Copilot@users.noreply.github.com",
        "Cursor Agent, cursoragent@cursor.com",
        "Devin AI, devin@example.com",
        "C\u200Bodex, codex@example.com",
        "Jane Doe, gemini\u2060@example.com"
    })
    void agentsCommittingUnderTheirOwnNamesAreFound(String name, String email) throws Exception {
        assertThat(signal(name, email, "Tune policy\n")).isNotNull().contains("author");
    }
}
