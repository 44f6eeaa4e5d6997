package dev.llmsafe.policy.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code mvnw} reads {@code maven-wrapper.properties} with {@code while IFS="=" read -r key value}: a key is
 * everything before the first {@code =}, untrimmed; a line without a newline at its end is never read; and
 * {@code \r}, {@code :}, continuation lines and escapes mean nothing to it. Properties reads the same
 * text otherwise. A checksum that only Properties sees is one that mvnw never verifies.
 */
class WrapperPinsAttackTest {
    static final String URL =
            "https://repo.maven.apache.org/maven2/org/apache/maven/apache-maven/3.9.11/apache-maven-3.9.11-bin.zip";
    static final String SUM = "0d7125e8c91097b36edb990ea5934e6c68b4440eef4ea96510a0f6815e7eeadb";

    /** The dependency-pins findings on a change of the wrapper properties to {@code text}. */
    static List<String> check(String text) {
        return MavenPinsAttackTest.check(".mvn/wrapper/maven-wrapper.properties", text);
    }

    @Test
    void aWrapperBothReadersReadAlikePasses() {
        assertThat(check("# pinned\ndistributionType=only-script\ndistributionUrl=" + URL + "\r\ndistributionSha256Sum="
                        + SUM + "\n"))
                .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "distributionSha256Sum =" + SUM + "\n", // mvnw's key is "distributionSha256Sum "
                "distributionSha256Sum\t= " + SUM + "\n",
                "distributionSha256Sum:" + SUM + "\n", // Properties' other separator
                "distributionSha256Sum " + SUM + "\n", // and its third
                "distributionSha256Sum=" + SUM, // no newline: read returns false and the loop body never runs
                "x=1\rdistributionSha256Sum=" + SUM + "\n", // one line to mvnw, two to Properties
                "distribution\\\n  Sha256Sum=" + SUM + "\n"
            }) // a continued key
    void aChecksumMvnwNeverReadsFails(String sumLine) {
        List<String> found = check("distributionType=only-script\ndistributionUrl=" + URL + "\n" + sumLine);
        assertThat(found)
                .anySatisfy(m -> assertThat(m).contains("distributionSha256Sum").contains("mvnw"));
    }

    @Test
    void aUrlThatOnlyMvnwSeesFails() {
        // Properties folds the second line into wrapperVersion's value; mvnw reads it, and its value wins.
        String text = "distributionType=only-script\ndistributionUrl=" + URL + "\ndistributionSha256Sum=" + SUM
                + "\nwrapperVersion=3.3.2\\\ndistributionUrl=https://repo.example/maven2/org/apache/maven/apache-maven/"
                + "3.9.11/apache-maven-3.9.11-bin.zip\n";
        assertThat(check(text))
                .anySatisfy(m -> assertThat(m).startsWith("mvnw reads distributionUrl as 'https://repo.example/"));
    }

    @Test
    void anEscapedValueMvnwReadsLiterallyFails() {
        assertThat(check(
                        "distributionType=only-script\ndistributionUrl=https\\://repo.maven.apache.org/maven2/org/apache/maven/"
                                + "apache-maven/3.9.11/apache-maven-3.9.11-bin.zip\ndistributionSha256Sum=" + SUM
                                + "\n"))
                .anySatisfy(m -> assertThat(m).startsWith("mvnw reads distributionUrl as 'https\\://"));
    }
}
