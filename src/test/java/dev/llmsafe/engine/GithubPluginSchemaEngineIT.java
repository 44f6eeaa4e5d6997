package dev.llmsafe.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.llmsafe.providers.github.GithubBindingsSchemaTest;
import dev.llmsafe.providers.github.GithubPackage;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The github plugin the engine tests run is rebuilt from the upstream Terraform provider (docs/testing.md), so
 * the bindings are held against the schema that plugin itself reports, by the same checks as the published one.
 */
class GithubPluginSchemaEngineIT {
    @TempDir
    Path tmp;

    @Test
    void theBindingsMatchTheSchemaOfTheInstalledPlugin() throws Exception {
        var sandbox = new EngineSandbox(tmp);

        var schema = sandbox.pulumi("package", "get-schema", GithubPackage.NAME + "@" + GithubPackage.VERSION);

        assertThat(schema.exit()).as(schema.output()).isZero();
        JsonNode github = new ObjectMapper().readTree(schema.stdout());
        assertThat(github.path("name").asText()).isEqualTo(GithubPackage.NAME);
        assertThat(GithubBindingsSchemaTest.problemsAgainst(github)).isEmpty();
    }
}
