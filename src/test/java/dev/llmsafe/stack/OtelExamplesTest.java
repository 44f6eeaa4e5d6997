package dev.llmsafe.stack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.llmsafe.cli.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Collector configurations in docs/examples/otel are complete: every signal flows to the documented backend. */
class OtelExamplesTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern ENV = Pattern.compile("\\$\\{env:([A-Z_]+)}");

    @ParameterizedTest
    @CsvSource({
        "grafana-cloud.yaml, otlphttp/grafana, otlphttp/grafana, otlphttp/grafana",
        "google-cloud.yaml, googlecloud, googlemanagedprometheus, googlecloud"
    })
    void everySignalHasACompletePipelineToItsBackend(String file, String traces, String metrics, String logs)
            throws Exception {
        Path path = CliRun.projectDir().resolve("docs/examples/otel").resolve(file);
        JsonNode config = YAML.readTree(path.toFile());
        JsonNode pipelines = config.path("service").path("pipelines");
        assertThat(pipelines.path("traces").path("exporters").toString()).contains(traces);
        assertThat(pipelines.path("metrics").path("exporters").toString()).contains(metrics);
        assertThat(pipelines.path("logs").path("exporters").toString()).contains(logs);

        for (String signal : new String[] {"traces", "metrics", "logs"}) {
            JsonNode pipeline = pipelines.path(signal);
            for (String part : new String[] {"receivers", "processors", "exporters"}) {
                assertThat(pipeline.path(part).size())
                        .as(file + " " + signal + " " + part)
                        .isPositive();
                pipeline.path(part)
                        .forEach(name -> assertThat(config.path(part).has(name.asText()))
                                .as(file + ": " + signal + " uses " + part + " " + name + " which is defined")
                                .isTrue());
            }
            assertThat(pipeline.path("receivers").toString()).contains("otlp");
            assertThat(pipeline.path("processors").toString()).contains("memory_limiter", "batch");
        }
        config.path("service")
                .path("extensions")
                .forEach(ext -> assertThat(config.path("extensions").has(ext.asText()))
                        .as(file + " extension " + ext)
                        .isTrue());
    }

    @ParameterizedTest
    @CsvSource({"grafana-cloud.yaml", "google-cloud.yaml"})
    void everyVariableTheConfigReadsIsDocumented(String file) throws Exception {
        String config = Files.readString(
                CliRun.projectDir().resolve("docs/examples/otel").resolve(file));
        String doc = Files.readString(CliRun.projectDir().resolve("docs/observability.md"));
        ENV.matcher(config)
                .results()
                .forEach(m -> assertThat(doc).as(m.group(1)).contains("`" + m.group(1) + "`"));
    }
}
