package dev.llmsafe.naming;

import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stack names. A pull request's review stack is {@code pr-<N>}: {@code N} a pull request number, 1 to 999999999
 * with no leading zero. That is the one meaning of a review stack's name, for the validator, the offline planner,
 * the reaper and the plan readers alike; the workflow scripts that build or check such names are tested against
 * {@link #REVIEW}.
 */
public final class StackNames {
    /** What every review stack's name starts with. */
    public static final String REVIEW_PREFIX = "pr-";
    /** The pull request number of a review stack's name. */
    public static final String PR_NUMBER = "[1-9][0-9]{0,8}";
    /** A review stack's name, the pull request number as group 1. */
    public static final Pattern REVIEW = Pattern.compile(Pattern.quote(REVIEW_PREFIX) + "(" + PR_NUMBER + ")");
    /** What docs and messages show for a review stack's name. */
    public static final String REVIEW_SHOWN = REVIEW_PREFIX + "<N>";

    private StackNames() {}

    public static boolean isReview(String stack) {
        return stack != null && REVIEW.matcher(stack).matches();
    }

    /** The pull request of a review stack's name; empty for any other name. */
    public static OptionalInt pullRequest(String stack) {
        if (stack == null) {
            return OptionalInt.empty();
        }
        Matcher m = REVIEW.matcher(stack);
        return m.matches() ? OptionalInt.of(Integer.parseInt(m.group(1))) : OptionalInt.empty();
    }

    /** The review stack of pull request {@code prNumber}. */
    public static String review(int prNumber) {
        if (prNumber < 1) {
            throw new IllegalArgumentException("a pull request number is at least 1, got " + prNumber);
        }
        return REVIEW_PREFIX + prNumber;
    }
}
