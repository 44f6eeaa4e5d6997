package dev.llmsafe.providers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.llmsafe.providers.github.GithubPackage;
import dev.llmsafe.providers.railway.RailwayPackage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The Java language host learns which plugins to install by running the SDK's bootstrap with our classpath
 * ({@code java -cp <jar> com.pulumi.bootstrap.internal.Main packages}); it reads the {@code plugin.json}
 * resources generated SDKs ship. Our hand-written bindings must ship them too, or the engine never installs the
 * github and railway providers ahead of the run. This runs that exact command.
 */
class ProviderPluginsTest {

    @Test
    void theSdkBootstrapDeclaresEveryProviderTheProgramUses() throws Exception {
        JsonNode packages = bootstrapPackages();

        assertThat(find(packages, "gcp").path("version").asText()).isEqualTo("7.0.0");
        assertThat(find(packages, GithubPackage.NAME).path("version").asText()).isEqualTo(GithubPackage.VERSION);

        JsonNode railway = find(packages, RailwayPackage.BASE_PROVIDER);
        assertThat(railway.path("version").asText()).isEqualTo(RailwayPackage.BASE_PROVIDER_VERSION);
        assertThat(railway.path("resource").asBoolean()).isTrue();
        JsonNode parameterization = railway.path("parameterization");
        assertThat(parameterization.path("name").asText()).isEqualTo(RailwayPackage.NAME);
        assertThat(parameterization.path("version").asText()).isEqualTo(RailwayPackage.VERSION);
        assertThat(parameterization.path("value").asText())
                .as("the same parameter the program registers the package with")
                .isEqualTo(RailwayPackage.parameter());
        assertThat(packages.size())
                .as("nothing but the three providers: %s", packages)
                .isEqualTo(3);
    }

    private static JsonNode find(JsonNode packages, String name) {
        for (JsonNode p : packages) {
            if (name.equals(p.path("name").asText())) {
                return p;
            }
        }
        throw new AssertionError("the bootstrap does not declare " + name + ": " + packages);
    }

    /** Runs the bootstrap in a JVM of its own, with this test's classpath (our classes and the SDKs). */
    static JsonNode bootstrapPackages() throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("com.pulumi.bootstrap.internal.Main");
        command.add("packages");
        Process process = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        byte[] out = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
        return new ObjectMapper().readTree(new String(out, StandardCharsets.UTF_8));
    }
}
