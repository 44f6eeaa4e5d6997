package dev.llmsafe.workflows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which jobs of a workflow run for one event, decided as GitHub decides: jobs in {@code needs} order, each job's
 * {@code if:} evaluated with {@link WorkflowExpression} and, when it calls no status function, with
 * {@code success() &&} in front; a job whose dependency failed or was skipped is skipped unless its condition
 * says otherwise (docs.github.com, "jobs.&lt;job_id&gt;.needs" and "Status check functions").
 */
final class JobRuns {
    private static final Pattern STATUS_FUNCTION = Pattern.compile("(?i)\\b(success|always|failure|cancelled)\\s*\\(");

    private JobRuns() {}

    /** Job id to {@code success}, {@code failure} (it ran, and is one of {@code failing}) or {@code skipped}. */
    static Map<String, String> of(String file, JsonNode github, Set<String> failing) {
        JsonNode jobs = Workflows.load(file).path("jobs");
        Map<String, String> results = new LinkedHashMap<>();
        jobs.fieldNames().forEachRemaining(id -> result(jobs, id, github, failing, results));
        return results;
    }

    private static String result(
            JsonNode jobs, String id, JsonNode github, Set<String> failing, Map<String, String> results) {
        if (results.containsKey(id)) {
            return results.get(id);
        }
        JsonNode job = jobs.path(id);
        ObjectNode needs = JsonNodeFactory.instance.objectNode();
        for (String need : needs(job)) {
            needs.putObject(need)
                    .put("result", result(jobs, need, github, failing, results))
                    .putObject("outputs");
        }
        Set<String> upstream = upstream(jobs, id);
        String condition = job.path("if").asText("");
        if (condition.isBlank()) {
            condition = "success()";
        } else if (!STATUS_FUNCTION.matcher(condition).find()) {
            condition = "success() && (" + unwrap(condition) + ")";
        }
        var contexts = Map.<String, JsonNode>of(
                "github",
                github,
                "needs",
                needs,
                "vars",
                JsonNodeFactory.instance.objectNode(),
                "inputs",
                JsonNodeFactory.instance.objectNode());
        boolean runs =
                ExpressionValues.truthy(WorkflowExpression.evaluate(condition, contexts, status -> switch (status) {
                    case "always" -> true;
                    case "cancelled" -> false;
                    case "failure" -> upstream.stream().anyMatch(u -> "failure".equals(results.get(u)));
                    default -> upstream.stream().allMatch(u -> "success".equals(results.get(u)));
                }));
        String result = !runs ? "skipped" : failing.contains(id) ? "failure" : "success";
        results.put(id, result);
        return result;
    }

    private static String unwrap(String condition) {
        String c = condition.strip();
        return c.startsWith("${{") && c.endsWith("}}") ? c.substring(3, c.length() - 2) : c;
    }

    static List<String> needs(JsonNode job) {
        List<String> out = new ArrayList<>();
        JsonNode needs = job.path("needs");
        if (needs.isTextual()) {
            out.add(needs.asText());
        } else {
            needs.forEach(n -> out.add(n.asText()));
        }
        return out;
    }

    /** Every job this one needs, directly or through others. */
    private static Set<String> upstream(JsonNode jobs, String id) {
        Set<String> seen = new LinkedHashSet<>();
        List<String> todo = new ArrayList<>(needs(jobs.path(id)));
        while (!todo.isEmpty()) {
            String next = todo.remove(todo.size() - 1);
            if (seen.add(next)) {
                todo.addAll(needs(jobs.path(next)));
            }
        }
        return seen;
    }
}
