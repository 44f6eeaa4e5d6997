package dev.llmsafe.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * What {@code pulumi stack history --json} printed for one stack, to join into a report: the stack the entries
 * belong to (null where not named) and the entries. {@link #NONE} is no history given.
 */
public record StackHistory(String stack, List<JsonNode> entries) {
    public static final StackHistory NONE = new StackHistory(null, List.of());

    public StackHistory {
        entries = List.copyOf(entries);
    }
}
