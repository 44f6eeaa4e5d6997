package dev.llmsafe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmsafe.audit.Actor;
import dev.llmsafe.audit.AuditJson;
import dev.llmsafe.audit.LocalFileStore;
import dev.llmsafe.audit.RecordDraft;
import dev.llmsafe.audit.Subject;
import dev.llmsafe.identity.ActorKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report tells auditors what the log says, and no more: Pulumi's updates at the time they ran and once each,
 * the commit a promotion shipped, every record after a break (flagged unverified), each pull request's workflow
 * runs, and JSON and filters for tools.
 */
class AuditReportTruthTest {
    private static final String SHA = "5c3f0d9e8b7a6f5e4d3c2b1a0f9e8d7c6b5a4f3e";
    private static final String SERVER = "https://github.example.com";

    @TempDir
    Path dir;

    private Path log() {
        return dir.resolve("audit.jsonl");
    }

    private AuditCliRun audit(Map<String, String> env, String... args) {
        List<String> all = new ArrayList<>(List.of("audit"));
        all.addAll(List.of(args));
        all.addAll(List.of("--log", log().toString()));
        if (!args[0].equals("report") && !Files.exists(log())) {
            all.add("--new"); // the first record starts the log
        }
        return AuditCliRun.run(env, all.toArray(String[]::new));
    }

    /** A GitHub Actions job of run {@code run}, for pull request {@code pr} (null: a push to main). */
    private Map<String, String> job(String server, String run, Integer pr) throws IOException {
        Path event = Files.writeString(
                dir.resolve("event-" + run + ".json"),
                pr == null
                        ? "{}"
                        : "{\"number\":" + pr + ",\"pull_request\":{\"number\":" + pr + ",\"head\":{\"sha\":\"" + SHA
                                + "\"}}}");
        return new HashMap<>(Map.of(
                "GITHUB_ACTIONS",
                "true",
                "GITHUB_REPOSITORY",
                "acme/shop",
                "GITHUB_SHA",
                SHA,
                "GITHUB_ACTOR",
                "carol",
                "GITHUB_RUN_ID",
                run,
                "GITHUB_SERVER_URL",
                server,
                "GITHUB_EVENT_PATH",
                event.toString()));
    }

    private static String update(String start, String result, String message) {
        return "{\"version\":0,\"kind\":\"update\",\"startTime\":\"" + start + "\",\"message\":\"" + message + "\","
                + "\"environment\":{},\"config\":{},\"result\":\"" + result + "\""
                + (result.equals("in-progress")
                        ? ""
                        : ",\"endTime\":\"" + start + "\",\"resourceChanges\":{\"create\":2}")
                + "}";
    }

    private static List<String> rows(String markdown, String containing) {
        return markdown.lines()
                .filter(l -> l.startsWith("| ") && l.contains(containing))
                .toList();
    }

    private JsonNode json(AuditCliRun run) throws IOException {
        assertThat(run.err()).doesNotContain("Exception");
        return AuditJson.MAPPER.readTree(run.out());
    }

    @Test
    void importedHistoryRowsCarryTheTimeOfTheUpdateAndAppearOnce() throws IOException {
        Path running = Files.writeString(
                dir.resolve("running.json"),
                "[" + update("2025-03-03T09:00:00.000Z", "in-progress", "third") + ","
                        + update("2025-03-02T11:00:00.000Z", "succeeded", "second") + ","
                        + update("2025-03-01T10:00:00.000Z", "succeeded", "first") + "]");
        Path done = Files.writeString(
                dir.resolve("done.json"),
                Files.readString(running)
                        .replace("\"in-progress\"}", "\"succeeded\",\"endTime\":\"2025-03-03T09:05:00.000Z\"}"));
        AuditCliRun first =
                audit(Map.of(), "import-history", "--stack", "dev", "--file", running.toString(), "--actor", "ci[bot]");
        assertThat(first.out()).contains("imported 2 of 3 entries", "1 not finished yet");
        assertThat(audit(Map.of(), "import-history", "--stack", "dev", "--file", done.toString(), "--actor", "ci[bot]")
                        .out())
                .contains("imported 1 of 3 entries");
        assertThat(audit(Map.of(), "import-history", "--stack", "dev", "--file", done.toString(), "--actor", "ci[bot]")
                        .out())
                .contains("imported 0 of 3 entries");

        // The same history given to the report again joins nothing that the log already holds.
        AuditCliRun md = audit(Map.of(), "report", "--history", done.toString(), "--history-stack", "dev");
        assertThat(md.exit()).as(md.err()).isZero();
        for (String[] update : new String[][] {
            {"first", "2025-03-01T10:00:00.000Z"},
            {"second", "2025-03-02T11:00:00.000Z"},
            {"third", "2025-03-03T09:00:00.000Z"}
        }) {
            assertThat(rows(md.out(), update[0]))
                    .as(update[0])
                    .singleElement()
                    .asString()
                    .contains("| " + update[1] + " |");
        }
        List<String> times = rows(md.out(), "pulumi update").stream()
                .map(r -> r.split(" \\| ")[1])
                .toList();
        assertThat(times)
                .as("in the order the updates ran")
                .containsExactly("2025-03-01T10:00:00.000Z", "2025-03-02T11:00:00.000Z", "2025-03-03T09:00:00.000Z");
    }

    @Test
    void aPromotionShowsTheCommitItPromoted() throws IOException {
        audit(
                job(SERVER, "555", null),
                "append",
                "--kind",
                "promotion",
                "--payload-json",
                "{\"stack\":\"production\",\"outcome\":\"success\"}");
        AuditCliRun md = audit(Map.of(), "report");
        assertThat(rows(md.out(), "| promotion |"))
                .singleElement()
                .asString()
                .contains("commit " + SHA, "stack production", "outcome success");
        JsonNode entry = json(audit(Map.of(), "report", "--format", "json")).at("/timelines/0/entries/0");
        assertThat(entry.path("commit").asText()).isEqualTo(SHA);
    }

    @Test
    void recordsAfterABreakAreShownFlaggedUnverifiedNeverDropped() throws IOException {
        for (int i = 1; i <= 3; i++) {
            audit(
                    Map.of(),
                    "append",
                    "--kind",
                    "ai.activity",
                    "--actor",
                    "ada",
                    "--payload-json",
                    "{\"summary\":\"step " + i + "\"}");
        }
        List<String> lines = Files.readAllLines(log(), StandardCharsets.UTF_8);
        lines.set(1, lines.get(1).replace("step 2", "step 9"));
        Files.writeString(log(), String.join("\n", lines) + "\n{\"seq\":4,\"torn", StandardCharsets.UTF_8);

        AuditCliRun md = audit(Map.of(), "report");
        assertThat(md.exit()).isEqualTo(ExitCodes.FAILED);
        assertThat(md.out()).contains("CHAIN BROKEN", "seq 2: hash mismatch");
        assertThat(rows(md.out(), "step 1")).singleElement().asString().doesNotContain("unverified");
        assertThat(rows(md.out(), "step 9")).singleElement().asString().contains("unverified");
        assertThat(rows(md.out(), "step 3")).singleElement().asString().contains("unverified");
        assertThat(rows(md.out(), "torn")).singleElement().asString().contains("unverified", "line 4");

        JsonNode report = json(audit(Map.of(), "report", "--format", "json"));
        assertThat(report.at("/chain/intact").asBoolean()).isFalse();
        assertThat(report.at("/chain/verifiedRecords").asLong()).isEqualTo(1);
        List<String> verified = new ArrayList<>();
        report.path("timelines")
                .forEach(t -> t.path("entries")
                        .forEach(e -> verified.add(e.path("seq").asText() + "="
                                + e.path("verified").asBoolean())));
        assertThat(verified).containsExactlyInAnyOrder("1=true", "2=false", "3=false", "null=false");
    }

    @Test
    void eachPullRequestLinksToItsWorkflowRuns() throws IOException {
        audit(
                job(SERVER, "987654", 42),
                "append",
                "--kind",
                "policy.result",
                "--payload-json",
                "{\"verdict\":\"pass\"}");
        audit(job(SERVER, "987655", 42), "append", "--kind", "preview.deployed");
        audit(job("javascript:alert(1)//", "666", 42), "append", "--kind", "preview.deployed");

        AuditCliRun md = audit(Map.of(), "report");
        String run = SERVER + "/acme/shop/actions/runs/";
        assertThat(md.out()).contains("Workflow runs: [987654](" + run + "987654), [987655](" + run + "987655), 666");
        assertThat(rows(md.out(), "policy.result")).singleElement().asString().contains("[987654](" + run + "987654)");
        AuditCliRun html = audit(Map.of(), "report", "--format", "html");
        assertThat(html.out())
                .contains("<a href=\"" + run + "987654\">987654</a>")
                .doesNotContain("javascript:");
        JsonNode runs = json(audit(Map.of(), "report", "--format", "json")).at("/timelines/0/runs");
        assertThat(runs.toString())
                .isEqualTo("[{\"id\":\"987654\",\"url\":\"" + run + "987654\"},{\"id\":\"987655\"," + "\"url\":\"" + run
                        + "987655\"},{\"id\":\"666\",\"url\":null}]");
    }

    private void record(String at, int pr, String note) throws IOException {
        var payload = AuditJson.MAPPER.createObjectNode().put("summary", note);
        new LocalFileStore(log(), Clock.fixed(Instant.parse(at), ZoneOffset.UTC))
                .append(new RecordDraft(
                        "ai.activity",
                        Actor.of(ActorKind.HUMAN, "ada"),
                        Subject.builder().repository("acme/shop").pr(pr).build(),
                        payload));
    }

    private List<String> seqs(String... filters) throws IOException {
        List<String> args = new ArrayList<>(List.of("report", "--format", "json"));
        args.addAll(List.of(filters));
        AuditCliRun run = audit(Map.of(), args.toArray(String[]::new));
        assertThat(run.exit()).as(run.err()).isZero();
        List<String> out = new ArrayList<>();
        json(run)
                .path("timelines")
                .forEach(t -> t.path("entries")
                        .forEach(e -> out.add(
                                t.path("pr").asText() + ":" + e.path("seq").asText())));
        return out;
    }

    @Test
    void filtersByPullRequestAndTimeAndRefuseBadValuesWithTheFix() throws IOException {
        record("2026-05-01T09:00:00Z", 42, "a");
        record("2026-05-02T12:00:00Z", 42, "b");
        record("2026-05-02T13:00:00Z", 43, "c");
        record("2026-05-03T00:00:00Z", 42, "d");

        assertThat(seqs()).containsExactly("42:1", "42:2", "42:4", "43:3");
        assertThat(seqs("--pr", "42")).containsExactly("42:1", "42:2", "42:4");
        assertThat(seqs("--since", "2026-05-02", "--until", "2026-05-03"))
                .as("until is exclusive")
                .containsExactly("42:2", "43:3");
        assertThat(seqs("--pr", "42", "--since", "2026-05-02T14:00:00+02:00")).containsExactly("42:2", "42:4");
        JsonNode filters = json(audit(Map.of(), "report", "--format", "json", "--pr", "42", "--since", "2026-05-02"))
                .path("filters");
        assertThat(filters.toString()).isEqualTo("{\"pr\":42,\"since\":\"2026-05-02T00:00:00Z\",\"until\":null}");

        for (String[] bad : new String[][] {
            {"--pr", "abc", "--pr 'abc' is not a pull request number", "--pr 42"},
            {"--pr", "0", "--pr '0'", "--pr 42"},
            {"--since", "yesterday", "--since 'yesterday'", "2025-01-31"},
            {"--until", "2026-13-01", "--until '2026-13-01'", "2025-01-31T12:00:00Z"}
        }) {
            AuditCliRun run = audit(Map.of(), "report", bad[0], bad[1]);
            assertThat(run.exit()).as(String.join(" ", bad)).isEqualTo(ExitCodes.BAD_INPUT);
            assertThat(run.err()).contains(bad[2], bad[3]).doesNotContain("Exception", "java.time");
        }
        AuditCliRun backwards = audit(Map.of(), "report", "--since", "2026-05-03", "--until", "2026-05-02");
        assertThat(backwards.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(backwards.err()).contains("--since 2026-05-03", "--until 2026-05-02", "before");
    }
}
