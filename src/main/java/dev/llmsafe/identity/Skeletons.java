package dev.llmsafe.identity;

import com.ibm.icu.text.SpoofChecker;
import java.util.Locale;

/**
 * Unicode's confusable skeletons (TR39, through ICU): two texts that look alike have the same skeleton. The checker
 * is built on first use only, so commands that never compare agent names do not pay for its data.
 */
final class Skeletons {
    private Skeletons() {}

    private static final class Holder {
        static final SpoofChecker CHECKER = new SpoofChecker.Builder().build();
    }

    /** The skeleton of {@code text}, lower case: look-alike letters and digits read as the letters they imitate. */
    static String of(String text) {
        return Holder.CHECKER.getSkeleton(text).toLowerCase(Locale.ROOT);
    }
}
