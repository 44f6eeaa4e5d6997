package dev.llmsafe.providers.railway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import dev.llmsafe.plan.MockRun;
import dev.llmsafe.plan.PlannedResource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class RailwayPackageTest {

    @Test
    void parameterIsTheBridgesRemoteValueForTheRailwayProvider() throws Exception {
        String json = new String(Base64.getDecoder().decode(RailwayPackage.parameter()), StandardCharsets.UTF_8);
        JsonNode value = new ObjectMapper().readTree(json);
        assertThat(value.path("remote").path("url").asText())
                .isEqualTo("registry.opentofu.org/terraform-community-providers/railway");
        assertThat(value.path("remote").path("version").asText()).isEqualTo("0.6.2");
        assertThat(value.size())
                .as("only remote: local and includes would change what the bridge runs")
                .isEqualTo(1);
    }

    @Test
    void pulumiYamlDeclaresTheSamePackageTheProgramRegisters() throws Exception {
        Path yaml = Path.of(System.getProperty("llmsafe.projectDir", "."), "Pulumi.yaml");
        JsonNode railway = new ObjectMapper(new YAMLFactory())
                .readTree(yaml.toFile())
                .path("packages")
                .path("railway");
        assertThat(railway.path("source").asText()).isEqualTo(RailwayPackage.BASE_PROVIDER);
        assertThat(railway.path("version").asText()).isEqualTo(RailwayPackage.BASE_PROVIDER_VERSION);
        assertThat(railway.path("parameters").get(0).asText()).isEqualTo(RailwayPackage.TF_PROVIDER);
        assertThat(railway.path("parameters").get(1).asText()).isEqualTo(RailwayPackage.VERSION);
    }

    @Test
    void resourcesUseAnExplicitProviderWhoseTokenIsSecret() {
        var plan = MockRun.run(
                "llm-safe",
                "pr-7",
                "review",
                ctx -> {
                    var provider = new Provider("railway", Provider.withToken(Output.of("rw-token-value")), null);
                    var options =
                            CustomResourceOptions.builder().provider(provider).build();
                    var project = new Project(
                            "project", ProjectArgs.builder().name("shop-pr-7").build(), options);
                    new Service(
                            "service",
                            ServiceArgs.builder()
                                    .name("shop")
                                    .projectId(project.id())
                                    .sourceRepo("acme/shop", "main")
                                    .build(),
                            options);
                },
                List.of());

        PlannedResource provider = plan.resources().stream()
                .filter(r -> r.type().equals("pulumi:providers:railway"))
                .findFirst()
                .orElseThrow();
        assertThat(provider.inputs()).containsEntry("token", PlannedResource.SECRET);
        assertThat(plan.resources())
                .filteredOn(r -> r.type().startsWith("railway:index/"))
                .hasSize(2)
                .allSatisfy(r -> assertThat(r.provider()).startsWith(provider.urn() + "::"));
        assertThat(plan.toString()).doesNotContain("rw-token-value");
    }

    @Test
    void serviceRejectsMixingAnImageAndARepository() {
        var args = ServiceArgs.builder()
                .name("shop")
                .projectId(Output.of("p"))
                .sourceImage("nginx:1.27")
                .sourceRepo("acme/shop", "main");
        org.assertj.core.api.Assertions.assertThatThrownBy(args::build).hasMessageContaining("sourceImage");
    }
}
