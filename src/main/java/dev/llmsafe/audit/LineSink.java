package dev.llmsafe.audit;

/** Receives the lines of a log in stored order; returning false stops the reading. */
@FunctionalInterface
public interface LineSink {
    /**
     * @param terminated whether the line ended in a newline (a record always does; only an interrupted append
     *                   leaves the last line without one)
     */
    boolean accept(byte[] buffer, int offset, int length, boolean terminated);
}
