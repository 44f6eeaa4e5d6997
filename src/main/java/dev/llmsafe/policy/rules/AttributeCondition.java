package dev.llmsafe.policy.rules;

import dev.cel.common.CelIssue;
import dev.cel.common.CelValidationException;
import dev.cel.common.CelValidationResult;
import dev.cel.common.Operator;
import dev.cel.common.ast.CelConstant;
import dev.cel.common.ast.CelExpr;
import dev.cel.parser.CelParser;
import dev.cel.parser.CelParserFactory;
import dev.cel.parser.CelStandardMacro;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a Workload Identity attribute condition pins, read from the syntax tree CEL builds of it (the
 * language Google evaluates it in), so quotes, escapes, comments and precedence mean what they mean there.
 * A condition pins a claim only through a conjunct at the top of the tree: {@code a && b && ...} is false
 * whenever one conjunct is false, whatever the others say; anything else (a top-level {@code ||}, a
 * ternary, a negation, a macro) can be true without the pin.
 */
final class AttributeCondition {
    static final String REPOSITORY_ID = "repository_id";
    static final String OWNER_ID = "repository_owner_id";
    private static final Pattern NUMERIC_ID = Pattern.compile("[1-9][0-9]*");
    private static final CelParser PARSER = CelParserFactory.standardCelParserBuilder()
            .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
            .build();

    /** The ids the condition requires, by claim name; {@code problem} is null when both are pinned. */
    record Pins(Map<String, String> ids, String problem) {
        String repositoryId() {
            return ids.get(REPOSITORY_ID);
        }

        String ownerId() {
            return ids.get(OWNER_ID);
        }
    }

    private AttributeCondition() {}

    /**
     * Reads the pins of {@code condition}; {@code mapping} is the provider's attributeMapping, through which
     * {@code attribute.NAME} stands for the claim it is mapped from.
     */
    static Pins read(String condition, Map<String, String> mapping) {
        CelValidationResult parsed = PARSER.parse(condition);
        CelExpr root;
        try {
            root = parsed.getAst().getExpr();
        } catch (CelValidationException e) {
            return new Pins(Map.of(), "has an attribute condition that is not valid CEL (" + firstError(parsed) + ")");
        }
        String shape = operatorName(root);
        if (shape != null) {
            return new Pins(
                    Map.of(),
                    "has an attribute condition whose top level is " + shape
                            + ", not a conjunction ('&&'), so it can hold without the id checks: " + condition);
        }
        List<CelExpr> conjuncts = new ArrayList<>();
        flatten(root, conjuncts);
        Map<String, String> ids = new LinkedHashMap<>();
        for (CelExpr conjunct : conjuncts) {
            String problem = readPin(conjunct, mapping, ids);
            if (problem != null) {
                return new Pins(ids, "has an attribute condition that " + problem + ": " + condition);
            }
        }
        for (String claim : List.of(REPOSITORY_ID, OWNER_ID)) {
            if (!ids.containsKey(claim)) {
                return new Pins(
                        ids,
                        "has attribute condition '" + condition + "', which does not require a numeric " + claim
                                + " at its top level");
            }
        }
        return new Pins(ids, null);
    }

    /** The conjuncts of nested {@code &&}, in order. */
    private static void flatten(CelExpr e, List<CelExpr> out) {
        if (isCall(e, Operator.LOGICAL_AND)) {
            e.call().args().forEach(a -> flatten(a, out));
        } else {
            out.add(e);
        }
    }

    /** Records a conjunct that pins a claim; null unless it pins one claim to two ids or to a non-id. */
    private static String readPin(CelExpr conjunct, Map<String, String> mapping, Map<String, String> ids) {
        if (!isCall(conjunct, Operator.EQUALS)) {
            return null; // any other conjunct only narrows the condition further
        }
        List<CelExpr> sides = conjunct.call().args();
        for (int i = 0; i < 2; i++) {
            String claim = claim(sides.get(i), mapping);
            if (claim == null) {
                continue;
            }
            String id = stringConstant(sides.get(1 - i));
            if (id == null || !NUMERIC_ID.matcher(id).matches()) {
                return "compares " + claim + " with something other than a numeric id in quotes";
            }
            String earlier = ids.putIfAbsent(claim, id);
            if (earlier != null && !earlier.equals(id)) {
                return "requires " + claim + " to be both '" + earlier + "' and '" + id + "'";
            }
            return null;
        }
        return null;
    }

    /** The pinned claim {@code assertion.NAME} or {@code attribute.NAME} reads, when NAME is one we pin. */
    private static String claim(CelExpr e, Map<String, String> mapping) {
        if (e.getKind() != CelExpr.ExprKind.Kind.SELECT || e.select().testOnly()) {
            return null;
        }
        CelExpr operand = e.select().operand();
        String field = e.select().field();
        if (operand.getKind() != CelExpr.ExprKind.Kind.IDENT
                || !(field.equals(REPOSITORY_ID) || field.equals(OWNER_ID))) {
            return null;
        }
        String root = operand.ident().name();
        if (root.equals("assertion")) {
            return field;
        }
        // attribute.NAME pins the claim only when mapped from the claim itself.
        return root.equals("attribute") && ("assertion." + field).equals(mapping.get("attribute." + field))
                ? field
                : null;
    }

    private static String stringConstant(CelExpr e) {
        return e.getKind() == CelExpr.ExprKind.Kind.CONSTANT && e.constant().getKind() == CelConstant.Kind.STRING_VALUE
                ? e.constant().stringValue()
                : null;
    }

    private static boolean isCall(CelExpr e, Operator op) {
        return e.getKind() == CelExpr.ExprKind.Kind.CALL
                && e.call().target().isEmpty()
                && e.call().function().equals(op.getFunction());
    }

    /** How a root that is not a conjunction reads, for the message; null for a conjunction or a single term. */
    private static String operatorName(CelExpr root) {
        if (isCall(root, Operator.LOGICAL_OR)) {
            return "'||'";
        }
        if (isCall(root, Operator.CONDITIONAL)) {
            return "a ternary ('? :')";
        }
        if (root.getKind() == CelExpr.ExprKind.Kind.COMPREHENSION) {
            return "a macro (all, exists, map, filter)";
        }
        return null;
    }

    private static String firstError(CelValidationResult parsed) {
        List<CelIssue> errors = parsed.getErrors();
        return errors.isEmpty() ? "unreadable" : errors.get(0).getMessage();
    }
}
