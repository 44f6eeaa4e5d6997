package dev.llmsafe.policy.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class YamlReaderTest {
    @Test
    void valuesAndKeysKeepTheirLines() throws Exception {
        YamlNode root = YamlReader.parse("a: 1\nb:\n  - x\n  - {c: d}\non: push\nempty:\n", "f.yml");
        YamlNode.Mapping m = YamlNode.asMapping(root).orElseThrow();
        assertThat(m.keyLine("b")).isEqualTo(2);
        assertThat(m.sequence("b").orElseThrow().items().get(1).line()).isEqualTo(4);
        assertThat(m.text("on")).isEqualTo("push");
        assertThat(m.get("empty")).isEqualTo(new YamlNode.Scalar(null, 6));
        assertThat(m.text("a")).isEqualTo("1");
    }

    @Test
    void duplicateKeysSeveralDocumentsAndBrokenYamlAreInputErrors() {
        assertThatThrownBy(() -> YamlReader.parse("a: 1\nb: 2\na: 3\n", "f.yml"))
                .isInstanceOf(InputException.class)
                .hasMessage(
                        "f.yml: line 3: duplicate key 'a' (first at line 1); YAML readers disagree on which one wins, so remove one");
        assertThatThrownBy(() -> YamlReader.parse("a: 1\n---\nb: 2\n", "f.yml"))
                .hasMessageContaining("more than one YAML document");
        assertThatThrownBy(() -> YamlReader.parse("a: [1, 2\n", "f.yml"))
                .hasMessageStartingWith("f.yml: ")
                .hasMessageContaining("not valid YAML");
        assertThatThrownBy(() -> YamlReader.parse("[".repeat(100) + "]".repeat(100), "f.yml"))
                .isInstanceOf(InputException.class);
    }

    @Property(tries = 1000)
    void anyTextIsATreeOrAnInputError(@ForAll("yamlish") String text) {
        try {
            assertThat(YamlReader.parse(text, "f.yml")).isNotNull();
        } catch (InputException e) {
            assertThat(e.getMessage()).startsWith("f.yml: ");
        }
    }

    @Provide
    static Arbitrary<String> yamlish() {
        Arbitrary<String> tokens = Arbitraries.of(
                "a",
                ":",
                " ",
                "\n",
                "- ",
                "[",
                "]",
                "{",
                "}",
                "&x ",
                "*x",
                "!!str ",
                "'",
                "\"",
                "#",
                "---\n",
                "? ",
                "|\n",
                "  ",
                "\t",
                "%YAML 1.2\n",
                "<<: *x\n",
                "\u0000",
                "é");
        return Arbitraries.oneOf(
                tokens.list().ofMaxSize(40).map(l -> String.join("", l)),
                Arbitraries.strings().ofMaxLength(60));
    }
}
