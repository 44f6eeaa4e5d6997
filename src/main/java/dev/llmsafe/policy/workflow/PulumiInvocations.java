package dev.llmsafe.policy.workflow;

import dev.llmsafe.policy.input.YamlNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Pulumi commands a job runs and the stacks they act on, from {@code run:} scripts ({@code pulumi up -s X},
 * {@code --stack=X}, an earlier {@code pulumi stack select X}) and from the {@code pulumi/actions} action
 * ({@code command}, {@code stack-name}). Stack names written as {@code $VAR}, {@code ${{ env.VAR }}},
 * {@code ${{ matrix.X }}} or {@code ${{ inputs.X }}} (choice options) are resolved where the workflow says.
 */
public final class PulumiInvocations {
    public static final Set<String> MUTATING = Set.of("up", "update", "destroy", "refresh", "import");
    private static final Set<String> COMMANDS = Set.of("up", "update", "destroy", "refresh", "import", "preview");
    private static final Pattern PULUMI = Pattern.compile("(?<![\\w/.-])pulumi\\s+([^;&|\\n]*)");
    private static final Pattern ENV_VAR = Pattern.compile("\\$\\{?([A-Za-z_][A-Za-z0-9_]*)}?");
    private static final Pattern EXPRESSION =
            Pattern.compile("\\$\\{\\{\\s*(env|matrix|inputs|github\\.event\\.inputs)\\.([A-Za-z0-9_-]+)\\s*}}");

    private static final Pattern TOKEN =
            Pattern.compile("(?:\\$\\{\\{.*?}}|\"[^\"]*\"|'[^']*'|[^\\s\"'$]|\\$(?!\\{\\{))+");

    private PulumiInvocations() {}

    /**
     * One command. {@code stacks} are the stack names it may act on; {@code unresolved} is the stack text when
     * it could not be resolved (null when resolved or when no stack is named at all); {@code path} and
     * {@code line} say where it is written (the workflow, or a local action the job calls).
     */
    public record Invocation(String command, List<String> stacks, String unresolved, int line, String path) {
        public boolean mutating() {
            return MUTATING.contains(command);
        }

        public boolean deploys() {
            return command.equals("up") || command.equals("update");
        }
    }

    public static List<Invocation> of(WorkflowJob job) {
        List<Invocation> out = new ArrayList<>();
        String selected = null;
        for (WorkflowStep step : job.steps()) {
            if (step.action().map(a -> a.equals("pulumi/actions")).orElse(false)) {
                Map<String, String> with = step.with();
                String command = with.getOrDefault("command", "");
                if (COMMANDS.contains(command)) {
                    out.add(resolve(command, with.get("stack-name"), step, step.line()));
                }
            }
            String script = step.run().orElse(null);
            if (script == null) {
                continue;
            }
            String joined = script.replace("\\\r\n", " ").replace("\\\n", " ");
            Matcher m = PULUMI.matcher(joined);
            while (m.find()) {
                List<String> tokens = tokens(m.group(1));
                int line = step.runLine() + (script.contains("\n") ? 1 + countLines(joined, m.start()) : 0);
                int commandAt = -1;
                for (int i = 0; i < tokens.size(); i++) {
                    String t = tokens.get(i);
                    if (t.equals("stack")
                            && i + 1 < tokens.size()
                            && tokens.get(i + 1).equals("select")) {
                        selected = firstOperand(tokens, i + 2);
                        break;
                    }
                    if (COMMANDS.contains(t)) {
                        commandAt = i;
                        break;
                    }
                }
                if (commandAt >= 0) {
                    String stack = option(tokens, commandAt + 1);
                    out.add(resolve(tokens.get(commandAt), stack == null ? selected : stack, step, line));
                }
            }
        }
        return out;
    }

    private static Invocation resolve(String command, String raw, WorkflowStep step, int line) {
        if (raw == null || raw.isBlank()) {
            return new Invocation(command, List.of(), null, line, step.path());
        }
        String text = raw.trim();
        Matcher expr = EXPRESSION.matcher(text);
        if (expr.matches()) {
            List<String> values = expression(expr.group(1), expr.group(2), step);
            return values.isEmpty()
                    ? new Invocation(command, List.of(), text, line, step.path())
                    : new Invocation(
                            command,
                            values.stream().map(PulumiInvocations::shortName).toList(),
                            null,
                            line,
                            step.path());
        }
        Matcher var = ENV_VAR.matcher(text);
        if (var.matches()) {
            String value = step.env().get(var.group(1));
            return value == null || value.contains("$")
                    ? new Invocation(command, List.of(), text, line, step.path())
                    : new Invocation(command, List.of(shortName(value)), null, line, step.path());
        }
        if (text.contains("$")) {
            return new Invocation(command, List.of(), text, line, step.path());
        }
        return new Invocation(command, List.of(shortName(text)), null, line, step.path());
    }

    private static List<String> expression(String scope, String name, WorkflowStep step) {
        switch (scope) {
            case "env":
                String v = step.env().get(name);
                return v == null || v.contains("$") ? List.of() : List.of(v);
            case "matrix":
                return step.job().matrixValues(name);
            default:
                return step.job()
                        .workflow()
                        .root()
                        .mapping("on")
                        .flatMap(on -> on.mapping("workflow_dispatch"))
                        .flatMap(wd -> wd.mapping("inputs"))
                        .flatMap(in -> in.mapping(name))
                        .map(input -> YamlNode.texts(input.get("options")))
                        .orElse(List.of());
        }
    }

    /** {@code org/project/stack} names the stack {@code stack}. */
    private static String shortName(String stack) {
        String s = stack.trim();
        return s.substring(s.lastIndexOf('/') + 1);
    }

    private static String option(List<String> tokens, int from) {
        for (int i = from; i < tokens.size(); i++) {
            String t = tokens.get(i);
            if ((t.equals("-s") || t.equals("--stack")) && i + 1 < tokens.size()) {
                return tokens.get(i + 1);
            }
            if (t.startsWith("--stack=")) {
                return t.substring("--stack=".length());
            }
            if (t.startsWith("-s") && t.length() > 2 && !t.startsWith("--")) {
                return t.substring(2);
            }
        }
        return null;
    }

    private static String firstOperand(List<String> tokens, int from) {
        for (int i = from; i < tokens.size(); i++) {
            String t = tokens.get(i);
            if (t.equals("--create") || t.equals("-c")) {
                continue;
            }
            if (t.equals("--stack") || t.equals("-s")) {
                return i + 1 < tokens.size() ? tokens.get(i + 1) : null;
            }
            if (!t.startsWith("-")) {
                return t;
            }
        }
        return null;
    }

    /** Shell-like words: quotes joined and removed, {@code ${{ ... }}} kept whole even with spaces inside. */
    static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            out.add(m.group().replace("\"", "").replace("'", ""));
        }
        return out;
    }

    private static int countLines(String text, int end) {
        int n = 0;
        for (int i = 0; i < end && i < text.length(); i++) {
            n += text.charAt(i) == '\n' ? 1 : 0;
        }
        return n;
    }
}
