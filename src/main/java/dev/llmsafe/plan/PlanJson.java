package dev.llmsafe.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;

/** The JSON form of a {@link PlanDocument}: what {@code llmsafe plan --format json} prints. */
public final class PlanJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private PlanJson() {}

    public static String write(PlanDocument plan) {
        try {
            return MAPPER.writeValueAsString(plan);
        } catch (IOException e) {
            throw new IllegalStateException("a plan could not be written as JSON: " + e.getMessage(), e);
        }
    }

    /** Parses a plan written by {@link #write}; throws {@link IOException} saying what is wrong. */
    public static PlanDocument read(String json) throws IOException {
        return MAPPER.readValue(json, PlanDocument.class);
    }

    /** Parses a plan already read as a JSON tree (what a reader that detects the format has in hand). */
    public static PlanDocument read(JsonNode tree) throws IOException {
        return MAPPER.treeToValue(tree, PlanDocument.class);
    }
}
