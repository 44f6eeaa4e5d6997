package dev.llmsafe.policy.workflow;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a step comes from: the workflow file itself, or a local composite action that a step calls. A
 * composite action's steps see the caller's inputs as {@code ${{ inputs.name }}} and the calling step's
 * environment; the step's text is read with the inputs put in, so a rule judging a script sees what the
 * caller passed (untrusted event text included), not the input's name.
 *
 * @param path   the file the step is written in, for findings
 * @param via    how the step is reached, e.g. {@code ./.github/actions/deploy (step 2 of job build)}; empty for
 *               a step of the workflow itself
 * @param inputs input name to the text the caller passed (or the input's default)
 * @param env    the calling step's environment, which the composite's steps inherit
 * @param chain  the local actions (by folder) the step is reached through, outermost first
 */
public record StepOrigin(
        String path, String via, Map<String, String> inputs, Map<String, String> env, List<String> chain) {
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{\\{(.*?)}}", Pattern.DOTALL);
    private static final Pattern WHOLE_INPUT = Pattern.compile("\\s*inputs\\.([A-Za-z0-9_-]+)\\s*");
    private static final Pattern INPUT = Pattern.compile("(?<![\\w.-])inputs\\.([A-Za-z0-9_-]+)");

    public StepOrigin {
        inputs = Map.copyOf(inputs);
        env = Map.copyOf(env);
        chain = List.copyOf(chain);
    }

    static StepOrigin workflow(String path) {
        return new StepOrigin(path, "", Map.of(), Map.of(), List.of());
    }

    /** How many local actions deep the step is. */
    public int depth() {
        return chain.size();
    }

    public boolean local() {
        return !via.isEmpty();
    }

    /**
     * The text with the caller's inputs put in: {@code ${{ inputs.x }}} becomes the caller's text, and
     * {@code inputs.x} inside a larger expression becomes the caller's expression (or its text, quoted).
     */
    String substitute(String text) {
        if (text == null || !local()) {
            return text;
        }
        Matcher m = EXPRESSION.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String inner = m.group(1);
            Matcher whole = WHOLE_INPUT.matcher(inner);
            String replacement;
            if (whole.matches()) {
                replacement = inputs.getOrDefault(whole.group(1), "");
            } else {
                Matcher in = INPUT.matcher(inner);
                StringBuilder expr = new StringBuilder();
                while (in.find()) {
                    in.appendReplacement(
                            expr, Matcher.quoteReplacement(asExpression(inputs.getOrDefault(in.group(1), ""))));
                }
                in.appendTail(expr);
                replacement = "${{" + expr + "}}";
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** A value as an expression operand: the expressions it holds, or the text as a quoted string. */
    private static String asExpression(String value) {
        List<String> inner = new ArrayList<>();
        Matcher m = EXPRESSION.matcher(value);
        while (m.find()) {
            inner.add("(" + m.group(1).trim() + ")");
        }
        return inner.isEmpty() ? "'" + value.replace("'", "''") + "'" : "(" + String.join(" || ", inner) + ")";
    }
}
