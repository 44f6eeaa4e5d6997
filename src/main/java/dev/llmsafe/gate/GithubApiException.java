package dev.llmsafe.gate;

/** The GitHub API could not give an answer; the message says what is wrong and how to fix it. Never a pass. */
public final class GithubApiException extends Exception {
    private static final long serialVersionUID = 1L;

    public GithubApiException(String message) {
        super(message);
    }

    public GithubApiException(String message, Throwable cause) {
        super(message, cause);
    }
}
