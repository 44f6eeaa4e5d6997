package dev.llmsafe.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The fast canonical-form check agrees with the RFC 8785 reference implementation. */
class CanonicalScannerTest {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    /** What the reference implementation says: the bytes parse and are their own canonical form. */
    private static boolean referenceSaysCanonical(byte[] bytes) {
        try {
            JsonNode node = AuditJson.MAPPER.readTree(bytes);
            return node != null && node.isObject() && Arrays.equals(CanonicalJson.canonicalUtf8(node), bytes);
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean scannerSaysCanonical(byte[] bytes) {
        return new CanonicalScanner().scan(bytes, 0, bytes.length);
    }

    @Provide
    Arbitrary<JsonNode> objects() {
        Arbitrary<String> text = Arbitraries.strings()
                .all()
                .ofMaxLength(12)
                .filter(s -> s.codePoints().noneMatch(c -> c >= 0xd800 && c <= 0xdfff));
        Arbitrary<JsonNode> leaf = Arbitraries.oneOf(
                text.map(F::textNode),
                Arbitraries.longs()
                        .between(-CanonicalJson.MAX_SAFE_INTEGER, CanonicalJson.MAX_SAFE_INTEGER)
                        .map(F::numberNode),
                Arbitraries.doubles().filter(Double::isFinite).map(F::numberNode),
                Arbitraries.of(F.booleanNode(true), F.booleanNode(false), F.nullNode()));
        Arbitrary<JsonNode> value = Arbitraries.recursive(
                () -> leaf,
                inner -> Arbitraries.oneOf(
                        inner.list().ofMaxSize(4).map(items -> {
                            ArrayNode a = F.arrayNode();
                            items.forEach(a::add);
                            return (JsonNode) a;
                        }),
                        Arbitraries.maps(text, inner).ofMaxSize(4).map(CanonicalScannerTest::object)),
                0,
                3);
        return Arbitraries.maps(text, value).ofMaxSize(6).map(CanonicalScannerTest::object);
    }

    private static JsonNode object(Map<String, JsonNode> members) {
        ObjectNode o = F.objectNode();
        members.forEach(o::set);
        return o;
    }

    @Property(tries = 400)
    void acceptsWhatTheReferenceProduces(@ForAll("objects") JsonNode value) {
        byte[] canonical = CanonicalJson.canonicalUtf8(value);
        assertThat(scannerSaysCanonical(canonical))
                .as(new String(canonical, StandardCharsets.UTF_8))
                .isTrue();
    }

    @Property(tries = 400)
    void agreesWithTheReferenceOnOtherSerialisations(
            @ForAll("objects") JsonNode value, @ForAll long seed, @ForAll @IntRange(max = 3) int style)
            throws IOException {
        JsonNode shuffled = shuffleKeys(value, new Random(seed));
        ObjectWriter writer = switch (style) {
            case 0 -> AuditJson.MAPPER.writer();
            case 1 -> AuditJson.MAPPER.writer().with(JsonWriteFeature.ESCAPE_NON_ASCII);
            case 2 -> AuditJson.MAPPER.writerWithDefaultPrettyPrinter();
            default -> AuditJson.MAPPER.writer().with(JsonWriteFeature.WRITE_NUMBERS_AS_STRINGS);
        };
        byte[] bytes = writer.writeValueAsBytes(shuffled);
        assertThat(scannerSaysCanonical(bytes))
                .as(new String(bytes, StandardCharsets.UTF_8))
                .isEqualTo(referenceSaysCanonical(bytes));
    }

    @Property(tries = 1000)
    void agreesWithTheReferenceAfterAnyOneByteChange(
            @ForAll("objects") JsonNode value, @ForAll int where, @ForAll byte replacement) {
        byte[] bytes = CanonicalJson.canonicalUtf8(value);
        bytes[Math.floorMod(where, bytes.length)] = replacement;
        assertThat(scannerSaysCanonical(bytes))
                .as(new String(bytes, StandardCharsets.UTF_8))
                .isEqualTo(referenceSaysCanonical(bytes));
    }

    private static JsonNode shuffleKeys(JsonNode node, Random random) {
        if (node.isObject()) {
            List<String> keys = new ArrayList<>();
            node.fieldNames().forEachRemaining(keys::add);
            Collections.shuffle(keys, random);
            ObjectNode out = F.objectNode();
            keys.forEach(k -> out.set(k, shuffleKeys(node.get(k), random)));
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = F.arrayNode();
            node.forEach(item -> out.add(shuffleKeys(item, random)));
            return out;
        }
        return node;
    }

    @Test
    void rejectsTheNonCanonicalFormsRfc8785RulesOut() {
        for (String text : List.of(
                "{\"a\":1.0}",
                "{\"a\":1e2}",
                "{\"a\":-0}",
                "{\"a\":01}",
                "{\"b\":1,\"a\":2}",
                "{\"a\":1,\"a\":1}",
                "{\"a\":\"\\u0041\"}",
                "{\"a\":\"\\/\"}",
                "{\"a\":\"\\u000a\"}",
                "{\"a\":\"\\u001F\"}",
                "{ \"a\":1}",
                "{\"a\":9007199254740993}",
                "{\"a\":tru}",
                "{\"\ufb01\":1,\"\ud83d\ude00\":2}")) { // UTF-16 order puts the emoji's surrogates first
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            assertThat(scannerSaysCanonical(bytes)).as(text).isFalse();
            assertThat(referenceSaysCanonical(bytes)).as(text).isFalse();
        }
        for (String text : List.of(
                "{}",
                "{\"a\":[]}",
                "{\"a\":\"\\u001f\\n\"}",
                "{\"a\":1e+21}",
                "{\"a\":0.1}",
                "{\"\ud83d\ude00\":2,\"\ufb01\":1}",
                "{\"\u20ac\":1,\"\ud83d\ude00\":2}",
                "{\"a\":-9007199254740992}",
                "{\"a\":\"\u007f\"}")) {
            assertThat(scannerSaysCanonical(text.getBytes(StandardCharsets.UTF_8)))
                    .as(text)
                    .isTrue();
        }
    }

    @Test
    void findsTheChainFieldsOfARecord() {
        var sealed = RecordCodec.seal(TestLogs.draft(3), 42, "ab".repeat(32), TestLogs.CLOCK.instant());
        byte[] line = sealed.line();
        CanonicalScanner s = new CanonicalScanner();
        assertThat(s.scan(line, 0, line.length)).isTrue();
        assertThat(s.seq).isEqualTo(42);
        assertThat(new String(line, s.prevStart, 64, StandardCharsets.US_ASCII)).isEqualTo("ab".repeat(32));
        assertThat(new String(line, s.hashValueStart, 64, StandardCharsets.US_ASCII))
                .isEqualTo(sealed.record().hash());
        String withoutHash = new String(line, 0, s.hashMemberStart, StandardCharsets.UTF_8)
                + new String(line, s.hashMemberEnd, line.length - s.hashMemberEnd, StandardCharsets.UTF_8);
        assertThat(HashChain.sha256Hex(withoutHash.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(sealed.record().hash());
    }
}
