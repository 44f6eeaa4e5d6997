package dev.llmsafe.workflows;

import static dev.llmsafe.workflows.ExpressionValues.compare;
import static dev.llmsafe.workflows.ExpressionValues.containsElement;
import static dev.llmsafe.workflows.ExpressionValues.equal;
import static dev.llmsafe.workflows.ExpressionValues.number;
import static dev.llmsafe.workflows.ExpressionValues.text;
import static dev.llmsafe.workflows.ExpressionValues.truthy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * GitHub Actions expressions as docs.github.com ("Evaluate expressions in workflows and actions") defines them:
 * literals, context access ({@code a.b}, {@code a['b']}, the {@code .*} filter), {@code ! < <= > >= == != && ||}
 * with GitHub's precedence, loose equality (numbers after coercion, strings case-insensitively), {@code &&} and
 * {@code ||} returning an operand, and the functions the workflows use. Contexts are JSON; a missing property is
 * null. Status functions come from the caller, since only the run knows them.
 */
final class WorkflowExpression {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private final String text;
    private final Map<String, JsonNode> contexts;
    private final Function<String, Boolean> status;
    private int at;

    private WorkflowExpression(String text, Map<String, JsonNode> contexts, Function<String, Boolean> status) {
        this.text = text;
        this.contexts = contexts;
        this.status = status;
    }

    /** Evaluates one expression ({@code ${{ }}} optional, as in {@code if:}). */
    static JsonNode evaluate(String expression, Map<String, JsonNode> contexts, Function<String, Boolean> status) {
        String body = expression.strip();
        if (body.startsWith("${{") && body.endsWith("}}")) {
            body = body.substring(3, body.length() - 2);
        }
        var parser = new WorkflowExpression(body, contexts, status);
        JsonNode value = parser.or();
        parser.space();
        if (parser.at != body.length()) {
            throw new IllegalArgumentException("unexpected text at " + parser.at + " in: " + body);
        }
        return value;
    }

    private JsonNode or() {
        JsonNode left = and();
        while (eat("||")) {
            JsonNode right = and();
            left = truthy(left) ? left : right;
        }
        return left;
    }

    private JsonNode and() {
        JsonNode left = equality();
        while (eat("&&")) {
            JsonNode right = equality();
            left = truthy(left) ? right : left;
        }
        return left;
    }

    private JsonNode equality() {
        JsonNode left = comparison();
        while (true) {
            if (eat("==")) {
                left = F.booleanNode(equal(left, comparison()));
            } else if (eat("!=")) {
                left = F.booleanNode(!equal(left, comparison()));
            } else {
                return left;
            }
        }
    }

    private JsonNode comparison() {
        JsonNode left = unary();
        while (true) {
            String op = eat("<=") ? "<=" : eat(">=") ? ">=" : eat("<") ? "<" : eat(">") ? ">" : null;
            if (op == null) {
                return left;
            }
            JsonNode right = unary();
            int c = compare(left, right);
            boolean r = c != Integer.MIN_VALUE
                    && switch (op) {
                        case "<" -> c < 0;
                        case "<=" -> c <= 0;
                        case ">" -> c > 0;
                        default -> c >= 0;
                    };
            left = F.booleanNode(r);
        }
    }

    private JsonNode unary() {
        if (eat("!")) {
            return F.booleanNode(!truthy(unary()));
        }
        return postfix(primary());
    }

    private JsonNode postfix(JsonNode value) {
        while (true) {
            space();
            if (eat(".*")) {
                ArrayNode all = F.arrayNode();
                value.elements().forEachRemaining(all::add);
                value = all;
            } else if (peek('.')) {
                at++;
                value = property(value, identifier());
            } else if (eat("[")) {
                JsonNode index = or();
                expect("]");
                value = index.isNumber()
                        ? (value.isArray() ? value.path(index.intValue()) : NullNode.instance)
                        : property(value, text(index));
            } else {
                return value.isMissingNode() ? NullNode.instance : value;
            }
        }
    }

    /** Property access: case-insensitive, and over an array (after {@code .*}) applied to each element. */
    private static JsonNode property(JsonNode value, String name) {
        if (value.isArray()) {
            ArrayNode out = F.arrayNode();
            value.forEach(e -> {
                JsonNode p = property(e, name);
                if (!p.isNull()) {
                    out.add(p);
                }
            });
            return out;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
            var e = it.next();
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return NullNode.instance;
    }

    private JsonNode primary() {
        space();
        if (eat("(")) {
            JsonNode v = or();
            expect(")");
            return v;
        }
        if (peek('\'')) {
            StringBuilder s = new StringBuilder();
            at++;
            while (true) {
                if (at >= text.length()) {
                    throw new IllegalArgumentException("unterminated string in: " + text);
                }
                char c = text.charAt(at++);
                if (c == '\'' && at < text.length() && text.charAt(at) == '\'') {
                    s.append('\'');
                    at++;
                } else if (c == '\'') {
                    return F.textNode(s.toString());
                } else {
                    s.append(c);
                }
            }
        }
        if (at < text.length() && (Character.isDigit(text.charAt(at)) || text.charAt(at) == '-')) {
            int start = at++;
            while (at < text.length()
                    && (Character.isLetterOrDigit(text.charAt(at))
                            || text.charAt(at) == '.'
                            || "+-".indexOf(text.charAt(at)) >= 0 && "eE".indexOf(text.charAt(at - 1)) >= 0)) {
                at++;
            }
            return F.numberNode(number(text.substring(start, at)));
        }
        String name = identifier();
        space();
        if (peek('(')) {
            at++;
            ArrayNode args = F.arrayNode();
            space();
            if (!eat(")")) {
                do {
                    args.add(or());
                } while (eat(","));
                expect(")");
            }
            return call(name.toLowerCase(Locale.ROOT), args);
        }
        return switch (name) {
            case "true" -> F.booleanNode(true);
            case "false" -> F.booleanNode(false);
            case "null" -> NullNode.instance;
            default -> {
                JsonNode context = contexts.get(name);
                if (context == null) {
                    throw new IllegalArgumentException("unknown context " + name + " in: " + text);
                }
                yield context;
            }
        };
    }

    private JsonNode call(String name, ArrayNode args) {
        return switch (name) {
            case "success", "always", "failure", "cancelled" -> F.booleanNode(status.apply(name));
            case "contains" ->
                F.booleanNode(
                        args.get(0).isArray()
                                ? containsElement(args.get(0), args.get(1))
                                : text(args.get(0))
                                        .toLowerCase(Locale.ROOT)
                                        .contains(text(args.get(1)).toLowerCase(Locale.ROOT)));
            case "startswith" ->
                F.booleanNode(text(args.get(0))
                        .toLowerCase(Locale.ROOT)
                        .startsWith(text(args.get(1)).toLowerCase(Locale.ROOT)));
            case "endswith" ->
                F.booleanNode(text(args.get(0))
                        .toLowerCase(Locale.ROOT)
                        .endsWith(text(args.get(1)).toLowerCase(Locale.ROOT)));
            case "join" -> {
                String sep = args.size() > 1 ? text(args.get(1)) : ",";
                if (!args.get(0).isArray()) {
                    yield F.textNode(text(args.get(0)));
                }
                StringBuilder s = new StringBuilder();
                args.get(0).forEach(e -> s.append(s.isEmpty() ? "" : sep).append(text(e)));
                yield F.textNode(s.toString());
            }
            default -> throw new IllegalArgumentException("function " + name + " is not covered here");
        };
    }

    private String identifier() {
        space();
        int start = at;
        while (at < text.length()
                && (Character.isLetterOrDigit(text.charAt(at)) || "_-".indexOf(text.charAt(at)) >= 0)) {
            at++;
        }
        if (start == at) {
            throw new IllegalArgumentException("expected a name at " + at + " in: " + text);
        }
        return text.substring(start, at);
    }

    private void space() {
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
    }

    private boolean peek(char c) {
        return at < text.length() && text.charAt(at) == c;
    }

    private boolean eat(String token) {
        space();
        if (text.startsWith(token, at)) {
            at += token.length();
            return true;
        }
        return false;
    }

    private void expect(String token) {
        if (!eat(token)) {
            throw new IllegalArgumentException("expected '" + token + "' at " + at + " in: " + text);
        }
    }
}
