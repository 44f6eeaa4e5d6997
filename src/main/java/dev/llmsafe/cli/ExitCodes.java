package dev.llmsafe.cli;

/** Exit codes shared by every command. */
public final class ExitCodes {
    /** Success; for checks: nothing mandatory failed. */
    public static final int OK = 0;
    /** A check failed: a mandatory policy violation, too few approvers, a broken audit chain. */
    public static final int FAILED = 1;
    /** Bad input or usage, or an error that prevented a verdict. Never a pass. */
    public static final int BAD_INPUT = 2;

    private ExitCodes() {}
}
