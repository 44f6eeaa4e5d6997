package dev.llmsafe.workflows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one act run reported, read from its {@code --json --verbose} log: each job's result as act decided it
 * ({@code success}, {@code failure}, or {@code skipped} when its {@code if:} was false), each top-level step's
 * result, and what each job printed.
 */
record ActResult(int exit, Path log, Map<String, String> jobs, Map<String, String> steps, Map<String, String> output) {
    private static final ObjectMapper JSON = new ObjectMapper();

    static ActResult read(int exit, Path log) throws IOException {
        Map<String, String> jobs = new LinkedHashMap<>();
        Map<String, String> steps = new LinkedHashMap<>();
        Map<String, StringBuilder> output = new LinkedHashMap<>();
        for (String line : Files.readAllLines(log)) {
            if (!line.startsWith("{")) {
                continue;
            }
            JsonNode entry = JSON.readTree(line);
            String job = entry.path("jobID").asText("");
            if (job.isEmpty()) {
                continue;
            }
            if (entry.has("jobResult")) {
                jobs.put(job, entry.get("jobResult").asText());
            }
            // Composite actions report their inner steps too (stepID of two parts); only the workflow's own count.
            if (entry.has("stepResult")
                    && "Main".equals(entry.path("stage").asText())
                    && entry.path("stepID").size() == 1) {
                steps.put(
                        job + "/" + entry.path("step").asText(),
                        entry.get("stepResult").asText());
            }
            if (entry.path("raw_output").asBoolean(false)) {
                output.computeIfAbsent(job, k -> new StringBuilder())
                        .append(entry.path("msg").asText())
                        .append('\n');
            }
        }
        Map<String, String> printed = new LinkedHashMap<>();
        output.forEach((job, text) -> printed.put(job, text.toString()));
        return new ActResult(exit, log, jobs, steps, printed);
    }

    /** A job's result, or "not planned" when act never considered it. */
    String job(String id) {
        return jobs.getOrDefault(id, "not planned");
    }

    /** A top-level step's result by its name (or its {@code uses:} when it has none), or "not run". */
    String step(String job, String name) {
        return steps.getOrDefault(job + "/" + name, "not run");
    }

    /** The names of a job's steps that ran, in order, with their results. */
    List<String> stepsOf(String job) {
        List<String> names = new ArrayList<>();
        steps.forEach((key, result) -> {
            if (key.startsWith(job + "/")) {
                names.add(key.substring(job.length() + 1) + "=" + result);
            }
        });
        return names;
    }

    String printed(String job) {
        return output.getOrDefault(job, "");
    }

    /** For assertion messages: where the whole log is, and the results. */
    String describe() {
        return "act exit " + exit + ", jobs " + jobs + ", steps " + steps + ", log " + log;
    }
}
