package dev.llmsafe.policy.input;

import java.io.IOException;

/**
 * An input the policy check cannot judge: a plan, diff, workflow or policy file that is missing or malformed.
 * The message names the input (file, line when known) and the problem; {@code llmsafe policy check} exits 2.
 */
public class InputException extends IOException {
    private static final long serialVersionUID = 1L;

    public InputException(String source, String problem) {
        super(source == null || source.isEmpty() ? problem : source + ": " + problem);
    }

    public InputException(String source, String problem, Throwable cause) {
        super(source == null || source.isEmpty() ? problem : source + ": " + problem, cause);
    }
}
