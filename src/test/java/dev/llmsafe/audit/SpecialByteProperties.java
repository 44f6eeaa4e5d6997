package dev.llmsafe.audit;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link CanonicalLexer#special}, the word test of the string loop: its lowest mark is exactly the first byte that
 * is '"', '\\', a control character or non-ASCII, and it marks nothing in a word without one. Words are drawn from
 * plain and special bytes alike, so borrows between bytes are exercised.
 */
class SpecialByteProperties {
    private static boolean isSpecial(int b) {
        return b == '"' || b == '\\' || b < 0x20 || b >= 0x80;
    }

    private static int firstSpecial(long word) {
        for (int i = 0; i < 8; i++) {
            if (isSpecial((int) (word >>> (8 * i)) & 0xff)) {
                return i;
            }
        }
        return -1;
    }

    @Provide
    Arbitrary<Long> words() {
        Arbitrary<Integer> interesting = Arbitraries.of(
                0, 1, 0x1f, 0x20, 0x21, 0x22, 0x23, 0x5b, 0x5c, 0x5d, 0x7f, 0x80, 0x9f, 0xa0, 0xa2, 0xdc, 0xff);
        Arbitrary<Integer> plain = Arbitraries.integers().between(0x20, 0x7e);
        Arbitrary<Integer> any = Arbitraries.integers().between(0, 255);
        return Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(6, plain),
                        net.jqwik.api.Tuple.of(2, interesting),
                        net.jqwik.api.Tuple.of(1, any))
                .list()
                .ofSize(8)
                .map(bytes -> {
                    long word = 0;
                    for (int i = 0; i < 8; i++) {
                        word |= (long) bytes.get(i) << (8 * i);
                    }
                    return word;
                });
    }

    @Property(tries = 20000)
    void theLowestMarkIsTheFirstSpecialByte(@ForAll("words") long word) {
        long marks = CanonicalLexer.special(word);
        int first = firstSpecial(word);

        if (first < 0) {
            assertThat(marks).as("marks in %016x", word).isZero();
        } else {
            assertThat(Long.numberOfTrailingZeros(marks) >>> 3)
                    .as("first mark in %016x", word)
                    .isEqualTo(first);
        }
    }

    @Property(tries = 100)
    void everyByteValueAtEveryPosition(@ForAll("words") long background) {
        for (int position = 0; position < 8; position++) {
            for (int value = 0; value < 256; value++) {
                long word = (background & ~(0xffL << (8 * position))) | ((long) value << (8 * position));
                long marks = CanonicalLexer.special(word);
                int first = firstSpecial(word);
                assertThat(first < 0 ? marks == 0 : Long.numberOfTrailingZeros(marks) >>> 3 == first)
                        .as("byte %02x at %d in %016x", value, position, word)
                        .isTrue();
            }
        }
    }
}
