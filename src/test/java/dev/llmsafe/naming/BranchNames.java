package dev.llmsafe.naming;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Generated branch names of the kinds people and bots really push, plus the awkward ones. */
final class BranchNames {
    private BranchNames() {}

    static Arbitrary<String> any() {
        Arbitrary<String> prefix = Arbitraries.of(
                "",
                "feature/",
                "fix/",
                "release/",
                "hotfix/",
                "perf/",
                "dependabot/npm_and_yarn/",
                "renovate/",
                "users/zoë/",
                "bot/auto-",
                "spike/",
                "2024/");
        Arbitrary<String> ascii = Arbitraries.strings()
                .withCharRange('a', 'z')
                .withCharRange('A', 'Z')
                .withCharRange('0', '9')
                .withChars('-', '_', '.')
                .ofMinLength(1)
                .ofMaxLength(40);
        Arbitrary<String> unicode = Arbitraries.strings()
                .withChars("äöüßéèçñøåłžşğıİ日本語中文한국어ДРУГОЙ🚀✨")
                .ofMinLength(1)
                .ofMaxLength(12);
        Arbitrary<String> digits =
                Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(8);
        Arbitrary<String> segment = Arbitraries.oneOf(
                ascii,
                ascii,
                unicode,
                digits,
                Combinators.combine(digits, ascii).as((d, a) -> d + a));
        Arbitrary<String> body =
                segment.list().ofMinSize(1).ofMaxSize(4).map(parts -> String.join(pick(parts.size()), parts));
        Arbitrary<String> veryLong =
                Combinators.combine(ascii, ascii).as((a, b) -> "feature/" + "x".repeat(180) + a + "/" + b);
        return Arbitraries.oneOf(Combinators.combine(prefix, body).as(String::concat), veryLong);
    }

    private static String pick(int n) {
        return n % 3 == 0 ? "/" : n % 3 == 1 ? "." : "-";
    }
}
