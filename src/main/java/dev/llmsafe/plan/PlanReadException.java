package dev.llmsafe.plan;

import java.io.IOException;

/** A plan file that cannot be read: the message names the file, the place in it and the problem. */
public final class PlanReadException extends IOException {
    private static final long serialVersionUID = 1L;

    public PlanReadException(String source, String problem) {
        super(source + ": " + problem);
    }
}
