package dev.llmsafe.audit;

/** Why a log fails verification; the phrase is what {@code llmsafe audit verify} prints. */
public enum BreakReason {
    HASH_MISMATCH("hash mismatch"),
    BROKEN_LINK("broken link"),
    GAP("gap"),
    DUPLICATE("duplicate"),
    OUT_OF_ORDER("out of order"),
    NON_CANONICAL("non-canonical"),
    TORN_LINE("torn line"),
    TRUNCATED("tail shorter than the checkpoint"),
    CHECKPOINT_MISMATCH("checkpoint mismatch"),
    MALFORMED("malformed record"),
    INVALID_VALUE("invalid value");

    private final String phrase;

    BreakReason(String phrase) {
        this.phrase = phrase;
    }

    public String phrase() {
        return phrase;
    }
}
