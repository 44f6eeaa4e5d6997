package dev.llmsafe.policy;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/** Text an attacker controls: paths, names and messages built from the pieces that break naive code. */
public final class HostileText {
    private HostileText() {}

    public static Arbitrary<String> paths() {
        Arbitrary<String> pieces = Arbitraries.of(
                "..",
                ".",
                "/",
                "\\",
                "\u0000",
                "\u001b[31m",
                "\u202E",
                "\u200B",
                "．",
                "／",
                "＼",
                "pom.xml",
                "POM.XML",
                ".github",
                "workflows",
                "ci.yml",
                "C:",
                "~",
                " ",
                "\uD800",
                "é",
                "e\u0301",
                "İ",
                "ß",
                "policy.yaml",
                "src",
                "\t",
                "\n",
                "*",
                "?",
                "[",
                "%2e%2e",
                "|",
                "`",
                "<b>",
                "@team",
                ".mvn",
                "wrapper",
                "maven-wrapper.properties",
                "Pulumi.yaml",
                "AWS_PROFILE",
                ":",
                "\uFFFD");
        return Arbitraries.oneOf(pieces, Arbitraries.strings().all().ofMaxLength(8))
                .list()
                .ofMinSize(1)
                .ofMaxSize(8)
                .map(l -> String.join("", l));
    }

    public static Arbitrary<String> words() {
        return Arbitraries.oneOf(
                paths(),
                Arbitraries.of(
                        "Jane",
                        "code-agent",
                        "renovate[bot]",
                        "",
                        "Co-authored-by: Claude",
                        "Assisted-by: x",
                        "Generated-by:",
                        "\n\nCo-authored-by: Copilot <c@x>\n",
                        "a@b",
                        "12+bot[bot]@users.noreply.github.com"));
    }
}
