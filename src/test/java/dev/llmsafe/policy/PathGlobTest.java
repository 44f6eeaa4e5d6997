package dev.llmsafe.policy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PathGlobTest {
    @ParameterizedTest
    @CsvSource({
        ".github/**, .github/workflows/ci.yml, true",
        ".github/**, .githubx/a, false",
        "**/pom.xml, pom.xml, true",
        "**/pom.xml, a/b/pom.xml, true",
        "**/pom.xml, a/pom.xml.bak, false",
        "Pulumi.*.yaml, Pulumi.staging.yaml, true",
        "Pulumi.*.yaml, x/Pulumi.staging.yaml, false",
        "src/*.java, src/A.java, true",
        "src/*.java, src/a/A.java, false",
        "a?c, abc, true",
        "a?c, a/c, false",
        "POLICY.yaml, policy.YAML, true",
        "a+b(c), a+b(c), true",
        "urn:pulumi:pr-7::**, urn:pulumi:pr-7::llm-safe::gcp:storage/bucket:Bucket::b, true"
    })
    void matchesLikeGitignoreGlobsCaseFolded(String pattern, String path, boolean matches) {
        assertThat(PathGlob.of(pattern).matches(path)).isEqualTo(matches);
    }
}
