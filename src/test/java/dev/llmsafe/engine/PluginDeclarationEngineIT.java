package dev.llmsafe.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmsafe.providers.github.GithubPackage;
import dev.llmsafe.providers.railway.RailwayPackage;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the real Java language host tells the engine our jar needs: with automatic plugin acquisition off, the
 * engine installs nothing ahead of a run that the host does not name here. The host logs its answer to
 * GetRequiredPackages at verbosity 5; {@code pulumi plugin ls --project} asks it.
 */
class PluginDeclarationEngineIT {
    @TempDir
    Path tmp;

    @Test
    void theHostNamesGithubAndTheParameterizedRailwayPackage() throws Exception {
        var sandbox = new EngineSandbox(tmp);

        var ls = sandbox.pulumi("plugin", "ls", "--project", "-v=5", "--logtostderr", "--logflow");

        assertThat(ls.exit()).as(ls.output()).isZero();
        String answer = ls.stderr()
                .lines()
                .filter(l -> l.contains("GetRequiredPackages: packages="))
                .findFirst()
                .orElseThrow(() -> new AssertionError("the host never answered:\n" + ls.output()));
        String railwayValue = RailwayPackage.PARAMETER_JSON.replace("\"", "\\\"");
        assertThat(answer)
                .contains("name:\"" + GithubPackage.NAME + "\" kind:\"resource\" version:\"" + GithubPackage.VERSION
                        + "\"")
                .contains("name:\"gcp\" kind:\"resource\" version:\"7.0.0\"")
                .contains("name:\"" + RailwayPackage.BASE_PROVIDER + "\" kind:\"resource\" version:\""
                        + RailwayPackage.BASE_PROVIDER_VERSION + "\" parameterization:{name:\"" + RailwayPackage.NAME
                        + "\" version:\"" + RailwayPackage.VERSION + "\" value:\"" + railwayValue + "\"}");
    }
}
