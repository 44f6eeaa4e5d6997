package dev.llmsafe.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmsafe.files.CliFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Copies {@code pulumi stack history --json} entries into the log as {@code stack.history} records, once each.
 * An entry is known by the SHA-256 of its canonical JSON (Pulumi's {@code version} is 0 on self-managed
 * backends, so it identifies nothing); identical entries are told apart by how often they occur, so
 * importing the same or a longer history again adds only what is new. An update still running (or not started) is
 * left for a later import: its entry changes once it finishes, and would otherwise be in the log twice.
 */
public final class StackHistoryImport {
    private final RecordStore store;
    private final PayloadRedactor redactor;

    /** @param unfinished entries of updates still running, imported by a later run once they finish */
    public record Result(int entries, int imported, int alreadyPresent, int unfinished) {}

    /** Pulumi's results of an update that has not ended yet; its entry is final only after. */
    private static final Set<String> UNFINISHED = Set.of("in-progress", "not-started");

    public StackHistoryImport(RecordStore store, PayloadRedactor redactor) {
        this.store = store;
        this.redactor = redactor;
    }

    /** What a history file must hold, for messages. */
    public static final String EXPECTED =
            "the output of `pulumi stack history --json` (a JSON array of updates, " + "each with kind and startTime)";

    /** Reads the CLI's output: a JSON array of entries, newest first; {@code option} names the file in messages. */
    public static List<JsonNode> read(Path file, String option) throws IOException {
        String label = CliFiles.label(option, file);
        List<JsonNode> entries = new ArrayList<>();
        CliFiles.readJsonArray(
                        file,
                        label,
                        EXPECTED,
                        e -> e.path("kind").isTextual() && e.path("startTime").isTextual())
                .forEach(entries::add);
        return entries;
    }

    public Result run(String stack, List<JsonNode> newestFirst, Actor actor, String repository) throws IOException {
        Map<String, Integer> present = present(store.records(), stack);
        List<JsonNode> oldestFirst = new ArrayList<>(newestFirst);
        Collections.reverse(oldestFirst);
        Map<String, Integer> seen = new HashMap<>();
        int imported = 0;
        int unfinished = 0;
        for (JsonNode entry : oldestFirst) {
            if (UNFINISHED.contains(entry.path("result").asText())) {
                unfinished++;
                continue;
            }
            ObjectNode safe = withoutSecretConfig(entry);
            String key = key(entry);
            int occurrence = seen.merge(key, 1, Integer::sum);
            if (occurrence <= present.getOrDefault(key, 0)) {
                continue;
            }
            ObjectNode payload = AuditJson.MAPPER.createObjectNode();
            payload.put("key", key);
            payload.set("entry", safe);
            store.append(new RecordDraft(
                    RecordKinds.STACK_HISTORY, actor, subject(entry, stack, repository), redactor.redact(payload)));
            imported++;
        }
        return new Result(newestFirst.size(), imported, newestFirst.size() - imported - unfinished, unfinished);
    }

    /**
     * How often each entry (by {@link #key}) is in the log already as a {@code stack.history} record of
     * {@code stack}, or of any stack when {@code stack} is null.
     */
    static Map<String, Integer> present(List<AuditRecord> records, String stack) {
        Map<String, Integer> present = new HashMap<>();
        for (AuditRecord r : records) {
            if (RecordKinds.STACK_HISTORY.equals(r.kind())
                    && (stack == null || stack.equals(r.subject().stack()))) {
                present.merge(r.payload().path("key").asText(), 1, Integer::sum);
            }
        }
        return present;
    }

    /** What identifies an entry in the log: the SHA-256 of its canonical JSON, secret config values blanked. */
    static String key(JsonNode entry) {
        return HashChain.sha256Hex(CanonicalJson.canonicalUtf8(withoutSecretConfig(entry)));
    }

    /** Config marked secret keeps its key and flag, never its value (nor a ciphertext some backends print). */
    static ObjectNode withoutSecretConfig(JsonNode entry) {
        ObjectNode copy = entry.deepCopy();
        JsonNode config = copy.path("config");
        if (config.isObject()) {
            config.fields().forEachRemaining(e -> {
                if (e.getValue().isObject() && e.getValue().path("secret").asBoolean(false)) {
                    ObjectNode v = (ObjectNode) e.getValue();
                    for (String field : List.of("value", "objectValue")) {
                        if (v.has(field)) {
                            v.put(field, dev.llmsafe.plan.PlannedResource.SECRET);
                        }
                    }
                }
            });
        }
        return copy;
    }

    private static Subject subject(JsonNode entry, String stack, String repository) {
        JsonNode env = entry.path("environment");
        String pr = env.path("ci.pr.number").asText("");
        String owner = env.path("vcs.owner").asText("");
        String repo = env.path("vcs.repo").asText("");
        String commit = env.path("ci.pr.headSHA").asText(env.path("git.head").asText(""));
        String run = env.path("ci.build.id").asText("");
        return Subject.builder()
                .repository(!owner.isEmpty() && !repo.isEmpty() ? owner + "/" + repo : repository)
                .pr(pr.matches("[1-9][0-9]{0,8}") ? Integer.valueOf(pr) : null)
                .commit(commit.isEmpty() ? null : commit)
                .stack(stack)
                .run(run.isEmpty() ? null : run)
                .build();
    }
}
