package dev.llmsafe.comment;

import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The stages of a preview run whose evidence the comment shows, each read from one option. Whether a stage ran
 * is said by the workflow ({@code --outcome STAGE=OUTCOME}), never guessed from a missing file.
 */
public enum Stage {
    OUTPUTS("--outputs", "the output of `pulumi stack output --json` (a JSON object with url and runtimeTarget)"),
    PREVIEW(
            "--preview",
            "the output of `pulumi preview --json` or `llmsafe plan --format json` (a JSON object "
                    + "with steps, changeSummary, resources or diagnostics)"),
    POLICY(
            "--policy",
            "the output of `llmsafe policy check --format json` (a JSON object with result, summary "
                    + "and verdicts)"),
    VERIFY("--verify", "what `llmsafe verify` printed (a line starting with healthy or not healthy)"),
    CHECKS("--checks", "name=outcome lines (outcome passed, failed or absent), as run-if-present.sh writes them"),
    REVIEWS(
            "--reviews",
            "the pull request's reviews from GET /repos/OWNER/REPO/pulls/N/reviews (a JSON array "
                    + "of objects with user and state)"),
    AUDIT("--audit-hash", "SEQ:HASH as `llmsafe audit append` prints it");

    private final String option;
    private final String expected;

    Stage(String option, String expected) {
        this.option = option;
        this.expected = expected;
    }

    public String option() {
        return option;
    }

    /** What the option's input must be, for messages. */
    public String expected() {
        return expected;
    }

    /** The name used in {@code --outcome}: the option without its dashes. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Stage> parse(String id) {
        return Arrays.stream(values()).filter(s -> s.id().equals(id)).findFirst();
    }

    /** The ids, for picocli's ${COMPLETION-CANDIDATES} in help text. */
    public static final class Ids implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(values()).map(Stage::id).iterator();
        }
    }

    public static String ids() {
        return Arrays.stream(values()).map(Stage::id).collect(Collectors.joining(", "));
    }
}
