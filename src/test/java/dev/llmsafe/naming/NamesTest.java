package dev.llmsafe.naming;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class NamesTest {

    @Test
    void cleanNamesAreKeptAndLongOnesAreCutWithAHash() {
        assertThat(Names.serviceAccountId("shop", "deploy", "review")).isEqualTo("shop-deploy-review");
        String longId = Names.serviceAccountId("inventory-service", "deploy", "production");
        assertThat(longId)
                .hasSizeLessThanOrEqualTo(30)
                .startsWith("inventory-service-deplo")
                .endsWith("-" + Names.hash("inventory-service-deploy-production"));
        assertThat(Names.serviceAccountId("a", "b")).hasSizeGreaterThanOrEqualTo(6);
    }

    @Property(tries = 1000)
    void serviceAccountIdsAreAlwaysValid(@ForAll @StringLength(max = 80) String text) {
        String id = Names.serviceAccountId(text, "run");
        assertThat(id).matches("[a-z][a-z0-9-]{4,28}[a-z0-9]");
        assertThat(Names.serviceAccountId(text, "run")).isEqualTo(id);
    }
}
