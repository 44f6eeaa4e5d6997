package dev.llmsafe.comment;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** What a workflow step did, in GitHub's words ({@code steps.<id>.outcome}). */
public enum StepOutcome {
    SUCCESS,
    FAILURE,
    CANCELLED,
    SKIPPED;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<StepOutcome> parse(String id) {
        return Arrays.stream(values()).filter(o -> o.id().equals(id)).findFirst();
    }

    public static String ids() {
        return Arrays.stream(values()).map(StepOutcome::id).collect(Collectors.joining(", "));
    }
}
