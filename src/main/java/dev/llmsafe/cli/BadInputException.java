package dev.llmsafe.cli;

/**
 * Input the user can fix: a bad value, a missing file, options that do not go together. The message names the bad
 * value and the fix; {@link CliErrorHandler} prints it as {@code llmsafe <command>: <message>} and exits 2.
 */
public final class BadInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BadInputException(String message) {
        super(message);
    }

    public BadInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
