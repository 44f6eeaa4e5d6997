package dev.llmsafe.audit;

import java.util.Optional;

/**
 * The outcome of verifying a log: how many records were read in order and intact, the head they end in,
 * and the first break if any (verification stops there).
 */
public record VerifyResult(long records, long headSeq, String headHash, long bytes, Optional<Break> failure) {

    /** The first thing wrong: the seq where it shows, the reason, and what exactly was found. */
    public record Break(long seq, BreakReason reason, String detail) {
        @Override
        public String toString() {
            return "seq " + seq + ": " + reason.phrase() + " (" + detail + ")";
        }
    }

    public boolean intact() {
        return failure.isEmpty();
    }

    /** The head as {@code SEQ:HASH} ({@code 0:000...} for an empty log). */
    public String head() {
        return headSeq + ":" + headHash;
    }
}
