package dev.llmsafe.comment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Reads the evidence files a workflow run left behind; a missing file is a stage that was not reached. */
public final class EvidenceReader {
    private static final ObjectMapper JSON = new ObjectMapper();

    private EvidenceReader() {
    }

    /** A JSON file if it exists; a file that exists but is not JSON is an input error naming it. */
    public static Optional<JsonNode> json(Path file) throws IOException {
        if (file == null || !Files.isRegularFile(file) || Files.size(file) == 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readTree(file.toFile()));
        } catch (IOException e) {
            throw new IOException(file + " is not JSON: " + e.getMessage().lines().findFirst().orElse(""), e);
        }
    }

    public static Optional<String> text(Path file) throws IOException {
        if (file == null || !Files.isRegularFile(file)) {
            return Optional.empty();
        }
        return Optional.of(Files.readString(file, StandardCharsets.UTF_8)).filter(t -> !t.isBlank());
    }

    /** {@code name=outcome} lines, as .github/scripts/run-if-present.sh writes them. */
    public static Map<String, String> checks(Path file) throws IOException {
        Map<String, String> checks = new LinkedHashMap<>();
        for (String line : text(file).orElse("").split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                checks.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
            }
        }
        return checks;
    }
}
