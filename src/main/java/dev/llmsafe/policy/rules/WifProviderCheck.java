package dev.llmsafe.policy.rules;

import dev.llmsafe.components.GithubActionsIdentity;
import dev.llmsafe.policy.Inputs;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One Workload Identity provider judged as Google reads it: tokens come from GitHub's issuer, every
 * attribute is mapped from the claim of the same name (so an attribute cannot be a constant or another
 * claim in disguise), and the attribute condition pins the numeric repository and owner ids.
 */
final class WifProviderCheck {
    /** The one mapping that is not {@code attribute.NAME} from {@code assertion.NAME}. */
    static final String SUBJECT = "google.subject";

    static final String SUBJECT_CLAIM = "assertion.sub";

    /** The ids the provider pins (empty when it pins none) and what is wrong with it. */
    record Result(Map<String, String> ids, List<String> problems) {}

    private WifProviderCheck() {}

    static Result check(Map<String, Object> inputs) {
        List<String> problems = new ArrayList<>();
        issuerProblem(Inputs.at(inputs, "oidc", "issuerUri"), problems);
        Map<String, String> mapping = mapping(inputs.get("attributeMapping"), problems);
        Object value = inputs.get("attributeCondition");
        String condition = Inputs.string(value);
        if (Inputs.opaque(value)) {
            problems.add("has an attribute condition that is unknown until apply or secret, so it cannot be verified");
        } else if (condition == null || condition.isBlank()) {
            problems.add("has no attribute condition, so any repository's workflows could authenticate");
        } else {
            AttributeCondition.Pins pins = AttributeCondition.read(condition, mapping);
            if (pins.problem() != null) {
                problems.add(pins.problem());
            } else {
                return new Result(pins.ids(), problems);
            }
        }
        return new Result(Map.of(), problems);
    }

    private static void issuerProblem(Object issuer, List<String> problems) {
        if (!GithubActionsIdentity.ISSUER.equals(issuer)) {
            problems.add("trusts issuer " + Inputs.show(issuer) + ", not GitHub Actions' "
                    + GithubActionsIdentity.ISSUER + ", so its claims are not GitHub's");
        }
    }

    /** The mapping as text; each entry that is not a claim under its own name is a problem. */
    private static Map<String, String> mapping(Object value, List<String> problems) {
        if (!(value instanceof Map)) {
            problems.add("has attributeMapping " + Inputs.show(value) + "; map " + SUBJECT + " from " + SUBJECT_CLAIM
                    + " and each attribute.NAME from assertion.NAME");
            return Map.of();
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
            String key = String.valueOf(e.getKey());
            String from = Inputs.string(e.getValue());
            String expected = expectedSource(key);
            if (expected == null || !expected.equals(from)) {
                problems.add("maps " + key + " from " + Inputs.show(e.getValue()) + "; "
                        + (expected == null
                                ? "map only " + SUBJECT + " and attribute.NAME"
                                : "map it from " + expected + " exactly"));
            } else {
                out.put(key, from);
            }
        }
        return out;
    }

    /** The one source a mapped key may have, or null for keys that may not be mapped. */
    static String expectedSource(String key) {
        if (key.equals(SUBJECT)) {
            return SUBJECT_CLAIM;
        }
        String name = key.startsWith("attribute.") ? key.substring("attribute.".length()) : "";
        return name.matches("[a-z][a-z0-9_]*") ? "assertion." + name : null;
    }
}
