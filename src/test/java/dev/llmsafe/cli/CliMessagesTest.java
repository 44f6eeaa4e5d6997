package dev.llmsafe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the CLI says when the input is wrong: the file with its line and column, one sentence for a missing file,
 * a folder or an unwritable output, what was meant for a typo, and no library's exception text anywhere.
 */
class CliMessagesTest {
    private static final String REPO = CliRun.projectDir().toString();
    private static final String OPEN = "[{\"number\":2,\"labels\":[]}]";
    private static final String STACKS = "[{\"name\":\"pr-2\",\"lastUpdate\":\"2026-11-24T00:00:00Z\"}]";

    @TempDir
    Path dir;

    private static void clean(String err) {
        assertThat(err).doesNotContain("Exception", "jackson", "java.time", "\tat ", "Source:");
    }

    private CliRun reaper(String stacks, String now) throws Exception {
        Path s = Files.writeString(dir.resolve("stacks.json"), stacks);
        Path o = Files.writeString(dir.resolve("open.json"), OPEN);
        Path c = Files.writeString(dir.resolve("Pulumi.review.yaml"), "config:\n  llm-safe:previewTtlDays: 7\n");
        return now == null
                ? CliRun.of(
                        "reaper", "--stacks", s.toString(), "--open-prs", o.toString(), "--config-file", c.toString())
                : CliRun.of(
                        "reaper",
                        "--stacks",
                        s.toString(),
                        "--open-prs",
                        o.toString(),
                        "--config-file",
                        c.toString(),
                        "--now",
                        now);
    }

    @Test
    void jsonParseErrorsNameTheFileLineAndColumn() throws Exception {
        CliRun run = reaper("[\n  {\"name\": \"pr-2\",\n   \"lastUpdate\": oops}\n]", "2026-11-25");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .contains(
                        "--stacks " + dir.resolve("stacks.json") + ": not valid JSON at line 3, column",
                        "near '\"lastUpdate\": oops}'",
                        "expected the output of `pulumi stack ls --json`");
        clean(run.err());

        Path history = Files.writeString(dir.resolve("history.json"), "[{\"kind\": \"update\", \"startTime\": \"2026");
        AuditCliRun imported = AuditCliRun.run(
                Map.of(),
                "audit",
                "import-history",
                "--stack",
                "pr-2",
                "--file",
                history.toString(),
                "--log",
                dir.resolve("audit.jsonl").toString());
        assertThat(imported.exit()).isEqualTo(2);
        assertThat(imported.err())
                .contains("--file " + history + ": not valid JSON: it ends early at line 1, column", "cut short");
        clean(imported.err());

        assertThat(AuditCliRun.run(
                                Map.of(),
                                "audit",
                                "append",
                                "--new",
                                "--kind",
                                "approval",
                                "--log",
                                dir.resolve("audit.jsonl").toString(),
                                "--actor",
                                "octocat",
                                "--actor-kind",
                                "human")
                        .exit())
                .isZero();
        Files.writeString(history, "{\"kind\": \"update\"}");
        AuditCliRun report = AuditCliRun.run(
                Map.of(),
                "audit",
                "report",
                "--history",
                history.toString(),
                "--log",
                dir.resolve("audit.jsonl").toString());
        assertThat(report.exit()).isEqualTo(2);
        assertThat(report.err())
                .contains("--history " + history + ": holds a JSON object; expected the output of "
                        + "`pulumi stack history --json`");
        clean(report.err());
    }

    @Test
    void nowTakesADateOrAnInstant() throws Exception {
        CliRun date = reaper(STACKS, "2026-11-25");
        assertThat(date.exitCode()).as(date.err()).isZero();
        assertThat(date.out()).contains("keep\tpr-2\tkept: deployed 1 day ago");
        assertThat(reaper(STACKS, "2026-11-24T06:00:00Z").out()).contains("kept: deployed less than a day ago");
        assertThat(reaper(STACKS, "2026-12-01T12:00:00+02:00").out()).contains("no deploy for 7 days");
        CliRun bad = reaper(STACKS, "yesterday");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("--now 'yesterday' is neither a date (2025-01-31, midnight UTC) nor an instant");
        clean(bad.err());
    }

    @Test
    void missingFilesFoldersAndUnwritableOutputsGetOneSentence() throws Exception {
        CliRun missing =
                CliRun.of("policy", "check", "--plan", dir.resolve("nope.json").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("--plan " + dir.resolve("nope.json") + ": no such file");
        CliRun folder = CliRun.of("policy", "check", "--plan", dir.toString());
        assertThat(folder.err()).contains("--plan " + dir + ": a folder, not a file");

        Path plan = Files.writeString(
                dir.resolve("plan.json"), "{\"formatVersion\": 1, \"kind\": \"review\", " + "\"resources\": []}");
        CliRun toFolder = CliRun.of("policy", "check", "--plan", plan.toString(), "--output", dir.toString());
        assertThat(toFolder.exitCode()).isEqualTo(2);
        assertThat(toFolder.err()).contains("--output " + dir + ": a folder; name a file to write");
        Path nowhere = dir.resolve("no/such/folder/report.md");
        CliRun toNowhere = CliRun.of("policy", "check", "--plan", plan.toString(), "--output", nowhere.toString());
        assertThat(toNowhere.err())
                .contains("--output " + nowhere + ": cannot be written: the folder " + nowhere.getParent()
                        + " does not exist");
        for (CliRun run : new CliRun[] {missing, folder, toFolder, toNowhere}) {
            assertThat(run.err()
                            .lines()
                            .filter(l -> l.startsWith("llmsafe policy check: --"))
                            .count())
                    .isOne();
            clean(run.err());
        }
    }

    @Test
    void typosGetWhatWasMeant() {
        CliRun command = CliRun.of("plna");
        assertThat(command.exitCode()).isEqualTo(2);
        assertThat(command.err()).contains("Did you mean plan?");
        // A mistyped required option is the news, not the "missing" one it leaves behind.
        CliRun option = CliRun.of("plan", "--stak", "pr-42");
        assertThat(option.exitCode()).isEqualTo(2);
        assertThat(option.err()).contains("Unknown option", "'--stak'", "Did you mean --stack?");
        assertThat(CliRun.of("audit", "verfy").err()).contains("Did you mean verify?");
    }

    @Test
    void anUnknownStackListsTheStacksThatExist() {
        CliRun run = CliRun.of("plan", "--stack", "nope", "--project-dir", REPO);
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .contains("--stack nope: has no config file Pulumi.nope.yaml in " + REPO
                        + "; its stacks are platform, pr-<N>, production, staging");
    }

    @Test
    void setNeedsAKeyAndAnEqualsSign() {
        CliRun empty = CliRun.of("plan", "--stack", "pr-42", "--project-dir", REPO, "--set", "=x");
        assertThat(empty.exitCode()).isEqualTo(2);
        assertThat(empty.err()).contains("--set '=x': names no key before '='; write --set KEY=VALUE");
        CliRun prefixOnly = CliRun.of("plan", "--stack", "pr-42", "--project-dir", REPO, "--set", "llm-safe:=x");
        assertThat(prefixOnly.err()).contains("--set 'llm-safe:=x': names no key");
        CliRun noEquals = CliRun.of("policy", "check", "--stack", "pr-42", "--project-dir", REPO, "--set", "noequals");
        assertThat(noEquals.exitCode()).isEqualTo(2);
        assertThat(noEquals.err())
                .contains("--set 'noequals': has no '='; write --set KEY=VALUE")
                .doesNotContain("option option");
        CliRun twice = CliRun.of(
                "plan", "--stack", "pr-42", "--project-dir", REPO, "--set", "branch=a", "--set", "llm-safe:branch=b");
        assertThat(twice.err()).contains("--set branch: given twice");
    }

    @Test
    void aFolderAsConfigFileSaysSo() {
        CliRun run = CliRun.of("plan", "--stack", "pr-42", "--config-file", dir.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("config file " + dir + ": a folder, not a file");
    }

    @Test
    void reviewOnlyKeysAreRefusedOnOtherStacks() {
        CliRun run = CliRun.of(
                "plan",
                "--stack",
                "staging",
                "--project-dir",
                REPO,
                "--set",
                "prNumber=3",
                "--set",
                "branch=feature/x");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .contains(
                        "llm-safe:prNumber = \"3\": only pull-request (review) stacks deploy a pull "
                                + "request; remove prNumber from the staging stack's config",
                        "llm-safe:branch = \"feature/x\"");
    }

    @Test
    void theOverrideHintNamesAKeyStillFilledIn() {
        CliRun none = CliRun.of("plan", "--stack", "pr-42", "--project-dir", REPO);
        assertThat(none.err()).contains("e.g. --set branch=release/1.4");
        CliRun branchSet = CliRun.of("plan", "--stack", "pr-42", "--project-dir", REPO, "--set", "branch=feature/x");
        assertThat(branchSet.exitCode()).as(branchSet.err()).isZero();
        assertThat(branchSet.err())
                .contains(
                        "commitSha=0000000000000000000000000000000000000000 (placeholder)",
                        "e.g. --set commitSha=$(git rev-parse HEAD)")
                .doesNotContain("--set branch=");
        CliRun bothSet = CliRun.of(
                "plan",
                "--stack",
                "pr-42",
                "--project-dir",
                REPO,
                "--set",
                "branch=feature/x",
                "--set",
                "commitSha=0123456789abcdef0123456789abcdef01234567");
        assertThat(bothSet.err())
                .contains("filled in prNumber=42 (from the stack name).")
                .doesNotContain("--set");
    }
}
