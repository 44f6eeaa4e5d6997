package dev.llmsafe.policy;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PathNormalizerTest {
    @ParameterizedTest
    @CsvSource({
        "src/App.java,src/App.java",
        "./a//b/./c,a/b/c",
        "dir/,dir",
        "ｐｏｍ.xml,pom.xml",
        "Caf\u0065\u0301.txt,Café.txt"
    })
    void normalFormsAreProduced(String raw, String expected) {
        PathNormalizer.Result r = PathNormalizer.normalize(raw);
        assertThat(r.ok()).isTrue();
        assertThat(r.path()).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "/etc/passwd",
                "C:/x",
                "../x",
                "a/../../x",
                "a\\b",
                "．．/x",
                "a/\u0000",
                "a\u0007b",
                "\u202Eevil",
                "./C:/x",
                "zero\u200Bwidth",
                "a/.../b",
                "a\uFFFDb",
                "a\u2028b",
                "＼x",
                "./"
            })
    void hostilePathsAreRejectedWithAReason(String raw) {
        PathNormalizer.Result r = PathNormalizer.normalize(raw);
        assertThat(r.ok()).isFalse();
        assertThat(r.rejection()).startsWith("the path ");
    }

    @Property(tries = 1000)
    void everyPathIsEitherRejectedOrSafe(@ForAll("hostilePaths") String raw) {
        PathNormalizer.Result r = PathNormalizer.normalize(raw);
        if (r.ok()) {
            assertThat(r.path()).doesNotStartWith("/").doesNotContain("\\").doesNotContain("//");
            assertThat(r.path().split("/")).doesNotContain("..", ".", "");
            assertThat(r.path().codePoints())
                    .noneMatch(cp ->
                            Character.getType(cp) == Character.CONTROL || Character.getType(cp) == Character.FORMAT);
            assertThat(PathNormalizer.normalize(r.path()).path())
                    .as("idempotent")
                    .isEqualTo(r.path());
            assertThat(r.folded()).isEqualTo(PathNormalizer.fold(r.path()));
        } else {
            assertThat(r.rejection()).isNotBlank();
        }
        assertThat(PathNormalizer.printable(raw).codePoints())
                .noneMatch(cp -> Character.getType(cp) == Character.CONTROL);
    }

    @Provide
    static Arbitrary<String> hostilePaths() {
        return HostileText.paths();
    }
}
