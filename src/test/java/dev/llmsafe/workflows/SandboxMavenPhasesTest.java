package dev.llmsafe.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The act sandbox runs a job's Maven offline ({@link ActSandbox#MAVEN_ARGS}) from the repository of the build that
 * runs the tests. Maven resolves a plugin's dependencies when its execution runs, so a plugin bound after the
 * integration tests is not in a cold repository while they run: with the format check bound to verify, a cold
 * {@code .ci/run} failed promote.yml's build job (its {@code ./mvnw -B verify} could not resolve spotless-lib
 * offline, even with the check skipped). No execution of pom.xml may be bound there.
 */
class SandboxMavenPhasesTest {
    /** The phases of the default lifecycle after integration-test, which a job's {@code verify} reaches. */
    private static final List<String> AFTER_INTEGRATION_TESTS =
            List.of("post-integration-test", "verify", "install", "deploy");

    @Test
    void noPluginIsBoundAfterTheIntegrationTests() throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        var pom = factory.newDocumentBuilder().parse(Path.of("pom.xml").toFile());
        NodeList phases = pom.getElementsByTagName("phase");
        assertThat(phases.getLength()).as("executions with a phase in pom.xml").isPositive();
        List<String> late = new ArrayList<>();
        for (int i = 0; i < phases.getLength(); i++) {
            String phase = phases.item(i).getTextContent().trim();
            if (AFTER_INTEGRATION_TESTS.contains(phase)) {
                late.add(plugin((Element) phases.item(i)) + " at " + phase);
            }
        }
        assertThat(late)
                .as("bind these before the integration tests, so the build resolves them before the act jobs need them")
                .isEmpty();
    }

    /** The artifactId of the plugin whose execution holds {@code phase}. */
    private static String plugin(Element phase) {
        var node = phase.getParentNode();
        while (node != null && !"plugin".equals(node.getNodeName())) {
            node = node.getParentNode();
        }
        return node == null
                ? "an execution outside a plugin"
                : ((Element) node)
                        .getElementsByTagName("artifactId")
                        .item(0)
                        .getTextContent()
                        .trim();
    }
}
