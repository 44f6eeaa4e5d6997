package dev.llmsafe.audit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmsafe.identity.ActorKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Builds small logs for tests through the real store. */
final class TestLogs {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-05-01T12:00:00.123Z"), ZoneOffset.UTC);

    private TestLogs() {}

    static RecordDraft draft(int i) {
        ObjectNode payload = AuditJson.MAPPER.createObjectNode();
        payload.put("note", "note-" + i);
        payload.put("count", i);
        payload.putArray("tags").add("a").add("ü-" + i);
        return new RecordDraft(
                i % 2 == 0 ? RecordKinds.POLICY_RESULT : RecordKinds.AI_ACTIVITY,
                i % 2 == 0 ? Actor.of(ActorKind.HUMAN, "ada") : new Actor("ai", "agent-bot", "claude", null),
                Subject.builder()
                        .repository("acme/shop")
                        .pr(40 + i % 3)
                        .commit("a".repeat(40))
                        .stack("pr-" + (40 + i % 3))
                        .run("1000" + i)
                        .build(),
                payload);
    }

    static Path write(Path dir, int records) throws IOException {
        Path file = dir.resolve("audit.jsonl");
        LocalFileStore store = new LocalFileStore(file, CLOCK);
        for (int i = 1; i <= records; i++) {
            store.append(draft(i));
        }
        return file;
    }

    static List<String> lines(Path file) throws IOException {
        return new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
    }

    static Path rewrite(Path file, List<String> lines) throws IOException {
        Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        return file;
    }

    static VerifyResult verify(Path file, Checkpoint... checkpoints) throws IOException {
        return new LocalFileStore(file, CLOCK).verify(List.of(checkpoints));
    }
}
