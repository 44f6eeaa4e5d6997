package dev.llmsafe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmsafe.audit.AuditJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JSON report has exactly the keys docs/auditor-guide.md shows in "The JSON report", at the same places: the
 * documented shape is the one tools get. Judged on a report that has every kind of row and object the shape has.
 */
class ReportJsonDocTest {
    private static final Pattern EXAMPLE =
            Pattern.compile("### The JSON report\\n.*?```json\\n(.*?)```", Pattern.DOTALL);

    @TempDir
    Path dir;

    /** Every key's path, arrays as []; the actor kinds under byActorKind are data, not shape. */
    private static TreeSet<String> paths(JsonNode node, String at, TreeSet<String> out) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                String path = at.endsWith("byActorKind") ? at + ".*" : (at.isEmpty() ? "" : at + ".") + e.getKey();
                out.add(path);
                paths(e.getValue(), path, out);
            });
        } else if (node.isArray()) {
            node.forEach(item -> paths(item, at + "[]", out));
        }
        return out;
    }

    private AuditCliRun audit(String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "audit";
        System.arraycopy(args, 0, all, 1, args.length);
        all[args.length + 1] = "--log";
        all[args.length + 2] = dir.resolve("audit.jsonl").toString();
        return AuditCliRun.run(Map.of(), all);
    }

    @Test
    void theJsonReportHasTheDocumentedShape() throws IOException {
        String guide = Files.readString(
                Path.of(System.getProperty("llmsafe.projectDir", ".")).resolve("docs/auditor-guide.md"));
        Matcher example = EXAMPLE.matcher(guide);
        assertThat(example.find())
                .as("docs/auditor-guide.md shows the JSON report")
                .isTrue();
        JsonNode documented = AuditJson.MAPPER.readTree(example.group(1));

        String[] pr42 = {"--repository", "acme/shop", "--pr", "42", "--commit", "5c3f0d9e", "--run", "987654"};
        assertThat(audit(concat(
                                new String[] {
                                    "append",
                                    "--new",
                                    "--kind",
                                    "ai.activity",
                                    "--actor",
                                    "octo-agent",
                                    "--ai-identities",
                                    "octo-agent",
                                    "--agent",
                                    "claude-code"
                                },
                                pr42))
                        .exit())
                .isZero();
        assertThat(audit(concat(new String[] {"append", "--kind", "approval", "--actor", "ada"}, pr42))
                        .exit())
                .isZero();
        Path log = dir.resolve("audit.jsonl");
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        Files.writeString(log, lines.get(0) + "\n" + lines.get(1).replace("\"ada\"", "\"eve\"") + "\n");
        Path history = Files.writeString(
                dir.resolve("history.json"),
                "[{\"kind\":\"update\",\"startTime\":"
                        + "\"2026-05-01T12:05:00.000Z\",\"result\":\"succeeded\",\"environment\":{\"ci.pr.number\":\"42\"}}]");
        AuditCliRun report = audit(
                "report",
                "--format",
                "json",
                "--pr",
                "42",
                "--since",
                "2000-01-01",
                "--history",
                history.toString(),
                "--history-stack",
                "pr-42");
        assertThat(report.exit()).as(report.err()).isEqualTo(ExitCodes.FAILED);
        JsonNode actual = AuditJson.MAPPER.readTree(report.out());

        assertThat(paths(actual, "", new TreeSet<>())).isEqualTo(paths(documented, "", new TreeSet<>()));
        assertThat(actual.path("version").asInt())
                .isEqualTo(documented.path("version").asInt());
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
