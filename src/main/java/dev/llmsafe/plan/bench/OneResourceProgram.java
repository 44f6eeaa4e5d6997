package dev.llmsafe.plan.bench;

/**
 * The smallest Pulumi Java program, one resource under the SDK's mocks, as a process of its own: what
 * {@code llmsafe bench startup} holds a command's whole run against.
 */
public final class OneResourceProgram {
    private OneResourceProgram() {}

    public static void main(String[] args) {
        PlanBenchmark.emptyResources(1);
    }
}
