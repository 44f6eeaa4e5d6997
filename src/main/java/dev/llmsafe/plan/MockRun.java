package dev.llmsafe.plan;

import com.pulumi.Context;
import com.pulumi.resources.Resource;
import com.pulumi.resources.ResourceArgs;
import com.pulumi.resources.ResourceOptions;
import com.pulumi.resources.ResourceTransformation;
import com.pulumi.test.Mocks;
import com.pulumi.test.PulumiTest;
import com.pulumi.test.TestOptions;
import com.pulumi.test.TestResult;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Runs a Pulumi program under the SDK's own mock engine ({@link PulumiTest}) in preview mode and returns what
 * it would register: type, name, URN, parent, provider and inputs of every resource, plus the stack
 * outputs. Used by {@code llmsafe plan} and by the component tests, so both see exactly the same inputs.
 */
public final class MockRun {
    private static final String STACK_TYPE = "pulumi:pulumi:Stack";
    private static final Object LOCK = new Object();

    private MockRun() {}

    /** Why a program could not be planned: its own errors, not a problem of the mock engine. */
    public static final class ProgramFailedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ProgramFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    public static PlanDocument run(
            String project, String stack, String kind, Consumer<Context> program, Collection<String> secretValues) {
        synchronized (LOCK) { // the SDK's mock deployment is one per JVM
            // The SDK's mock logger writes a failed program's stack trace to stderr; the failure is reported to
            // the caller with its message instead, and the SDK's output is shown only when the run succeeds.
            var realErr = System.err;
            var sdkErr = new java.io.ByteArrayOutputStream();
            System.setErr(new java.io.PrintStream(sdkErr, true, java.nio.charset.StandardCharsets.UTF_8));
            boolean succeeded = false;
            var recorder = new Recorder();
            var testOptions = new TestOptions(project, stack, true, List.of(recorder.tracker()));
            TestResult result;
            try {
                result = PulumiTest.withMocks(recorder).withOptions(testOptions).runTest(program);
                if (!result.exceptions().isEmpty() || !result.errors().isEmpty() || result.exitCode() != 0) {
                    Throwable cause = result.exceptions().isEmpty()
                            ? null
                            : rootCause(result.exceptions().get(0));
                    String why =
                            cause != null ? String.valueOf(cause.getMessage()) : String.join("; ", result.errors());
                    throw new ProgramFailedException("the program for stack " + stack + " failed: " + why, cause);
                }
                var redactor = new SecretRedactor(secretValues);
                String stackUrn =
                        "urn:pulumi:" + stack + "::" + project + "::" + STACK_TYPE + "::" + project + "-" + stack;
                var plan = PlanDocument.builder()
                        .source("offline")
                        .project(project)
                        .stack(stack)
                        .kind(kind)
                        .resources(resources(result, recorder, stackUrn, redactor))
                        .outputs(outputs(result, redactor))
                        .build();
                succeeded = true;
                return plan;
            } finally {
                PulumiTest.cleanup();
                System.setErr(realErr);
                if (succeeded) {
                    realErr.print(sdkErr.toString(java.nio.charset.StandardCharsets.UTF_8));
                }
            }
        }
    }

    private static Throwable rootCause(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        return c;
    }

    private static List<PlannedResource> resources(
            TestResult result, Recorder recorder, String stackUrn, SecretRedactor redactor) {
        List<PlannedResource> resources = new ArrayList<>();
        for (Resource resource : result.resources()) {
            String urn = PulumiTest.extractValue(resource.urn());
            if (urn.contains("::" + STACK_TYPE + "::")) {
                continue;
            }
            String type = resource.pulumiResourceType();
            String name = resource.pulumiResourceName();
            Mocks.ResourceArgs registered = recorder.get(type, name);
            ResourceOptions opts = recorder.options.get(resource);
            Resource parent = opts == null ? null : opts.getParent().orElse(null);
            String parentUrn = parent == null ? stackUrn : PulumiTest.extractValue(parent.urn());
            boolean imported = registered != null && registered.id != null && !registered.id.isEmpty();
            boolean protect = opts != null && opts.isProtect();
            String provider = registered == null || registered.provider == null || registered.provider.isEmpty()
                    ? null
                    : registered.provider;
            Map<String, Object> inputs = registered == null ? new TreeMap<>() : new TreeMap<>(registered.inputs);
            for (String secret : SecretInputs.of(recorder.arguments.get(resource))) {
                inputs.computeIfPresent(secret, (k, v) -> PlannedResource.SECRET);
            }
            resources.add(PlannedResource.builder(imported ? "import" : "create", type, name, urn)
                    .parent(parentUrn)
                    .provider(provider)
                    .custom(resource instanceof com.pulumi.resources.CustomResource)
                    .protect(protect)
                    .inputs(redactor.redact(inputs))
                    .build());
        }
        resources.sort(Comparator.comparing(PlannedResource::urn));
        return List.copyOf(resources);
    }

    private static Map<String, Object> outputs(TestResult result, SecretRedactor redactor) {
        Map<String, Object> outputs = new TreeMap<>();
        result.outputs().forEach((k, v) -> outputs.put(k, redactor.redactValue(PulumiTest.extractValue(v))));
        return outputs;
    }

    /**
     * The mocks: deterministic ids and placeholder outputs; remembers what each resource was given, and through
     * {@link #tracker} the options and arguments the SDK registered it with.
     */
    private static final class Recorder implements Mocks {
        private final Map<String, ResourceArgs> registered = new ConcurrentHashMap<>();
        private final Map<Resource, ResourceOptions> options = Collections.synchronizedMap(new IdentityHashMap<>());
        private final Map<Resource, com.pulumi.resources.ResourceArgs> arguments =
                Collections.synchronizedMap(new IdentityHashMap<>());

        ResourceTransformation tracker() {
            return args -> {
                options.put(args.resource(), args.options());
                if (args.args() != null) {
                    arguments.put(args.resource(), args.args());
                }
                return Optional.empty();
            };
        }

        @Override
        public CompletableFuture<ResourceResult> newResourceAsync(ResourceArgs args) {
            registered.put(args.type + "::" + args.name, args);
            Map<String, Object> state = PlaceholderOutputs.of(args.type, args.inputs);
            String id = args.id != null && !args.id.isEmpty()
                    ? args.id
                    : PlaceholderOutputs.id(args.type, args.name, args.inputs);
            return CompletableFuture.completedFuture(ResourceResult.of(Optional.of(id), state));
        }

        @Override
        public CompletableFuture<Map<String, Object>> callAsync(CallArgs args) {
            return CompletableFuture.completedFuture(PlaceholderOutputs.invoke(args.token, args.args));
        }

        ResourceArgs get(String type, String name) {
            return registered.get(type + "::" + name);
        }
    }
}
