package dev.llmsafe.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * {@link LineFacts#hexEquals}, which compares a stored hash or prev with a digest eight digits at a time, agrees with
 * the JDK's lowercase hex of the digest: on the exact digits, anywhere in a buffer, and with any one byte changed
 * (an uppercase digit, a neighbouring character, any byte at all).
 */
class HexEqualsProperties {
    private static byte[] inBuffer(String hex, int before) {
        byte[] buf = new byte[before + hex.length() + 3];
        java.util.Arrays.fill(buf, (byte) '"');
        System.arraycopy(hex.getBytes(StandardCharsets.US_ASCII), 0, buf, before, hex.length());
        return buf;
    }

    @Property(tries = 3000)
    void theDigitsOfTheDigestAreEqual(
            @ForAll @Size(32) byte[] digest, @ForAll @IntRange(min = 0, max = 40) int before) {
        byte[] buf = inBuffer(HexFormat.of().formatHex(digest), before);

        assertThat(LineFacts.hexEquals(buf, before, digest)).isTrue();
    }

    @Property(tries = 3000)
    void anyOneChangedByteIsUnequal(
            @ForAll @Size(32) byte[] digest,
            @ForAll @IntRange(min = 0, max = 63) int at,
            @ForAll byte replacement,
            @ForAll boolean upperCase) {
        String hex = HexFormat.of().formatHex(digest);
        byte[] buf = inBuffer(hex, 5);
        byte was = buf[5 + at];
        buf[5 + at] = upperCase ? (byte) Character.toUpperCase(was) : replacement;

        assertThat(LineFacts.hexEquals(buf, 5, digest)).isEqualTo(buf[5 + at] == was);
    }

    @Property(tries = 200)
    void everyDigitOfEveryByteValue(@ForAll @IntRange(min = 0, max = 31) int position) {
        for (int value = 0; value < 256; value++) {
            byte[] digest = new byte[32];
            digest[position] = (byte) value;
            byte[] buf = inBuffer(HexFormat.of().formatHex(digest), 0);
            assertThat(LineFacts.hexEquals(buf, 0, digest))
                    .as("byte %02x at %d", value, position)
                    .isTrue();
            buf[2 * position] ^= 1;
            assertThat(LineFacts.hexEquals(buf, 0, digest))
                    .as("changed byte %02x at %d", value, position)
                    .isFalse();
        }
    }
}
