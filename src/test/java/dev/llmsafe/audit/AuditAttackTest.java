package dev.llmsafe.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmsafe.identity.ActorKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Records a writer can forge with correct hashes that mean nothing an append could have written, and limits
 * on which verify and append once disagreed: each must be refused by verify, or accepted by both.
 */
class AuditAttackTest {
    @TempDir
    Path dir;

    /** A log of three records, then one forged line at seq 4 with the given fields changed, correctly hashed. */
    private Path forged(Consumer<ObjectNode> change) throws IOException {
        Path file = TestLogs.write(Files.createTempDirectory(dir, "log"), 3);
        AuditRecord three = new LocalFileStore(file).records().get(2);
        ObjectNode body = (ObjectNode) AuditJson.MAPPER.readTree(new String(
                RecordCodec.seal(TestLogs.draft(4), 4, three.hash(), TestLogs.CLOCK.instant())
                        .line(),
                StandardCharsets.UTF_8));
        body.remove("hash");
        change.accept(body);
        String canonical = CanonicalJson.canonicalize(body);
        String line = RecordCodec.withHash(canonical, HashChain.sha256Hex(canonical.getBytes(StandardCharsets.UTF_8)));
        Files.writeString(file, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        return file;
    }

    private static void refusedAsInvalid(VerifyResult result, String detail) {
        assertThat(result.intact()).as("verify accepted a forged record").isFalse();
        assertThat(result.failure().orElseThrow().seq()).isEqualTo(4);
        assertThat(result.failure().orElseThrow().reason().phrase()).isEqualTo("invalid value");
        assertThat(result.failure().orElseThrow().detail()).contains(detail);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "yesterday",
                "2026-05-01 12:00:00",
                "2026-02-30T12:00:00.000Z",
                "2026-05-01T25:00:00.000Z",
                "2026-05-01T12:00:00Z",
                "2026-05-01T12:00:00.000+02:00",
                "",
                "1777636800123"
            })
    void aTimeThatIsNoRfc3339InstantIsRefused(String time) throws IOException {
        refusedAsInvalid(TestLogs.verify(forged(body -> body.put("time", time))), "time");
    }

    @Test
    void aNumericTimeIsRefused() throws IOException {
        refusedAsInvalid(TestLogs.verify(forged(body -> body.put("time", 1777636800123L))), "time");
    }

    @ParameterizedTest
    @ValueSource(strings = {"[1,2]", "\"text\"", "null", "42", "true"})
    void aPayloadThatIsNoObjectIsRefused(String payload) throws IOException {
        JsonNode value = AuditJson.MAPPER.readTree(payload);
        refusedAsInvalid(TestLogs.verify(forged(body -> body.set("payload", value))), "payload");
    }

    @Test
    void aKindOrSubjectAppendCouldNotWriteIsRefused() throws IOException {
        refusedAsInvalid(TestLogs.verify(forged(body -> body.put("kind", "Approval"))), "kind");
        refusedAsInvalid(TestLogs.verify(forged(body -> body.put("kind", 7))), "kind");
        refusedAsInvalid(TestLogs.verify(forged(body -> body.put("subject", "acme/shop"))), "subject");
    }

    @ParameterizedTest
    @ValueSource(strings = {"renovate[bot]", "dependabot[BOT]", "github-actions[bot] "})
    void aBotLoginRecordedAsHumanIsRefused(String login) throws IOException {
        refusedAsInvalid(
                TestLogs.verify(forged(
                        body -> body.set("actor", AuditJson.MAPPER.valueToTree(Actor.of(ActorKind.HUMAN, login))))),
                "human");
    }

    @Test
    void anAiIdentityRecordedAsHumanIsRefusedUnderTheClassifierThatKnowsIt() throws IOException {
        Path file = forged(
                body -> body.set("actor", AuditJson.MAPPER.valueToTree(Actor.of(ActorKind.HUMAN, "code-agent"))));
        var classifier = dev.llmsafe.identity.ActorClassifier.withDefaults(Set.of("code-agent"));
        refusedAsInvalid(new LocalFileStore(file).verify(List.of(), classifier), "classified as ai");
    }

    @Test
    void anActorOfUnknownKindOrWithoutLoginIsRefused() throws IOException {
        refusedAsInvalid(
                TestLogs.verify(forged(
                        body -> body.putObject("actor").put("kind", "robot").put("login", "x"))),
                "actor");
        refusedAsInvalid(TestLogs.verify(forged(body -> body.putObject("actor").put("kind", "human"))), "actor");
        refusedAsInvalid(
                TestLogs.verify(forged(
                        body -> body.putObject("actor").put("kind", "human").put("login", " "))),
                "actor");
    }

    @Test
    void anActorWithAFieldOfAnotherShapeIsRefusedNamingTheFieldAndItsValue() throws IOException {
        refusedAsInvalid(
                TestLogs.verify(forged(body -> body.putObject("actor")
                        .put("kind", "human")
                        .put("login", "ada")
                        .putObject("team")
                        .put("name", "x\"y"))),
                "actor has team {\"name\":\"x\\\"y\"}");
        refusedAsInvalid(
                TestLogs.verify(forged(
                        body -> body.putObject("actor").put("kind", "human").put("login", 7))),
                "actor has login 7");
        assertThat(TestLogs.verify(forged(body -> body.putObject("actor")
                                .put("agent", "claude-code")
                                .put("kind", "ai")
                                .put("login", "code-agent")
                                .put("model", "m\u00e9\"\\\u0001")))
                        .intact())
                .as("an ai actor with escapes and non-ASCII in its strings is sound")
                .isTrue();
    }

    @Test
    void aRecordThatVerifiesCanBeAppendedAfterEvenWhenItIsLargerThanAppendWrites() throws IOException {
        Path file = forged(
                body -> ((ObjectNode) body.get("payload")).put("blob", "x".repeat(RecordLimits.MAX_RECORD_BYTES)));
        LocalFileStore store = new LocalFileStore(file, TestLogs.CLOCK);
        VerifyResult before = store.verify(List.of());
        if (before.intact()) {
            store.append(TestLogs.draft(5)); // must not fail: a log that verifies can always grow
            assertThat(store.verify(List.of()).intact()).isTrue();
        }
        assertThat(before.intact())
                .as("a record over the limit append keeps is refused by verify")
                .isFalse();
        assertThat(before.failure().orElseThrow().detail()).contains("bytes");
    }

    @Test
    void aRecordAppendWritesAlwaysVerifies() throws IOException {
        Path file = TestLogs.write(dir, 1);
        LocalFileStore store = new LocalFileStore(file, TestLogs.CLOCK);
        ObjectNode payload = AuditJson.MAPPER.createObjectNode();
        ObjectNode deep = payload;
        for (int i = 0; i < RecordLimits.MAX_DEPTH + 5; i++) {
            deep = deep.putObject("d");
        }
        boolean appended;
        try {
            store.append(new RecordDraft("ai.activity", Actor.of(ActorKind.HUMAN, "ada"), Subject.NONE, payload));
            appended = true;
        } catch (IllegalArgumentException e) {
            assertThat(e.getMessage()).contains("nested");
            appended = false;
        }
        assertThat(store.verify(List.of()).intact())
                .as("append wrote a record verify refuses")
                .isTrue();
        assertThat(appended).isFalse();
    }
}
