package dev.llmsafe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmsafe.audit.AuditRecord;
import dev.llmsafe.audit.LocalFileStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportHistoryTest {
    @TempDir
    Path dir;

    /**
     * {@code pulumi stack history --json} of two updates by the real engine (StackHistoryEngineIT keeps it under
     * src/test/resources/plan/ and checks the engine still prints it), copied to {@code dir}.
     */
    private Path engineHistory() throws IOException {
        try (var in = ImportHistoryTest.class.getResourceAsStream("/plan/engine-governance-history.json")) {
            return Files.write(dir.resolve("history.json"), in.readAllBytes());
        }
    }

    /** Imports into {@code log}, starting it (--new) when there is none yet. */
    private AuditCliRun importHistory(Path log, Path file, String stack) {
        List<String> args = new ArrayList<>(List.of(
                "audit",
                "import-history",
                "--stack",
                stack,
                "--file",
                file.toString(),
                "--actor",
                "github-actions[bot]",
                "--log",
                log.toString()));
        if (!Files.exists(log)) {
            args.add("--new");
        }
        return AuditCliRun.run(Map.of(), args.toArray(String[]::new));
    }

    @Test
    void importsTheEnginesHistoryOnceOldestFirstAtPulumisOwnTimes() throws IOException {
        Path history = engineHistory();
        Path log = dir.resolve("audit.jsonl");
        AuditCliRun first = importHistory(log, history, "platform");
        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(first.out()).contains("imported 2 of 2 entries of stack platform (0 already in the log)");

        AuditCliRun again = importHistory(log, history, "platform");
        assertThat(again.out()).contains("imported 0 of 2 entries of stack platform (2 already in the log)");

        List<AuditRecord> records = new LocalFileStore(log).records();
        assertThat(records).hasSize(2).allSatisfy(r -> {
            assertThat(r.kind()).isEqualTo("stack.history");
            assertThat(r.subject().stack()).isEqualTo("platform");
            assertThat(r.actor().kind())
                    .as("the importer is the actor: Pulumi never records one")
                    .isEqualTo("bot");
            assertThat(r.payload().at("/entry/kind").asText()).isEqualTo("update");
            assertThat(r.payload().at("/entry/result").asText()).isEqualTo("succeeded");
        });
        assertThat(records)
                .extracting(r -> r.payload().at("/entry/message").asText())
                .as("oldest first")
                .containsExactly("first governance", "second governance");
        assertThat(AuditCliRun.run(Map.of(), "audit", "verify", "--log", log.toString())
                        .exit())
                .isZero();

        String startOfFirst = records.get(0).payload().at("/entry/startTime").asText();
        AuditCliRun report = AuditCliRun.run(
                Map.of(),
                "audit",
                "report",
                "--log",
                log.toString(),
                "--history",
                history.toString(),
                "--history-stack",
                "platform");
        assertThat(report.exit()).as(report.err()).isZero();
        // Each update once, at the time Pulumi ran it: the history given again joins nothing the log holds.
        assertThat(report.out())
                .contains(
                        "| " + startOfFirst + " | stack.history |",
                        "| Pulumi history entries already in the log (not joined again) | 2 |")
                .doesNotContain("(not recorded by Pulumi)");
    }

    @Test
    void identicalEntriesAreCountedSoALongerHistoryAddsOnlyWhatIsNew() throws IOException {
        String entry = "{\"version\":0,\"kind\":\"update\",\"startTime\":\"2026-01-01T00:00:00.000Z\","
                + "\"message\":\"same\",\"environment\":{},\"config\":{\"app:key\":{\"value\":\"c1ph3r\",\"secret\":true}},"
                + "\"result\":\"succeeded\"}";
        Path two = dir.resolve("two.json");
        Files.writeString(two, "[" + entry + "," + entry + "]");
        Path three = dir.resolve("three.json");
        Files.writeString(three, "[" + entry.replace("\"same\"", "\"newer\"") + "," + entry + "," + entry + "]");
        Path log = dir.resolve("audit.jsonl");

        assertThat(importHistory(log, two, "pr-7").out()).contains("imported 2 of 2");
        assertThat(importHistory(log, three, "pr-7").out()).contains("imported 1 of 3");
        assertThat(importHistory(log, three, "pr-8").out())
                .as("another stack's history is its own")
                .contains("imported 3 of 3");
        assertThat(Files.readString(log)).doesNotContain("c1ph3r");
    }

    @Test
    void aFileThatIsNotAHistoryIsBadInput() throws IOException {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"steps\":[]}");
        AuditCliRun run = importHistory(dir.resolve("audit.jsonl"), bad, "dev");
        assertThat(run.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).contains("pulumi stack history --json");
    }
}
