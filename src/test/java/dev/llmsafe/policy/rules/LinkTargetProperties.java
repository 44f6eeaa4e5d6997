package dev.llmsafe.policy.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmsafe.policy.Fixtures;
import dev.llmsafe.policy.PathGlob;
import dev.llmsafe.policy.PolicyFile;
import dev.llmsafe.policy.change.ChangeSet;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Hostile symlink targets: whatever an existing link is retargeted to, when the place it lands (resolved by
 * java.nio, independently of the rule) is protected or outside the repository, the rule reports the link.
 */
class LinkTargetProperties {
    private static final List<String> SEGMENTS = List.of(
            "..",
            ".",
            "",
            ".github",
            ".GitHub",
            "workflows",
            "ci.yml",
            "docs",
            "policy.yaml",
            "pom.xml",
            "mvnw",
            "．．",
            "a",
            "src",
            "main",
            "Pulumi.dev.yaml",
            "CODEOWNERS",
            ".ci");

    @Provide
    Arbitrary<String> targets() {
        return Arbitraries.of(SEGMENTS).list().ofMinSize(1).ofMaxSize(7).map(s -> String.join("/", s));
    }

    @Provide
    Arbitrary<String> links() {
        return Arbitraries.of("link", "docs/link", "docs/a/link", "src/main/link");
    }

    @Property(tries = 1000)
    void aLinkLandingOnAProtectedPathOrOutsideIsAlwaysReported(
            @ForAll("links") String link, @ForAll("targets") String target) {
        Path landing = Path.of(link).resolveSibling(target).normalize();
        String where = landing.toString().replace('\\', '/');
        boolean outside = target.startsWith("/") || where.equals("..") || where.startsWith("../");
        boolean onProtected = PolicyFile.DEFAULT_PROTECTED_PATHS.stream()
                .map(PathGlob::of)
                .anyMatch(g -> g.matches(where.toLowerCase(Locale.ROOT)));
        List<String> found = Fixtures.messages(
                new AiAllowedPathsRule(),
                Fixtures.change(
                        PolicyFile.defaults(),
                        new ChangeSet(
                                "a..b",
                                List.of(AiAllowedPathsFixtures.retarget(link, target)),
                                List.of(),
                                Set.of("ai-assisted"))));
        if (outside || onProtected) {
            assertThat(found)
                    .as(link + " -> " + target + " lands at " + where)
                    .singleElement()
                    .asString()
                    .contains("retargets symbolic link " + link);
        }
    }
}
