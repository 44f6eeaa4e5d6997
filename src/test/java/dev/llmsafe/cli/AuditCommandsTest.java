package dev.llmsafe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmsafe.audit.AuditRecord;
import dev.llmsafe.audit.BreakReason;
import dev.llmsafe.audit.LocalFileStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditCommandsTest {
    @TempDir
    Path dir;

    Path log;
    Map<String, String> github;

    @BeforeEach
    void githubActions() throws IOException {
        log = dir.resolve("audit.jsonl");
        Path event = dir.resolve("event.json");
        Files.writeString(event, """
                {"action":"synchronize","number":42,
                 "pull_request":{"number":42,"head":{"sha":"%s"}},
                 "sender":{"login":"octo-agent","type":"User"}}""".formatted("c".repeat(40)));
        github = new HashMap<>(Map.of(
                "GITHUB_ACTIONS",
                "true",
                "GITHUB_REPOSITORY",
                "acme/shop",
                "GITHUB_SHA",
                "d".repeat(40),
                "GITHUB_ACTOR",
                "octo-agent",
                "GITHUB_RUN_ID",
                "987654",
                "GITHUB_EVENT_PATH",
                event.toString(),
                "DEPLOY_TOKEN",
                "tok-123-secret"));
    }

    private AuditCliRun audit(String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "audit";
        System.arraycopy(args, 0, all, 1, args.length);
        all[args.length + 1] = "--log";
        all[args.length + 2] = log.toString();
        return AuditCliRun.run(github, all);
    }

    private List<AuditRecord> records() throws IOException {
        return new LocalFileStore(log).records();
    }

    @Test
    void appendFillsSubjectAndActorFromGithubActionsAndClassifiesWithThePolicyIdentities() throws IOException {
        Path policy = dir.resolve("policy.yaml");
        Files.writeString(policy, "aiIdentities:\n  - octo-agent\nrules: {}\n");
        AuditCliRun run = audit(
                "append",
                "--new",
                "--kind",
                "preview.deployed",
                "--policy",
                policy.toString(),
                "--agent",
                "claude-code",
                "--payload-json",
                "{\"url\":\"https://pr-42.example.com\"}");
        assertThat(run.exit()).as(run.err()).isZero();
        AuditRecord r = records().get(0);
        assertThat(run.out().trim()).isEqualTo("1:" + r.hash());
        assertThat(r.actor().kind()).isEqualTo("ai");
        assertThat(r.actor().login()).isEqualTo("octo-agent");
        assertThat(r.actor().agent()).isEqualTo("claude-code");
        assertThat(r.subject().repository()).isEqualTo("acme/shop");
        assertThat(r.subject().pr()).isEqualTo(42);
        assertThat(r.subject().commit()).as("the PR head, not the merge commit").isEqualTo("c".repeat(40));
        assertThat(r.subject().run()).isEqualTo("987654");
        assertThat(r.payload().get("url").asText()).isEqualTo("https://pr-42.example.com");
    }

    @Test
    void anAiOrBotLoginCanNeverBeRecordedAsHuman() throws IOException {
        AuditCliRun run =
                audit("append", "--kind", "approval", "--ai-identities", "octo-agent", "--actor-kind", "human");
        assertThat(run.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).contains("octo-agent").contains("classified as ai");
        AuditCliRun bot = audit("append", "--kind", "approval", "--actor", "renovate[bot]", "--actor-kind", "human");
        assertThat(bot.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(Files.exists(log)).as("nothing written").isFalse();

        assertThat(audit("append", "--new", "--kind", "approval", "--actor", "ada")
                        .exit())
                .isZero();
        assertThat(records().get(0).actor().kind()).isEqualTo("human");
    }

    @Test
    void aCommitAiTrailerMarksTheSubject() throws IOException {
        Path message = dir.resolve("msg.txt");
        Files.writeString(message, "Add cache\n\nCo-authored-by: Claude <noreply@anthropic.com>\n");
        assertThat(audit("append", "--new", "--kind", "change.classified", "--commit-message-file", message.toString())
                        .exit())
                .isZero();
        assertThat(records().get(0).subject().aiTrailer()).isEqualTo("Co-authored-by: Claude <noreply@anthropic.com>");
    }

    /** The record reads trailers as git and the policy check do: a space before the colon, a value folded on. */
    @Test
    void aTrailerAsGitReadsItMarksTheSubjectToo() throws IOException {
        Path message = dir.resolve("msg.txt");
        Files.writeString(message, "Add cache\n\nSigned-off-by: Ann <a@x.io>\nCo-authored-by :\n  Claude <a@x.io>\n");
        assertThat(audit("append", "--new", "--kind", "change.classified", "--commit-message-file", message.toString())
                        .exit())
                .isZero();
        assertThat(records().get(0).subject().aiTrailer()).isEqualTo("Co-authored-by: Claude <a@x.io>");
    }

    @Test
    void secretsNeverEnterARecord() throws IOException {
        AuditCliRun run = audit(
                "append",
                "--new",
                "--kind",
                "preview.deployed",
                "--redact-env",
                "DEPLOY_TOKEN",
                "--payload-json",
                "{\"token\":\"abc\",\"note\":\"used tok-123-secret\",\"nested\":{\"password\":\"p\",\"ok\":1},"
                        + "\"env\":[\"DEPLOY_TOKEN=tok-123-secret\"],\"tok-123-secret\":\"as a key\"}");
        assertThat(run.exit()).as(run.err()).isZero();
        String text = Files.readString(log);
        assertThat(text).doesNotContain("abc").doesNotContain("tok-123-secret").doesNotContain("\"p\"");
        AuditRecord r = records().get(0);
        assertThat(r.payload().get("token").asText()).isEqualTo("[secret]");
        // Only the secret goes: the words around it still say what happened.
        assertThat(r.payload().get("note").asText()).isEqualTo("used [secret]");
        assertThat(r.payload().at("/nested/password").asText()).isEqualTo("[secret]");
        assertThat(r.payload().at("/nested/ok").asInt()).isEqualTo(1);
        assertThat(r.payload().at("/env/0").asText()).isEqualTo("DEPLOY_TOKEN=[secret]");
        assertThat(r.payload().get("[secret]").asText()).isEqualTo("as a key");
    }

    @Test
    void badInputIsExitTwoWithTheValueAndNoStackTrace() {
        AuditCliRun json = audit("append", "--kind", "approval", "--payload-json", "[1,2]");
        assertThat(json.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(json.err()).contains("must be a JSON object").doesNotContain("Exception");
        AuditCliRun kind = audit("append", "--kind", "Deploy!");
        assertThat(kind.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(kind.err()).contains("Deploy!");
        AuditCliRun env = audit("append", "--kind", "approval", "--redact-env", "NOPE");
        assertThat(env.err()).contains("NOPE");
        AuditCliRun missing = audit("verify");
        assertThat(missing.exit()).as("a missing log is no verdict").isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(missing.err()).contains("no audit log at");
        AuditCliRun checkpoint = audit("verify", "--checkpoint", "12-abc");
        assertThat(checkpoint.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(checkpoint.err()).contains("12-abc");
    }

    @Test
    void verifyPassesThenNamesTheFirstBadSeqAndReason() throws IOException {
        assertThat(audit("append", "--new", "--kind", "ai.activity", "--payload-json", "{\"n\":0}")
                        .exit())
                .isZero();
        for (int i = 1; i < 4; i++) {
            assertThat(audit("append", "--kind", "ai.activity", "--payload-json", "{\"n\":" + i + "}")
                            .exit())
                    .isZero();
        }
        AuditCliRun ok = audit("verify");
        assertThat(ok.exit()).isZero();
        assertThat(ok.out()).startsWith("intact: 4 records, head 4:");

        List<String> lines = Files.readAllLines(log);
        lines.set(2, lines.get(2).replace("\"n\":2", "\"n\":7"));
        Files.writeString(log, String.join("\n", lines) + "\n");
        AuditCliRun broken = audit("verify");
        assertThat(broken.exit()).isEqualTo(ExitCodes.FAILED);
        assertThat(broken.out()).contains("seq 3: " + BreakReason.HASH_MISMATCH.phrase());
    }

    @Test
    void checkpointRecordsTheHeadPrintsItAndWritesTheJobSummary() throws IOException {
        Path summary = dir.resolve("summary.md");
        github.put("GITHUB_STEP_SUMMARY", summary.toString());
        audit("append", "--new", "--kind", "ai.activity");
        audit("append", "--kind", "ai.activity");
        AuditCliRun cp = audit("checkpoint");
        assertThat(cp.exit()).as(cp.err()).isZero();
        AuditRecord checkpoint = records().get(2);
        assertThat(checkpoint.kind()).isEqualTo("checkpoint");
        assertThat(checkpoint.payload().at("/head/seq").asLong()).isEqualTo(2);
        assertThat(checkpoint.payload().at("/head/hash").asText())
                .isEqualTo(records().get(1).hash());
        String head = "3:" + checkpoint.hash();
        assertThat(cp.out().trim()).isEqualTo(head);
        assertThat(Files.readString(summary)).contains(head);

        List<String> lines = Files.readAllLines(log);
        Files.writeString(log, lines.get(0) + "\n" + lines.get(1) + "\n");
        AuditCliRun truncated = audit("verify", "--checkpoint", head);
        assertThat(truncated.exit()).isEqualTo(ExitCodes.FAILED);
        assertThat(truncated.out()).contains("tail shorter than the checkpoint");
    }

    @Test
    void reportRendersMarkdownAndSelfContainedHtmlPerPullRequest() throws IOException {
        audit(
                "append",
                "--new",
                "--kind",
                "ai.activity",
                "--ai-identities",
                "octo-agent",
                "--payload-json",
                "{\"summary\":\"wrote <script>alert(1)</script> | table\"}");
        audit("append", "--kind", "policy.result", "--payload-json", "{\"verdict\":\"fail\",\"violations\":[1,2]}");
        audit("append", "--kind", "preview.deployed", "--payload-json", "{\"url\":\"https://pr-42.example.com\"}");
        audit("append", "--kind", "approval", "--actor", "ada", "--payload-json", "{\"environment\":\"staging\"}");
        audit("append", "--kind", "preview.destroyed", "--pr", "43");

        AuditCliRun md = audit("report", "--format", "markdown");
        assertThat(md.exit()).as(md.err()).isZero();
        assertThat(md.out())
                .contains(
                        "**Chain intact**: 5 records",
                        "## Pull request #42",
                        "AI-assisted: **yes**",
                        "Approved by: ada (human)",
                        "2 violation(s)",
                        "## Pull request #43",
                        "AI-assisted: **no**",
                        "| failed policy checks | 1 |",
                        "| previews destroyed | 1 |");
        assertThat(md.out()).doesNotContain("<script>").contains("&lt;script&gt;");

        Path html = dir.resolve("report.html");
        AuditCliRun h = audit("report", "--format", "html", "--output", html.toString());
        assertThat(h.exit()).isZero();
        String page = Files.readString(html, StandardCharsets.UTF_8);
        assertThat(page)
                .startsWith("<!DOCTYPE html>")
                .contains("<style>", "Chain intact", "Pull request #42", "approved by ada")
                .doesNotContain("<script", "<link", "src=", "@import", "url(");
    }

    @Test
    void reportOfABrokenChainIsFlaggedAndExitsOne() throws IOException {
        audit("append", "--new", "--kind", "ai.activity");
        audit("append", "--kind", "approval", "--actor", "ada");
        List<String> lines = Files.readAllLines(log);
        Files.writeString(log, lines.get(0).replace("octo-agent", "octo-agenx") + "\n" + lines.get(1) + "\n");
        AuditCliRun md = audit("report");
        assertThat(md.exit()).isEqualTo(ExitCodes.FAILED);
        assertThat(md.out()).contains("CHAIN BROKEN").contains("hash mismatch");
    }

    @Test
    void benchAuditPrintsVerifyAndRawHashingThroughput() {
        AuditCliRun run = AuditCliRun.run(github, "bench", "audit", "--records", "300", "--dir", dir.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out())
                .containsPattern("verify: +[0-9.]+ s, [0-9.]+ MB/s, [0-9,]+ records/s \\(intact\\)")
                .containsPattern("raw SHA-256: +[0-9.]+ s, [0-9.]+ MB/s")
                .containsPattern("verify / raw SHA-256: [0-9.]+");
        assertThat(dir.resolve("bench-audit.jsonl"))
                .as("removed without --keep")
                .doesNotExist();
        assertThat(AuditCliRun.run(github, "bench", "audit", "--records", "0").exit())
                .isEqualTo(ExitCodes.BAD_INPUT);
    }
}
