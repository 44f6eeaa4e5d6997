package dev.llmsafe.policy.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.llmsafe.policy.Finding;
import dev.llmsafe.policy.Fixtures;
import dev.llmsafe.policy.PolicyFile;
import dev.llmsafe.policy.input.InputException;
import dev.llmsafe.policy.rules.DependencyPinsRule;
import dev.llmsafe.policy.rules.DeployGatesRule;
import dev.llmsafe.policy.rules.KeylessAuthRule;
import dev.llmsafe.policy.rules.LocalActionsRule;
import dev.llmsafe.policy.rules.ScriptInjectionRule;
import dev.llmsafe.policy.rules.WorkflowPermissionsRule;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * A workflow written with anchors and aliases is the workflow written out: the reader builds the same tree
 * and every workflow rule finds the same violations. Values of every kind (permissions, jobs, steps, scripts,
 * env) are anchored and aliased, some more than once; a merge key anywhere is refused.
 */
class WorkflowAliasProperties {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SHA = "0123456789abcdef0123456789abcdef01234567";
    private static final String[] RUNS = {
        "pulumi up --yes --stack production",
        "pulumi up -s staging",
        "echo hi",
        "pulumi destroy --stack pr-1",
        "echo ${{ github.event.issue.title }}",
        "pulumi up --stack ${{ matrix.s }}"
    };
    private static final String[] USES = {
        "actions/checkout@" + SHA,
        "actions/checkout@v4",
        "google-github-actions/auth@" + SHA,
        "./.github/actions/x",
        "docker://alpine:3"
    };
    private static final String[] LEVELS = {"read", "write", "none"};

    /** A workflow as two YAML texts of one line each: aliased, and the same tree written out. */
    record Pair(String aliased, String expanded, boolean merge) {}

    @Property(tries = 1000)
    void anAliasedWorkflowIsTheWorkflowWrittenOut(@ForAll("workflows") Pair pair) throws Exception {
        if (pair.merge()) {
            Statistics.collect("merge key refused");
            assertThatThrownBy(() -> WorkflowReader.parse(pair.aliased(), "w.yml"))
                    .isInstanceOf(InputException.class)
                    .hasMessageContaining("merge key '<<'");
            return;
        }
        Workflow aliased = WorkflowReader.parse(pair.aliased(), "w.yml");
        Workflow expanded = WorkflowReader.parse(pair.expanded(), "w.yml");
        assertThat(aliased.root()).isEqualTo(expanded.root());
        List<String> found = findings(aliased);
        assertThat(found).isEqualTo(findings(expanded));
        Statistics.collect(found.isEmpty() ? "compliant" : "violations found");
    }

    private static List<String> findings(Workflow w) {
        var input = Fixtures.workflows(PolicyFile.defaults(), w);
        return Stream.of(
                        new DeployGatesRule(),
                        new WorkflowPermissionsRule(),
                        new KeylessAuthRule(),
                        new ScriptInjectionRule(),
                        new DependencyPinsRule(),
                        new LocalActionsRule())
                .flatMap(r -> r.check(input).stream())
                .map(Finding::message)
                .sorted()
                .toList();
    }

    @Provide
    static Arbitrary<Pair> workflows() {
        return Arbitraries.longs().map(seed -> {
            Random r = new Random(seed);
            Map<String, Object> workflow = workflow(r);
            Set<Object> anchored = Collections.newSetFromMap(new IdentityHashMap<>());
            List<Object> defs = new ArrayList<>();
            workflow.values().forEach(v -> collect(v, r, anchored, defs)); // the document itself has no anchor
            boolean merge = r.nextInt(10) == 0 && defs.stream().anyMatch(d -> d instanceof Map);
            Map<Object, String> names = new IdentityHashMap<>();
            StringBuilder aliased = new StringBuilder("{\"x-defs\": [");
            for (int i = 0; i < defs.size(); i++) {
                names.put(defs.get(i), "a" + i);
                aliased.append(i == 0 ? "" : ", ")
                        .append("&a")
                        .append(i)
                        .append(' ')
                        .append(emit(defs.get(i), Map.of()));
            }
            aliased.append("], ");
            String body = emit(workflow, names);
            if (merge) {
                String map = defs.stream()
                        .filter(d -> d instanceof Map)
                        .map(names::get)
                        .findFirst()
                        .orElseThrow();
                body = "{\"<<\": *" + map + ", " + body.substring(1);
            }
            aliased.append(body.substring(1));
            String expanded = "{\"x-defs\": ["
                    + String.join(
                            ", ", defs.stream().map(d -> emit(d, Map.of())).toList()) + "], "
                    + emit(workflow, Map.of()).substring(1);
            return new Pair(aliased.toString(), expanded, merge);
        });
    }

    /** Picks values to anchor: each is written once in x-defs and aliased wherever the tree holds it. */
    private static void collect(Object node, Random r, Set<Object> anchored, List<Object> defs) {
        if (!(node instanceof String) && r.nextInt(4) == 0 && anchored.add(node)) {
            defs.add(node);
            return; // an anchored value is written whole in x-defs; what it holds is not anchored again
        }
        if (node instanceof String && r.nextInt(6) == 0 && anchored.add(node)) {
            defs.add(node);
        } else if (node instanceof Map) {
            ((Map<?, ?>) node).values().forEach(v -> collect(v, r, anchored, defs));
        } else if (node instanceof List) {
            ((List<?>) node).forEach(v -> collect(v, r, anchored, defs));
        }
    }

    /** Flow-style YAML on one line; a value with a name is written as an alias. */
    private static String emit(Object node, Map<Object, String> names) {
        if (names.containsKey(node)) {
            return "*" + names.get(node);
        }
        if (node instanceof Map) {
            List<String> entries = new ArrayList<>();
            ((Map<?, ?>) node).forEach((k, v) -> entries.add(quote((String) k) + ": " + emit(v, names)));
            return "{" + String.join(", ", entries) + "}";
        }
        if (node instanceof List) {
            return "["
                    + String.join(
                            ", ",
                            ((List<?>) node).stream().map(v -> emit(v, names)).toList()) + "]";
        }
        return quote((String) node);
    }

    private static String quote(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static Map<String, Object> workflow(Random r) {
        Map<String, Object> w = new LinkedHashMap<>();
        w.put("on", text(r.nextInt(4) == 0 ? "pull_request_target" : "push"));
        w.put("permissions", permissions(r));
        Map<String, Object> jobs = new LinkedHashMap<>();
        List<Object> made = new ArrayList<>();
        for (int i = 0, n = 1 + r.nextInt(3); i < n; i++) {
            Object job = !made.isEmpty() && r.nextInt(4) == 0 ? made.get(r.nextInt(made.size())) : job(r);
            made.add(job);
            jobs.put("j" + i, job);
        }
        w.put("jobs", jobs);
        return w;
    }

    private static Object permissions(Random r) {
        if (r.nextBoolean()) {
            return text(r.nextBoolean() ? "read-all" : "write-all");
        }
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("contents", text(LEVELS[r.nextInt(LEVELS.length)]));
        if (r.nextBoolean()) {
            p.put("id-token", text(LEVELS[r.nextInt(LEVELS.length)]));
        }
        return p;
    }

    private static Map<String, Object> job(Random r) {
        Map<String, Object> job = new LinkedHashMap<>();
        job.put("runs-on", text("ubuntu-latest"));
        if (r.nextBoolean()) {
            job.put("environment", text(r.nextBoolean() ? "production" : "staging"));
        }
        if (r.nextBoolean()) {
            job.put("permissions", permissions(r));
        }
        if (r.nextBoolean()) {
            job.put("strategy", Map.of("matrix", Map.of("s", List.of(text("staging"), text("production")))));
        }
        List<Object> steps = new ArrayList<>();
        for (int i = 0, n = 1 + r.nextInt(3); i < n; i++) {
            Map<String, Object> step = new LinkedHashMap<>();
            if (r.nextBoolean()) {
                step.put("uses", text(USES[r.nextInt(USES.length)]));
            } else {
                step.put("run", text(RUNS[r.nextInt(RUNS.length)]));
            }
            if (r.nextInt(3) == 0) {
                step.put("env", new LinkedHashMap<>(Map.of("STACK", text("production"))));
            }
            steps.add(step);
        }
        job.put("steps", steps);
        return job;
    }

    /** A string of its own, so that choosing it to anchor picks this occurrence only. */
    private static String text(String s) {
        return new String(s);
    }
}
