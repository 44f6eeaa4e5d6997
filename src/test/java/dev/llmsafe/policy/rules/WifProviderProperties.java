package dev.llmsafe.policy.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cel.common.CelValidationException;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import dev.llmsafe.components.GithubActionsIdentity;
import dev.llmsafe.policy.Fixtures;
import dev.llmsafe.policy.PlanView;
import dev.llmsafe.policy.PolicyFile;
import dev.llmsafe.policy.PolicyInput;
import dev.llmsafe.stack.StackKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Generated conditions, friendly and hostile, judged by the rule on a plan that carries our ids and then
 * evaluated by CEL the way Google evaluates them: a condition the rule accepts is false (or an error, which
 * Google also refuses) for every token whose repository or owner id is not ours.
 */
class WifProviderProperties {
    private static final String REPO = "712345678";
    private static final String OWNER = "98765432";
    private static final CelCompiler COMPILER = CelCompilerFactory.standardCelCompilerBuilder()
            .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
            .addVar("assertion", MapType.create(SimpleType.STRING, SimpleType.DYN))
            .addVar("attribute", MapType.create(SimpleType.STRING, SimpleType.DYN))
            .build();
    private static final WifProviderRule RULE = new WifProviderRule();
    private static final CelRuntime RUNTIME =
            CelRuntimeFactory.standardCelRuntimeBuilder().build();

    @Property(tries = 1000)
    void anAcceptedConditionAdmitsNoOtherRepository(
            @ForAll("conditions") String condition,
            @ForAll("mappings") Map<String, String> mapping,
            @ForAll("tokens") List<Map<String, Object>> tokens) {
        var provider = WifProviderRuleTest.provider("wif", condition, mapping, GithubActionsIdentity.ISSUER);
        var plan =
                Fixtures.plan(StackKind.PLATFORM, provider).withConfig(Map.of("repositoryId", REPO, "ownerId", OWNER));
        boolean accepted = RULE.check(PolicyInput.builder(PolicyFile.defaults())
                        .plan(PlanView.of(plan))
                        .build())
                .isEmpty();
        Statistics.label("verdict").collect(accepted ? "accepted" : "refused");
        Statistics.label("verdict").coverage(c -> c.check("accepted").percentage(p -> p > 10));
        if (!accepted) {
            return;
        }
        for (Map<String, Object> token : tokens) {
            if (REPO.equals(token.get("repository_id")) && OWNER.equals(token.get("repository_owner_id"))) {
                continue;
            }
            Statistics.label("judged").collect("other repository");
            assertThat(admits(condition, mapping, token))
                    .as("%s admits %s", condition, token)
                    .isFalse();
        }
    }

    /** Whether Google would let the token in: the mapping and the condition evaluate without error to true. */
    private static boolean admits(String condition, Map<String, String> mapping, Map<String, Object> token) {
        try {
            Map<String, Object> attributes = new HashMap<>();
            for (Map.Entry<String, String> e : mapping.entrySet()) {
                if (e.getKey().startsWith("attribute.")) {
                    mapped(e.getValue(), token)
                            .ifPresent(v -> attributes.put(e.getKey().substring("attribute.".length()), v));
                }
            }
            return Boolean.TRUE.equals(evaluate(condition, token, attributes));
        } catch (CelValidationException | CelEvaluationException e) {
            return false; // Google refuses a provider that does not compile and a token whose evaluation fails
        }
    }

    /** A mapped attribute; one whose claim is missing is left unset (the kinder reading, so the harder test). */
    private static Optional<Object> mapped(String source, Map<String, Object> token) throws CelValidationException {
        try {
            return Optional.of(evaluate(source, token, Map.of()));
        } catch (CelEvaluationException e) {
            return Optional.empty();
        }
    }

    private static Object evaluate(String expression, Map<String, Object> token, Map<String, Object> attributes)
            throws CelValidationException, CelEvaluationException {
        var ast = COMPILER.compile(expression).getAst();
        return RUNTIME.createProgram(ast).eval(Map.of("assertion", token, "attribute", attributes));
    }

    @Provide
    Arbitrary<String> conditions() {
        Arbitrary<String> pinned = Combinators.combine(
                        pin("repository_id", REPO),
                        pin("repository_owner_id", OWNER),
                        expression(2).list().ofMaxSize(3),
                        Arbitraries.integers().between(0, 5),
                        suffixes())
                .as((repo, owner, rest, shape, suffix) -> conjunction(repo, owner, rest, shape) + suffix);
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(5, pinned), net.jqwik.api.Tuple.of(1, expression(3)));
    }

    /** The two pins and other conjuncts, in some order and grouping. */
    private static String conjunction(String repo, String owner, List<String> rest, int shape) {
        List<String> parts = new ArrayList<>(rest);
        parts.add(Math.min(shape % 3, parts.size()), repo);
        parts.add(Math.min(shape / 2, parts.size()), owner);
        if (shape == 4 && parts.size() > 2) {
            return "(" + parts.get(0) + " && " + parts.get(1) + ") && ("
                    + String.join(" && ", parts.subList(2, parts.size())) + ")";
        }
        return String.join(" && ", parts);
    }

    /** What an attacker appends to a pinned conjunction. */
    private static Arbitrary<String> suffixes() {
        return Arbitraries.of(
                "",
                "",
                "",
                "",
                " || true",
                " ? true : true",
                " // it's fine\n|| true //'",
                " && true",
                " || assertion.repository_id != ''",
                " && assertion.sub != 'x\\'' || true",
                " // '\n",
                " &&");
    }

    private static Arbitrary<String> pin(String claim, String ours) {
        return Combinators.combine(
                        Arbitraries.of("assertion.", "attribute.", "attribute.", "assertion."),
                        Arbitraries.of(ours, ours, ours, "1", "2", ours + "\\'", ours + " "),
                        Arbitraries.of("'", "\"", "'"),
                        Arbitraries.of(false, false, true))
                .as((root, id, quote, flipped) -> flipped
                        ? quote + id + quote + " == " + root + claim
                        : root + claim + " == " + quote + id + quote);
    }

    private static Arbitrary<String> expression(int depth) {
        Arbitrary<String> atoms = Arbitraries.of(
                "true",
                "false",
                "assertion.ref == 'refs/heads/main'",
                "assertion.sub.startsWith('repo:acme/')",
                "has(assertion.environment)",
                "assertion.repository_id in ['1', '" + REPO + "']",
                "assertion.sub != 'x\\''",
                "assertion.repository_id != ''",
                "attribute.repository_owner_id == '" + OWNER + "'",
                "assertion.repository_id == '" + REPO + "'",
                "assertion.actor == \"it's\"",
                "assertion.missing == 'x'");
        if (depth == 0) {
            return atoms;
        }
        Arbitrary<String> a = expression(depth - 1);
        return Arbitraries.oneOf(
                atoms,
                Combinators.combine(a, a).as((x, y) -> x + " && " + y),
                Combinators.combine(a, a).as((x, y) -> x + " || " + y),
                a.map(x -> "(" + x + ")"),
                a.map(x -> "!(" + x + ")"),
                Combinators.combine(a, a, a).as((x, y, z) -> x + " ? " + y + " : " + z),
                a.map(x -> "['a'].all(v, " + x + ")"),
                Combinators.combine(a, a).as((x, y) -> x + " // it's\n" + y));
    }

    @Provide
    Arbitrary<Map<String, String>> mappings() {
        Map<String, String> ours = GithubActionsIdentity.attributeMapping();
        Map<String, String> constant = new LinkedHashMap<>(ours);
        constant.put("attribute.repository_id", "'" + REPO + "'");
        Map<String, String> swapped = new LinkedHashMap<>(ours);
        swapped.put("attribute.repository_owner_id", "assertion.repository_id");
        return Arbitraries.of(ours, ours, ours, constant, swapped, Map.of("google.subject", "assertion.sub"));
    }

    @Provide
    Arbitrary<List<Map<String, Object>>> tokens() {
        Arbitrary<Map<String, Object>> token = Combinators.combine(
                        Arbitraries.of(REPO, "1", "2", "712345679", "", REPO + " "),
                        Arbitraries.of(OWNER, "1", "2", "98765433", ""),
                        Arbitraries.of("refs/heads/main", "refs/heads/x"),
                        Arbitraries.of("repo:acme/shop:ref:refs/heads/main", "x'", "repo:evil/shop"),
                        Arbitraries.of(true, false))
                .as((repo, owner, ref, sub, withEnvironment) -> {
                    Map<String, Object> t = new HashMap<>();
                    t.put("repository_id", repo);
                    t.put("repository_owner_id", owner);
                    t.put("ref", ref);
                    t.put("sub", sub);
                    t.put("repository", "acme/shop");
                    t.put("actor", "it's");
                    if (withEnvironment) {
                        t.put("environment", "production");
                    }
                    return t;
                });
        return token.list().ofMinSize(1).ofMaxSize(6);
    }
}
