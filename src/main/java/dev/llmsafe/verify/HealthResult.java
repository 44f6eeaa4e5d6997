package dev.llmsafe.verify;

/**
 * One look at the health endpoint.
 *
 * @param status HTTP status, or 0 when no response arrived
 * @param reason why it is not healthy, or "healthy"
 */
public record HealthResult(boolean healthy, int status, String bodyExcerpt, String reason) {
    static final int EXCERPT_CHARS = 300;

    static String excerpt(String body) {
        String oneLine = body == null ? "" : body.replaceAll("\\s+", " ").strip();
        return oneLine.length() > EXCERPT_CHARS ? oneLine.substring(0, EXCERPT_CHARS) + "..." : oneLine;
    }
}
