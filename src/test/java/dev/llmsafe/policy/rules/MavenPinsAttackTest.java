package dev.llmsafe.policy.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmsafe.policy.Finding;
import dev.llmsafe.policy.Fixtures;
import dev.llmsafe.policy.PolicyFile;
import dev.llmsafe.policy.change.ChangeSet;
import dev.llmsafe.policy.change.ChangedFile;
import dev.llmsafe.policy.change.FileStatus;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Maven builds with the effective model: properties set by an active profile (by default, by JDK, OS, file
 * or {@code -P}) win over the pom's own, and {@code .mvn/maven.config} and {@code .mvn/extensions.xml} are
 * read before any pom. A pin judged from the pom's top-level properties alone is not the one Maven uses.
 */
class MavenPinsAttackTest {
    static List<String> check(String path, String text) {
        ChangedFile file = ChangedFile.builder(FileStatus.MODIFIED, path)
                .oldPath(path)
                .oldMode("100644")
                .newMode("100644")
                .content(text)
                .build();
        return new DependencyPinsRule()
                        .check(Fixtures.change(
                                PolicyFile.defaults(), new ChangeSet("a..b", List.of(file), List.of(), Set.of())))
                        .stream()
                        .map(Finding::message)
                        .toList();
    }

    static String pom(String properties, String profiles) {
        return "<project>\n  <modelVersion>4.0.0</modelVersion>\n  <groupId>x</groupId><artifactId>y</artifactId>\n"
                + "  <version>1.0.0</version>\n  <properties>\n" + properties + "  </properties>\n"
                + "  <dependencies>\n    <dependency><groupId>${lib.group}</groupId><artifactId>lib</artifactId>"
                + "<version>${lib.version}</version></dependency>\n  </dependencies>\n"
                + "  <profiles>\n" + profiles + "  </profiles>\n</project>\n";
    }

    static final String PROPERTIES = "    <lib.group>org.example</lib.group>\n    <exact>2.0.0</exact>\n"
            + "    <lib.version>${exact}</lib.version>\n";

    @Test
    void profilesThatSetNothingTheCoordinatesUsePass() {
        assertThat(check(
                        "pom.xml",
                        pom(
                                PROPERTIES,
                                "    <profile><id>ci</id><properties><skipTests>true</skipTests>"
                                        + "</properties></profile>\n")))
                .isEmpty();
    }

    @Test
    void aVersionSetInAProfileCannotBeJudgedFromThePom() {
        String profile =
                "    <profile><id>moving</id><activation><activeByDefault>true</activeByDefault></activation>\n"
                        + "      <properties><lib.version>LATEST</lib.version></properties></profile>\n";
        assertThat(check("pom.xml", pom(PROPERTIES, profile)))
                .singleElement()
                .asString()
                .isEqualTo(
                        "dependency org.example:lib version ${lib.version} uses lib.version, which profile moving sets");
    }

    @Test
    void aPropertyAVersionUsesThroughAnotherIsFollowed() {
        String profile = "    <profile><id>jdk21</id><activation><jdk>21</jdk></activation>\n"
                + "      <properties><exact>2.1-SNAPSHOT</exact></properties></profile>\n";
        assertThat(check("pom.xml", pom(PROPERTIES, profile)))
                .singleElement()
                .asString()
                .isEqualTo("dependency org.example:lib version ${lib.version} uses exact, which profile jdk21 sets");
    }

    @Test
    void aGroupIdSetInAProfileCannotBeJudgedEither() {
        String profile =
                "    <profile><id>other</id><properties><lib.group>com.other</lib.group></properties></profile>\n";
        assertThat(check("pom.xml", pom(PROPERTIES, profile)))
                .singleElement()
                .asString()
                .isEqualTo("dependency org.example:lib group id ${lib.group} uses lib.group, which profile other sets");
    }

    @Test
    void mavenConfigCannotOverrideAVersionWithAMovingOne() {
        assertThat(check(".mvn/maven.config", "-B\n-Dlib.version=LATEST\n--define\nother=[1.0,2.0)\n-DskipTests\n"))
                .containsExactly(
                        "-Dlib.version=LATEST in .mvn/maven.config overrides every pom's lib.version with a moving alias (LATEST)",
                        "-Dother=[1.0,2.0) in .mvn/maven.config overrides every pom's other with a range");
    }

    @Test
    void coreExtensionsArePinnedExactly() {
        String extensions =
                "<extensions>\n  <extension><groupId>a</groupId><artifactId>pinned</artifactId><version>1.2.0</version></extension>\n"
                        + "  <extension><version>LATEST</version><artifactId>moving</artifactId><groupId>a</groupId></extension>\n"
                        + "  <extension><groupId>a</groupId><artifactId>none</artifactId></extension>\n"
                        + "  <extension><groupId>a</groupId><artifactId>prop</artifactId><version>${v}</version></extension>\n"
                        + "</extensions>\n";
        assertThat(check(".mvn/extensions.xml", extensions))
                .containsExactly(
                        "extension a:moving version LATEST is a moving alias (LATEST)",
                        "extension a:none has no version",
                        "extension a:prop version ${v} uses a property, which .mvn/extensions.xml cannot define");
    }
}
