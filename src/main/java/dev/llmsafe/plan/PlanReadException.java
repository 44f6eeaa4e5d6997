package dev.llmsafe.plan;

import java.io.IOException;

/** A plan file that cannot be read: the message names the file, the place in it and the problem. */
public final class PlanReadException extends IOException {
    private static final long serialVersionUID = 1L;

    public PlanReadException(String source, String problem) {
        super(source + ": " + problem);
    }

    /** A plan file that is not JSON at all, as the shared file reader words it. */
    public PlanReadException(dev.llmsafe.policy.input.InputException notJson) {
        super(notJson.getMessage(), notJson);
    }
}
