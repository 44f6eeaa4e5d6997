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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * References written the way their targets still understand them: DNS and GitHub compare names without
 * regard to case, resolvers map full-width letters and drop invisible ones, and Maven reads a dependency
 * whatever the order of its elements and with its properties put in.
 */
class ForbiddenReferencesAttackTest {
    private static List<Finding> check(String path, String content) {
        ChangedFile file = ChangedFile.builder(FileStatus.ADDED, path)
                .newMode("100644")
                .content(content)
                .build();
        return new ForbiddenReferencesRule()
                .check(Fixtures.change(
                        PolicyFile.defaults(), new ChangeSet("a..b", List.of(file), List.of(), Set.of())));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "curl https://S3.EU-WEST-1.AMAZONAWS.COM/bucket",
                "url = \"https://sts.AmazonAWS.com\"",
                "endpoint: s3.\uFF41\uFF4D\uFF41\uFF5A\uFF4F\uFF4E\uFF41\uFF57\uFF53.com", // full-width letters
                "endpoint: s3.amazon\u200Baws.com", // a zero-width space
                "      - uses: AWS-Actions/configure-aws-credentials@0123456789abcdef0123456789abcdef01234567",
                "      - uses: HashiCorp/Vault-Action@0123456789abcdef0123456789abcdef01234567",
                "  source = \"HashiCorp/AWS\"",
                "export aws_secret_access_key=x"
            })
    void namesThatCompareWithoutRegardToCaseOrFormAreFound(String line) {
        assertThat(check("deploy/run.sh", "#!/bin/sh\n" + line + "\n"))
                .isNotEmpty()
                .allSatisfy(f -> assertThat(f.location().line()).isEqualTo(2));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "<dependency><artifactId>aws</artifactId><groupId>com.pulumi</groupId></dependency>",
                "<dependency><groupId>com.pulumi</groupId><version>6.0.0</version><artifactId>aws</artifactId></dependency>",
                "<dependency><groupId>${sdk.group}.${sdk.name}</groupId><artifactId>s3</artifactId><version>2.0.0</version></dependency>",
                "<dependency><groupId>com.pulumi</groupId><artifactId>${provider}</artifactId><version>6.0.0</version></dependency>"
            })
    void aDependencyIsFoundWhateverItsOrderAndProperties(String dependency) {
        String pom = "<project>\n  <properties><sdk.group>software.amazon</sdk.group><sdk.name>awssdk</sdk.name>"
                + "<provider>a${ws}</provider><ws>ws</ws></properties>\n  <dependencies>\n    " + dependency
                + "\n  </dependencies>\n</project>\n";
        assertThat(check("svc/pom.xml", pom)).isNotEmpty().anySatisfy(f -> {
            assertThat(f.location().line()).isEqualTo(4);
            assertThat(f.message()).contains("as Maven resolves it");
        });
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "<groupId>com.pulumi</groupId><artifactId>gcp</artifactId>",
                "<groupId>software.amazonia</groupId><artifactId>x</artifactId>"
            })
    void otherDependenciesPass(String coordinates) {
        assertThat(check(
                        "pom.xml",
                        "<project><dependencies><dependency>" + coordinates
                                + "<version>1.0.0</version></dependency></dependencies></project>\n"))
                .isEmpty();
    }
}
