package dev.llmsafe.workflows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.llmsafe.cli.CliRun;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The repository's workflow files, parsed. */
public final class Workflows {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private Workflows() {}

    static Path dir() {
        return CliRun.projectDir().resolve(".github/workflows");
    }

    public static JsonNode load(String file) {
        try {
            return YAML.readTree(dir().resolve(file).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode job(String file, String job) {
        JsonNode node = load(file).path("jobs").path(job);
        if (node.isMissingNode()) {
            throw new AssertionError(file + " has no job " + job);
        }
        return node;
    }

    /** The {@code run:} text of the job's step with this name. */
    public static String run(String file, String job, String stepName) {
        for (JsonNode step : job(file, job).path("steps")) {
            if (stepName.equals(step.path("name").asText())) {
                return step.path("run").asText();
            }
        }
        throw new AssertionError(file + " job " + job + " has no step named " + stepName);
    }

    /**
     * The workflow's top-level env values that GitHub passes as written (no {@code ${{ }}} expression), as a
     * runner exports them to every step.
     */
    public static Map<String, String> staticEnv(String file) {
        Map<String, String> env = new LinkedHashMap<>();
        load(file).path("env").fields().forEachRemaining(e -> {
            if (!e.getValue().asText().contains("${{")) {
                env.put(e.getKey(), e.getValue().asText());
            }
        });
        return env;
    }

    /** The steps' names (or `uses`) in order. */
    static List<String> stepNames(JsonNode job) {
        List<String> names = new ArrayList<>();
        job.path("steps")
                .forEach(s -> names.add(
                        s.has("name") ? s.get("name").asText() : s.path("uses").asText()));
        return names;
    }

    static int indexOfStepRunning(JsonNode job, String text) {
        int i = 0;
        for (JsonNode step : job.path("steps")) {
            if (step.path("run").asText().contains(text)) {
                return i;
            }
            i++;
        }
        return -1;
    }

    /** Puts the repository's job scripts into {@code workspace}, as a checkout has them under .github/scripts. */
    static void checkOutScripts(Path workspace) throws IOException {
        Path scripts = java.nio.file.Files.createDirectories(workspace.resolve(".github/scripts"));
        try (var files = java.nio.file.Files.list(CliRun.projectDir().resolve(".github/scripts"))) {
            for (Path f : files.toList()) {
                java.nio.file.Files.copy(
                        f,
                        scripts.resolve(f.getFileName()),
                        java.nio.file.StandardCopyOption.COPY_ATTRIBUTES,
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    static List<String> files() {
        return List.of("ci.yml", "pr-env.yml", "promote.yml", "reaper.yml", "fork-notice.yml");
    }
}
