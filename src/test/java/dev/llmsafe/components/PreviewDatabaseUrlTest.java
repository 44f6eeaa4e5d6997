package dev.llmsafe.components;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever the password, the composed URL parses back to the same user, password, host and database. */
class PreviewDatabaseUrlTest {
    @Provide
    Arbitrary<String> passwords() {
        return Arbitraries.strings()
                .ascii()
                .withCharRange('\u00a0', '\u024f')
                .ofMinLength(1)
                .ofMaxLength(64);
    }

    @Property(tries = 500)
    void tcpUrlKeepsEveryPasswordIntact(@ForAll("passwords") String password) throws Exception {
        URI uri = new URI(PreviewDatabase.tcpUrl("shop_pr_42", password, "shop_pr_42", "192.0.2.10"));

        assertThat(uri.getScheme()).isEqualTo("postgresql");
        assertThat(uri.getHost()).isEqualTo("192.0.2.10");
        assertThat(uri.getPort()).isEqualTo(5432);
        assertThat(uri.getPath()).isEqualTo("/shop_pr_42");
        assertThat(uri.getQuery()).isEqualTo("sslmode=require");
        assertThat(credentials(uri)).containsExactly("shop_pr_42", password);
    }

    @Property(tries = 500)
    void socketUrlKeepsEveryPasswordIntact(@ForAll("passwords") String password) throws Exception {
        URI uri = new URI(PreviewDatabase.socketUrl(
                "shop_pr_42", password, "shop_pr_42", "/cloudsql/acme-previews:europe-west4:shop-previews"));

        assertThat(uri.getHost()).isEqualTo("localhost");
        assertThat(uri.getQuery()).isEqualTo("host=/cloudsql/acme-previews:europe-west4:shop-previews");
        assertThat(credentials(uri)).containsExactly("shop_pr_42", password);
    }

    private static String[] credentials(URI uri) {
        String[] parts = uri.getRawUserInfo().split(":", 2);
        return new String[] {decode(parts[0]), decode(parts[1])};
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
