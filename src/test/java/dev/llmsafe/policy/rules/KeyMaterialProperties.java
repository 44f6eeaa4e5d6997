package dev.llmsafe.policy.rules;

import static dev.llmsafe.policy.Fixtures.map;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.llmsafe.policy.Fixtures;
import dev.llmsafe.policy.HostileText;
import dev.llmsafe.stack.StackKind;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Generated service-account key files, with members in any order, extra members, escapes, any whitespace, and
 * wrapped in JSON strings and layers of base64, placed in any value of any GitHub secret or variable under any
 * name: each is found. Values that hold no key (other JSON, base64 of plain text, hostile words) never are.
 */
class KeyMaterialProperties {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final NoServiceAccountKeysRule RULE = new NoServiceAccountKeysRule();
    private static final List<String> TYPES = List.of(
            "github:index/actionsSecret:ActionsSecret",
            "github:index/actionsEnvironmentSecret:ActionsEnvironmentSecret",
            "github:index/dependabotSecret:DependabotSecret",
            "github:index/codespacesUserSecret:CodespacesUserSecret",
            "github:index/actionsVariable:ActionsVariable",
            "github:index/actionsEnvironmentVariable:ActionsEnvironmentVariable",
            "github:index/actionsOrganizationVariable:ActionsOrganizationVariable");

    record Value(String text, boolean key, String how) {
        @Override
        public String toString() {
            return how + ": " + text;
        }
    }

    @Property(tries = 1000)
    void keyMaterialIsFoundHoweverItIsWrappedAndNamed(
            @ForAll("values") Value value, @ForAll("names") String name, @ForAll("seeds") long seed) {
        Random r = new Random(seed);
        Statistics.label("value").collect(value.how());
        String type = PublicAccessProperties.pick(r, TYPES);
        String field = PublicAccessProperties.pick(r, NoServiceAccountKeysRule.VALUE_FIELDS);
        String nameField = type.endsWith("Variable") ? "variableName" : "secretName";
        var found = RULE
                .check(Fixtures.input(
                        StackKind.PLATFORM, Fixtures.resource(type, "v", map(nameField, name, field, value.text()))))
                .stream()
                .map(f -> f.message())
                .filter(m -> m.contains(" holds "))
                .toList();
        assertThat(found).as(value.toString()).hasSize(value.key() ? 1 : 0);
    }

    @Provide
    Arbitrary<Long> seeds() {
        return Arbitraries.longs();
    }

    /** Names never decide: hostile words, and names that say nothing. */
    @Provide
    Arbitrary<String> names() {
        return Arbitraries.oneOf(HostileText.words(), Arbitraries.of("APP_CONFIG", "SETTINGS", "LOGO", "X"));
    }

    @Provide
    Arbitrary<Value> values() {
        return Arbitraries.longs().map(seed -> {
            Random r = new Random(seed);
            boolean key = r.nextBoolean();
            String text = key ? keyFile(r) : benign(r);
            String how = key ? "key file" : "no key";
            for (int layers = r.nextInt(4); layers > 0; layers--) {
                boolean asString = r.nextInt(4) == 0;
                text = asString ? new TextNode(text).toString() : base64(r, text);
                how += asString ? " in a JSON string" : " in base64";
            }
            return new Value(text, key, how.replaceAll("( in base64)+", " in base64"));
        });
    }

    /** A key file as Google writes one, reordered, padded and escaped at random. */
    private static String keyFile(Random r) {
        List<String[]> members = new ArrayList<>(List.of(
                new String[] {"project_id", "acme-shop-prod"},
                new String[] {"private_key_id", Long.toHexString(r.nextLong())},
                new String[] {"client_email", "ci@acme-shop-prod.iam.gserviceaccount.com"},
                new String[] {"client_id", Long.toString(Math.abs(r.nextLong()))},
                new String[] {"token_uri", "https://oauth2.googleapis.com/token"}));
        int marker = r.nextInt(3); // which members give it away: type, private_key, or both
        if (marker != 1) {
            members.add(new String[] {"type", "service_account"});
        }
        if (marker != 0) {
            String pem = "-----BEGIN " + "PRIVATE KEY-----\nMIIEv" + Long.toString(r.nextLong(), 36) + "\n-----END "
                    + "PRIVATE KEY-----\n";
            members.add(new String[] {"private_key", pem});
        }
        Collections.shuffle(members, r);
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        members.forEach(m -> node.put(m[0], m[1]));
        String text;
        try {
            text = r.nextBoolean()
                    ? JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node)
                    : JSON.writeValueAsString(node);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        if (r.nextBoolean()) {
            text = text.replace("\"type\"", "\"\\u0074ype\"")
                    .replace("service_account", "service\\u005faccount")
                    .replace("\"private_key\"", "\"private\\u005Fkey\"");
        }
        return (r.nextBoolean() ? "\n  " : "") + text + (r.nextBoolean() ? "\r\n" : "");
    }

    private static String benign(Random r) {
        switch (r.nextInt(4)) {
            case 0:
                return "{\"type\":\"feature\",\"enabled\":" + r.nextBoolean() + ",\"client_email\":\"ops@acme.io\"}";
            case 1:
                return "projects/" + Math.abs(r.nextInt())
                        + "/locations/global/workloadIdentityPools/github/providers/github";
            case 2:
                return Long.toString(r.nextLong(), 36) + " service account " + Long.toString(r.nextLong(), 36);
            default:
                return "https://shop.example/?private=key&type=" + r.nextInt(10);
        }
    }

    private static String base64(Random r, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        switch (r.nextInt(4)) {
            case 0:
                return Base64.getEncoder().encodeToString(bytes);
            case 1:
                return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            case 2:
                return Base64.getMimeEncoder().encodeToString(bytes);
            default:
                return Base64.getEncoder().withoutPadding().encodeToString(bytes) + "\n";
        }
    }
}
