package dev.llmsafe.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code run:} step of a workflow job, run the way a GitHub-hosted runner runs it: written to a file and run
 * with {@code bash --noprofile --norc -eo pipefail} in the workspace, with only the environment GitHub documents
 * for every step ({@link DefaultVariables}: {@code CI}, {@code GITHUB_*} and {@code RUNNER_*}, derived from the
 * {@code github} context as docs.github.com's "Variables reference" lists them, plus the runner's HOME and PATH),
 * then the workflow's, the job's and the step's {@code env:}, their {@code ${{ }}} expressions evaluated by
 * {@link WorkflowExpression}. Nothing of the test's own environment leaks in: a variable nobody sets stays unset,
 * as it does on a runner (GitHub exports no token to steps, for one).
 */
final class RunnerStep {
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{\\{(.*?)}}", Pattern.DOTALL);
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    /** The exit code and everything the step printed. */
    record Result(int exit, String output) {}

    private final String file;
    private final String jobId;
    private final JsonNode step;
    private final ObjectNode github;
    private final ObjectNode vars = F.objectNode();
    private final ObjectNode steps = F.objectNode();
    private final ObjectNode inputs = F.objectNode();
    private final ObjectNode needs = F.objectNode();
    private final Map<String, String> exported = new LinkedHashMap<>();
    private final List<Path> path = new ArrayList<>();
    private final Map<String, String> machine = new LinkedHashMap<>();

    private RunnerStep(String file, String jobId, JsonNode step) {
        this.file = file;
        this.jobId = jobId;
        this.step = step;
        this.github = DefaultVariables.githubContext(file, jobId);
    }

    /** The step named {@code stepName} of job {@code jobId} in {@code file}. */
    static RunnerStep of(String file, String jobId, String stepName) {
        for (JsonNode s : Workflows.job(file, jobId).path("steps")) {
            if (stepName.equals(s.path("name").asText())) {
                return new RunnerStep(file, jobId, s);
            }
        }
        throw new AssertionError(file + " job " + jobId + " has no step named " + stepName);
    }

    /** Sets a property of the {@code github} context (and so the default variable GitHub derives from it). */
    RunnerStep github(String key, String value) {
        github.put(key, value);
        return this;
    }

    /** Makes the run's event a pull request event for PR {@code number} ({@code github.event.pull_request}). */
    RunnerStep pullRequest(int number) {
        github.put("event_name", "pull_request");
        ((ObjectNode) github.with("event").with("pull_request")).put("number", number);
        return this;
    }

    /** Sets a configuration variable ({@code vars} context). */
    RunnerStep var(String key, String value) {
        vars.put(key, value);
        return this;
    }

    /** Sets an input of a manually started run ({@code inputs} context). */
    RunnerStep input(String key, boolean value) {
        inputs.put(key, value);
        return this;
    }

    /** Sets an output of an earlier step ({@code steps.<id>.outputs.<name>}). */
    RunnerStep output(String stepId, String name, String value) {
        ((ObjectNode) steps.with(stepId).with("outputs")).put(name, value);
        return this;
    }

    /** Sets how an earlier step ended ({@code steps.<id>.outcome}: success, failure, cancelled or skipped). */
    RunnerStep outcome(String stepId, String value) {
        ((ObjectNode) steps.with(stepId)).put("outcome", value);
        return this;
    }

    /** Sets the result of a job this one needs ({@code needs.<job>.result}). */
    RunnerStep needs(String job, String result) {
        ((ObjectNode) needs.with(job)).put("result", result);
        return this;
    }

    /** A variable an earlier step of the job wrote to {@code $GITHUB_ENV}, which every later step gets. */
    RunnerStep exported(String name, String value) {
        exported.put(name, value);
        return this;
    }

    /** Puts a folder first on PATH: a tool an earlier step installed (setup-java, the Pulumi CLI) or a stand-in. */
    RunnerStep onPath(Path dir) {
        path.add(dir);
        return this;
    }

    /**
     * Sets a variable of the runner machine's own environment, beneath every {@code env:}: how a service the job
     * runs beside it is found, such as a storage emulator's STORAGE_EMULATOR_HOST.
     */
    RunnerStep machine(String key, String value) {
        machine.put(key, value);
        return this;
    }

    /** The environment the step's process gets, with {@code workspace} as GITHUB_WORKSPACE. */
    Map<String, String> environment(Path workspace) throws IOException {
        Path temp = runnerTemp(workspace);
        Map<String, String> env = DefaultVariables.of(github, step, path, workspace, temp);
        env.putAll(machine);
        github.put("workspace", workspace.toString());
        env.putAll(exported);

        // env: of the workflow, then the job, then the step; each sees the env context of the levels above it.
        ObjectNode envContext = F.objectNode();
        for (JsonNode level : List.of(
                Workflows.load(file).path("env"), Workflows.job(file, jobId).path("env"), step.path("env"))) {
            Map<String, String> evaluated = new LinkedHashMap<>();
            level.fields()
                    .forEachRemaining(e ->
                            evaluated.put(e.getKey(), substitute(e.getValue().asText(), envContext, temp)));
            evaluated.forEach(envContext::put);
            env.putAll(evaluated);
        }
        return env;
    }

    /** Runs the step in {@code workspace} (its working-directory, if any, taken from there). */
    Result run(Path workspace) throws IOException, InterruptedException {
        Map<String, String> env = environment(workspace);
        Path script = Files.writeString(
                Path.of(env.get("RUNNER_TEMP")).resolve("step.sh"),
                step.path("run").asText());
        Path dir = workspace.resolve(step.path("working-directory").asText("."));
        Path output = Path.of(env.get("RUNNER_TEMP")).resolve("step.log");
        // A runner gives a step no input; the output goes to a file so a hung step cannot hang the test.
        var pb = new ProcessBuilder("bash", "--noprofile", "--norc", "-eo", "pipefail", script.toString())
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectOutput(output.toFile());
        pb.environment().clear();
        pb.environment().putAll(env);
        Process p = pb.start();
        boolean finished = p.waitFor(120, TimeUnit.SECONDS);
        if (!finished) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
        String out = Files.readString(output, StandardCharsets.UTF_8);
        assertThat(finished).as("the step finished within 2 minutes: " + out).isTrue();
        return new Result(p.exitValue(), out);
    }

    private String substitute(String text, ObjectNode envContext, Path temp) {
        return interpolate(
                text,
                Map.of(
                        "github",
                        github,
                        "vars",
                        vars,
                        "secrets",
                        F.objectNode(),
                        "inputs",
                        inputs,
                        "env",
                        envContext,
                        "steps",
                        steps,
                        "needs",
                        needs,
                        "job",
                        F.objectNode().put("status", "success"),
                        "runner",
                        F.objectNode().put("temp", temp.toString()).put("os", "Linux")));
    }

    /** RUNNER_TEMP of a step run in {@code workspace}: where earlier steps of the job leave their files. */
    static Path runnerTemp(Path workspace) throws IOException {
        return Files.createDirectories(workspace.resolveSibling(workspace.getFileName() + "-runner-temp"));
    }

    /** A value with {@code ${{ }}} expressions in it, as GitHub prints them into text; steps always succeed. */
    static String interpolate(String text, Map<String, JsonNode> contexts) {
        Matcher m = EXPRESSION.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            JsonNode value = WorkflowExpression.evaluate(m.group(1), contexts, status -> "success".equals(status));
            m.appendReplacement(out, Matcher.quoteReplacement(ExpressionValues.text(value)));
        }
        m.appendTail(out);
        return out.toString();
    }
}
