package dev.llmsafe.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Verify and append agree on what a record is: a log whose last record verifies always takes the next
 * append and still verifies, and a record append writes always verifies. Records are generated at and around
 * every limit (size, depth) with sound and unsound times, kinds, actors and payloads, hashed correctly.
 */
class AppendVerifyAgreementProperties {
    /** The first entries of each list are sound, the rest are not. */
    private static final int SOUND_TIMES = 2;

    private static final int SOUND_KINDS = 3;
    private static final int SOUND_ACTORS = 4;
    private static final String[] TIMES = {
        "2026-05-01T12:00:00.123Z",
        "2024-02-29T23:59:59.999Z",
        "2026-02-29T00:00:00.000Z",
        "2026-05-01T12:00:00Z",
        "2026-05-01T12:00:60.000Z",
        "2026-05-01 12:00:00.000Z",
        "9999-12-31T23:59:59.999Z",
        ""
    };
    private static final String[] KINDS = {
        "ai.activity", "policy.result", "deploy.rollback", "Approval", "a..b", "x".repeat(40)
    };
    private static final String[][] ACTORS = {
        {"human", "ada"},
        {"bot", "renovate[bot]"},
        {"ai", "agent", "claude"},
        {"bot", "ci"},
        {"human", "renovate[bot]"},
        {"human", "ada", "claude"},
        {"robot", "r2"},
        {"human", ""}
    };

    @Property(tries = 1000)
    void aLogWhoseLastRecordVerifiesTakesTheNextAppend(@ForAll("seeds") long seed) throws IOException {
        Path dir = Files.createTempDirectory("agreement");
        try {
            Path file = dir.resolve("audit.jsonl");
            LocalFileStore store = new LocalFileStore(file, TestLogs.CLOCK);
            String first = firstRecord(file);
            Files.writeString(
                    file, forged(new Random(seed), first) + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
            boolean intact = verify(store).intact();
            Statistics.collect(intact ? "verifies" : "refused");
            Statistics.coverage(c -> {
                c.check("verifies").percentage(p -> p > 10);
                c.check("refused").percentage(p -> p > 10);
            });
            if (intact) {
                store.append(TestLogs.draft(3));
                assertThat(verify(store).intact()).isTrue();
            }
        } finally {
            delete(dir);
        }
    }

    @Property(tries = 1000)
    void aRecordAppendWritesAlwaysVerifies(@ForAll("seeds") long seed) throws IOException {
        Path dir = Files.createTempDirectory("agreement");
        try {
            Random r = new Random(seed);
            LocalFileStore store = new LocalFileStore(dir.resolve("audit.jsonl"), TestLogs.CLOCK);
            firstRecord(store.file());
            boolean written;
            try {
                String[] a = ACTORS[r.nextInt(SOUND_ACTORS + 1)]; // and one a bot recorded as human
                Actor actor = new Actor(a[0], a[1], a.length > 2 ? a[2] : null, null);
                store.append(new RecordDraft(KINDS[r.nextInt(SOUND_KINDS)], actor, Subject.NONE, payload(r, 300)));
                written = true;
            } catch (IllegalArgumentException e) {
                written = false; // refused up front, naming the limit or the value: nothing was written
            }
            Statistics.collect(written ? "appended" : "refused");
            Statistics.coverage(c -> c.check("appended").percentage(p -> p > 10));
            VerifyResult result = verify(store);
            assertThat(result.intact()).as(String.valueOf(result.failure())).isTrue();
            assertThat(result.records()).isEqualTo(written ? 2 : 1);
        } finally {
            delete(dir);
        }
    }

    /** Writes seq 1 as the store would (without its fsync, which the property does not need) and returns its hash. */
    private static String firstRecord(Path file) throws IOException {
        RecordCodec.Sealed sealed = RecordCodec.seal(TestLogs.draft(1), 1, HashChain.GENESIS, TestLogs.CLOCK.instant());
        Files.write(file, (new String(sealed.line(), StandardCharsets.UTF_8) + "\n").getBytes(StandardCharsets.UTF_8));
        return sealed.record().hash();
    }

    @Provide
    Arbitrary<Long> seeds() {
        return Arbitraries.longs();
    }

    /** Seq 2 after {@code prev}, with generated fields, hashed as the recipe hashes. */
    private static String forged(Random r, String prev) {
        ObjectNode body = AuditJson.MAPPER.createObjectNode();
        boolean sound = r.nextBoolean(); // half the records have only sound fields, so both verdicts are common
        String[] a = ACTORS[r.nextInt(sound ? SOUND_ACTORS : ACTORS.length)];
        ObjectNode actor = body.putObject("actor").put("kind", a[0]).put("login", a[1]);
        if (a.length > 2) {
            actor.put("agent", a[2]);
        }
        body.put("kind", KINDS[r.nextInt(sound ? SOUND_KINDS : KINDS.length)]);
        body.put("prev", prev);
        body.put("seq", 2);
        body.putObject("subject");
        body.put("time", TIMES[r.nextInt(sound ? SOUND_TIMES : TIMES.length)]);
        boolean object = sound || r.nextInt(8) != 0;
        body.set("payload", object ? payload(r, 0) : AuditJson.MAPPER.valueToTree(List.of(1)));
        if (!object || r.nextInt(4) != 0) {
            return new String(line(CanonicalJson.canonicalize(body)), StandardCharsets.UTF_8);
        }
        // To a size at the limit (one byte under, at, or over), padding the canonical text rather than re-serialising.
        ((ObjectNode) body.get("payload")).put("pad", "");
        String canonical = CanonicalJson.canonicalize(body);
        int target = RecordLimits.MAX_RECORD_BYTES - 1 + r.nextInt(3);
        String padded = canonical.replace(
                "\"pad\":\"\"", "\"pad\":\"" + "x".repeat(Math.max(0, target - line(canonical).length)) + "\"");
        return new String(line(padded), StandardCharsets.UTF_8);
    }

    private static byte[] line(String canonical) {
        return RecordCodec.withHash(canonical, HashChain.sha256Hex(canonical.getBytes(StandardCharsets.UTF_8)))
                .getBytes(StandardCharsets.UTF_8);
    }

    /** A payload nested at, around or well inside the depth limit, with some awkward text and numbers. */
    private static ObjectNode payload(Random r, int bigText) {
        ObjectNode payload = AuditJson.MAPPER.createObjectNode();
        payload.put("text", "é\u0000\"\\\n\u2028😀" + "y".repeat(r.nextInt(bigText + 1)));
        payload.put("n", r.nextInt(3) == 0 ? 1e21 : r.nextDouble());
        if (r.nextBoolean()) { // the record is level 1 and its payload level 2
            int depth = RecordLimits.MAX_DEPTH - 3 + r.nextInt(5);
            JsonNode inner = AuditJson.MAPPER.createObjectNode();
            for (int level = depth; level > 2; level--) {
                inner = r.nextBoolean()
                        ? AuditJson.MAPPER.createArrayNode().add(inner)
                        : AuditJson.MAPPER.createObjectNode().set("d", inner);
            }
            payload.set("deep", inner);
        }
        return payload;
    }

    private static VerifyResult verify(LocalFileStore store) throws IOException {
        ChainVerifier verifier = new ChainVerifier(List.of());
        store.read(verifier);
        return verifier.finish();
    }

    private static void delete(Path dir) throws IOException {
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
