package dev.llmsafe.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * JSON the real engine printed, kept under {@code src/test/resources/plan/} so the readers' unit tests see the
 * engine's real format in every clone. An engine test compares what the engine prints today with the kept file,
 * and leaves the live output beside the built jar in {@code target/}, to renew the kept file when the engine moves.
 */
final class EngineGolden {
    private static final ObjectMapper JSON = new ObjectMapper();

    private EngineGolden() {}

    /** The kept file {@code /plan/NAME}. */
    static JsonNode read(String name) throws IOException {
        try (InputStream in = EngineGolden.class.getResourceAsStream("/plan/" + name)) {
            if (in == null) {
                throw new IOException("no kept engine output src/test/resources/plan/" + name + "; copy it from "
                        + "target/" + name + " after this test ran");
            }
            return JSON.readTree(in);
        }
    }

    /** Leaves the live output as {@code target/NAME} and returns it parsed. */
    static JsonNode live(String name, String json) throws IOException {
        Files.writeString(Path.of(System.getProperty("llmsafe.jar", "target/x")).resolveSibling(name), json);
        return JSON.readTree(json);
    }
}
