package dev.llmsafe.policy.rules;

import static dev.llmsafe.policy.Fixtures.verdict;
import static org.assertj.core.api.Assertions.assertThat;

import dev.llmsafe.policy.Finding;
import dev.llmsafe.policy.Fixtures;
import dev.llmsafe.policy.PolicyFile;
import dev.llmsafe.policy.Verdict;
import dev.llmsafe.policy.change.ChangeSet;
import dev.llmsafe.policy.change.ChangedFile;
import dev.llmsafe.policy.change.FileStatus;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DependencyPinsRuleTest {
    private static final String SHA = "0123456789abcdef0123456789abcdef01234567";
    private final DependencyPinsRule rule = new DependencyPinsRule();

    private List<Finding> check(String path, String content) {
        ChangedFile file = ChangedFile.builder(FileStatus.MODIFIED, path)
                .oldPath(path)
                .oldMode("100644")
                .newMode("100644")
                .content(content)
                .build();
        return rule.check(
                Fixtures.change(PolicyFile.defaults(), new ChangeSet("a..b", List.of(file), List.of(), Set.of())));
    }

    private static String pom(String properties, String dependencies, String plugins) {
        return "<?xml version=\"1.0\"?>\n<project>\n  <modelVersion>4.0.0</modelVersion>\n  <version>1.0.0</version>\n"
                + "  <properties>\n" + properties + "  </properties>\n"
                + "  <dependencies>\n" + dependencies + "  </dependencies>\n"
                + "  <build>\n    <plugins>\n" + plugins + "    </plugins>\n  </build>\n</project>\n";
    }

    private static String dep(String artifact, String version) {
        return "    <dependency><groupId>g</groupId><artifactId>" + artifact + "</artifactId>"
                + (version == null ? "" : "<version>" + version + "</version>") + "</dependency>\n";
    }

    @Test
    void exactVersionsThroughPropertiesPass() {
        String pom = pom(
                "    <lib.version>2.1.0</lib.version>\n    <nested>${lib.version}</nested>\n",
                dep("a", "${lib.version}") + dep("b", "${nested}") + dep("c", "${project.version}"),
                "      <plugin><artifactId>maven-surefire-plugin</artifactId><version>3.5.3</version>"
                        + "<dependencies>" + dep("d", "1.0").trim() + "</dependencies></plugin>\n");
        assertThat(check("pom.xml", pom)).isEmpty();
    }

    @Test
    void rangesSnapshotsAliasesAndMissingPluginVersionsFailAtTheirLines() {
        String pom = pom(
                "    <moving>1.0-SNAPSHOT</moving>\n",
                dep("range", "[1.0,2.0)")
                        + dep("snap", "${moving}")
                        + dep("latest", "LATEST")
                        + dep("release", "RELEASE")
                        + dep("unmanaged", null)
                        + dep("undefined", "${nope}"),
                "      <plugin><artifactId>maven-jar-plugin</artifactId></plugin>\n");
        List<Finding> found = check("svc/pom.xml", pom);
        assertThat(found)
                .extracting(Finding::message)
                .containsExactly(
                        "dependency g:range version [1.0,2.0) is a range",
                        "dependency g:snap version ${moving} (= 1.0-SNAPSHOT) is a SNAPSHOT",
                        "dependency g:latest version LATEST is a moving alias (LATEST)",
                        "dependency g:release version RELEASE is a moving alias (RELEASE)",
                        "dependency g:unmanaged has no version",
                        "dependency g:undefined version ${nope} uses a property this pom does not define",
                        "plugin org.apache.maven.plugins:maven-jar-plugin has no version");
        assertThat(found.get(0).location().path()).isEqualTo("svc/pom.xml");
        assertThat(found.get(0).location().line()).isEqualTo(9);
        assertThat(found.get(6).location().line()).isEqualTo(18);
    }

    @Test
    void managedVersionsAndBomImportsCount() {
        String managed = "<project><version>1</version><dependencyManagement><dependencies>" + dep("a", "1.2.3")
                + "</dependencies></dependencyManagement><dependencies>" + dep("a", null) + "</dependencies>"
                + "<build><pluginManagement><plugins><plugin><artifactId>p</artifactId><version>1.0</version></plugin>"
                + "</plugins></pluginManagement><plugins><plugin><artifactId>p</artifactId></plugin></plugins></build></project>";
        assertThat(check("pom.xml", managed)).isEmpty();
        String bom =
                "<project><dependencyManagement><dependencies><dependency><groupId>g</groupId><artifactId>bom</artifactId>"
                        + "<version>2.0</version><type>pom</type><scope>import</scope></dependency></dependencies></dependencyManagement>"
                        + "<dependencies>" + dep("x", null) + "</dependencies></project>";
        assertThat(check("pom.xml", bom)).isEmpty();
    }

    @Test
    void xmlWithADoctypeOrBrokenXmlCannotBeChecked() {
        String xxe =
                "<?xml version=\"1.0\"?><!DOCTYPE p [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><project>&x;</project>";
        assertThat(check("pom.xml", xxe))
                .singleElement()
                .satisfies(f -> assertThat(f.message())
                        .startsWith("pom.xml cannot be read as XML")
                        .doesNotContain("root:"));
        assertThat(check("pom.xml", "<project><dependencies>"))
                .singleElement()
                .satisfies(f -> assertThat(f.message()).startsWith("pom.xml cannot be read as XML"));
    }

    @Test
    void theMavenWrapperNeedsAPinnedDistributionAndChecksums() {
        String pinned =
                "distributionType=only-script\ndistributionUrl=https://repo.maven.apache.org/maven2/org/apache/maven/"
                        + "apache-maven/3.9.11/apache-maven-3.9.11-bin.zip\ndistributionSha256Sum=" + "a".repeat(64)
                        + "\n";
        assertThat(check(".mvn/wrapper/maven-wrapper.properties", pinned)).isEmpty();
        String loose =
                "distributionUrl=https://repo.maven.apache.org/maven2/org/apache/maven/apache-maven/4.0.0-SNAPSHOT/"
                        + "apache-maven-4.0.0-SNAPSHOT-bin.zip\nwrapperUrl=https://repo.maven.apache.org/x.jar\n";
        assertThat(check(".mvn/wrapper/maven-wrapper.properties", loose))
                .extracting(Finding::message)
                .containsExactly(
                        "distributionUrl https://repo.maven.apache.org/maven2/org/apache/maven/apache-maven/4.0.0-SNAPSHOT/"
                                + "apache-maven-4.0.0-SNAPSHOT-bin.zip is not a fixed release over https",
                        "no distributionSha256Sum, so the Maven distribution is not verified before it runs",
                        "no wrapperSha256Sum, so the wrapper jar is not verified before it runs");
    }

    @Test
    void pulumiPackagesNeedExactVersions() {
        String ok =
                "name: x\nruntime: java\npackages:\n  github: github@6.15.0\n  railway:\n    source: terraform-provider\n"
                        + "    version: 1.1.3\n    parameters:\n      - terraform-community-providers/railway\n      - 0.6.2\n";
        assertThat(check("Pulumi.yaml", ok)).isEmpty();
        String loose =
                "name: x\npackages:\n  github: github\n  railway:\n    source: terraform-provider\n    version: 1.1.3\n"
                        + "    parameters: [terraform-community-providers/railway]\n  other:\n    source: x\n    version: \">=1.0\"\n";
        assertThat(check("Pulumi.yaml", loose))
                .extracting(Finding::message)
                .containsExactly(
                        "package github (github) has version 'null', not an exact one",
                        "package railway runs Terraform provider terraform-community-providers/railway without an exact provider version ('null')",
                        "package other (x) has version '>=1.0', not an exact one");
    }

    @Test
    void workflowActionsArePinnedBySha() {
        String workflow = String.join(
                "\n",
                "on: push",
                "permissions: {contents: read}",
                "jobs:",
                "  build:",
                "    runs-on: ubuntu-latest",
                "    container: maven:3.9",
                "    steps:",
                "      - uses: actions/checkout@" + SHA,
                "      - uses: actions/setup-java@v4",
                "      - uses: ./.github/actions/local",
                "      - uses: docker://alpine@sha256:" + "b".repeat(64),
                "      - uses: docker://alpine:3",
                "  reuse:",
                "    uses: acme/wf/.github/workflows/x.yml@main",
                "");
        var input = Fixtures.workflows(PolicyFile.defaults(), Fixtures.workflow("ci.yml", workflow));
        assertThat(rule.check(input))
                .extracting(f -> f.location().line() + " " + f.message())
                .containsExactlyInAnyOrder(
                        "14 uses: acme/wf/.github/workflows/x.yml@main is not pinned to a commit SHA",
                        "9 uses: actions/setup-java@v4 is not pinned to a commit SHA",
                        "12 action docker://alpine:3 image alpine:3 is not pinned by digest",
                        "6 job build container image maven:3.9 is not pinned by digest");
    }

    @Test
    void aChangedLocalActionHasItsStepsPinnedWhenNoWorkflowsAreGiven() {
        String action = String.join(
                "\n",
                "runs:",
                "  using: composite",
                "  steps:",
                "    - uses: actions/cache@" + SHA,
                "    - uses: actions/cache@v4",
                "");
        assertThat(check(".github/actions/cache/action.yml", action))
                .extracting(f -> f.location().display() + " " + f.message())
                .containsExactly(
                        ".github/actions/cache/action.yml:5 uses: actions/cache@v4 is not pinned to a commit SHA");
        assertThat(check("tools/action.yaml", "runs:\n  using: docker\n  image: docker://alpine:3\n"))
                .extracting(Finding::message)
                .containsExactly("action docker://alpine:3 image alpine:3 is not pinned by digest");
    }

    @Test
    void deletedAndUnrelatedFilesAreNotJudged() {
        ChangedFile deleted = ChangedFile.builder(FileStatus.DELETED, "pom.xml")
                .oldPath("pom.xml")
                .oldMode("100644")
                .newMode("000000")
                .build();
        assertThat(rule.check(Fixtures.change(
                        PolicyFile.defaults(), new ChangeSet("a..b", List.of(deleted), List.of(), Set.of()))))
                .isEmpty();
        assertThat(check("README.md", "<version>LATEST</version>")).isEmpty();
    }

    @Test
    void aChangeWithoutDependencyFilesIsNotApplicableAndAPinnedPomPasses() {
        ChangedFile readme = ChangedFile.builder(FileStatus.MODIFIED, "README.md")
                .oldPath("README.md")
                .oldMode("100644")
                .newMode("100644")
                .content("# shop\n")
                .build();
        ChangedFile gone = ChangedFile.builder(FileStatus.DELETED, "pom.xml")
                .oldPath("pom.xml")
                .oldMode("100644")
                .build();
        Verdict none = verdict(
                rule,
                Fixtures.change(
                        PolicyFile.defaults(), new ChangeSet("a..b", List.of(readme, gone), List.of(), Set.of())));
        assertThat(none.status()).isEqualTo(Verdict.Status.NOT_APPLICABLE);
        assertThat(none.note())
                .isEqualTo("no workflows or dependency files (pom.xml, Maven wrapper and config, Pulumi.yaml, "
                        + "action.yml) to judge");
        ChangedFile pom = ChangedFile.builder(FileStatus.MODIFIED, "pom.xml")
                .oldPath("pom.xml")
                .oldMode("100644")
                .newMode("100644")
                .content(pom("", dep("a", "1.2.3"), ""))
                .build();
        Verdict pinned = verdict(
                rule,
                Fixtures.change(
                        PolicyFile.defaults(), new ChangeSet("a..b", List.of(readme, pom), List.of(), Set.of())));
        assertThat(pinned.status()).isEqualTo(Verdict.Status.PASS);
        assertThat(pinned.judged()).as("the pom, not the readme").isEqualTo(1);
    }
}
