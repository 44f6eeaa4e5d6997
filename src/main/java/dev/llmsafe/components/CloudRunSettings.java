package dev.llmsafe.components;

import java.util.Objects;

/**
 * What stack config decides about a Cloud Run service, read by the config reader and handed to
 * {@link CloudRunAppArgs.Builder#settings} whole: a key of the service is added here, in its reader, in its doc row
 * and in a test, and nowhere between.
 *
 * @param minInstances       instances kept warm; 0 for previews, so an idle preview costs nothing
 * @param maxInstances       the cap on instances
 * @param containerPort      the port the app listens on ({@code PORT} is set to it)
 * @param cpu                CPU limit, e.g. {@code 1}
 * @param memory             memory limit, e.g. {@code 512Mi}
 * @param allowPublicInvoker grant {@code allUsers} the invoker role; only when config says so explicitly
 * @param iam                who may call the service ({@link CloudRunApp#INVOKER_ROLE}): users, groups, service
 *                           accounts or domains, never the public
 */
public record CloudRunSettings(
        int minInstances,
        int maxInstances,
        int containerPort,
        String cpu,
        String memory,
        boolean allowPublicInvoker,
        IamMembers iam) {

    public static final String DEFAULT_CPU = "1";
    public static final String DEFAULT_MEMORY = "512Mi";
    public static final int DEFAULT_CONTAINER_PORT = 8080;

    public CloudRunSettings {
        if (minInstances < 0 || maxInstances < 1 || minInstances > maxInstances) {
            throw new IllegalArgumentException("instances must satisfy 0 <= min <= max and max >= 1, got min "
                    + minInstances + " and max " + maxInstances);
        }
        if (containerPort < 1 || containerPort > 65535) {
            throw new IllegalArgumentException("containerPort must be from 1 to 65535, got " + containerPort);
        }
        Objects.requireNonNull(cpu, "cpu");
        Objects.requireNonNull(memory, "memory");
        iam = iam == null ? IamMembers.none() : iam;
    }

    public Builder toBuilder() {
        return builder(minInstances, maxInstances)
                .containerPort(containerPort)
                .cpu(cpu)
                .memory(memory)
                .allowPublicInvoker(allowPublicInvoker)
                .iam(iam);
    }

    public static Builder builder(int minInstances, int maxInstances) {
        return new Builder(minInstances, maxInstances);
    }

    public static final class Builder {
        private int minInstances;
        private int maxInstances;
        private int containerPort = DEFAULT_CONTAINER_PORT;
        private String cpu = DEFAULT_CPU;
        private String memory = DEFAULT_MEMORY;
        private boolean allowPublicInvoker;
        private IamMembers iam = IamMembers.none();

        private Builder(int minInstances, int maxInstances) {
            this.minInstances = minInstances;
            this.maxInstances = maxInstances;
        }

        /** Instances kept warm and the cap on instances. */
        public Builder scaling(int minInstances, int maxInstances) {
            this.minInstances = minInstances;
            this.maxInstances = maxInstances;
            return this;
        }

        public Builder containerPort(int containerPort) {
            this.containerPort = containerPort;
            return this;
        }

        public Builder cpu(String cpu) {
            this.cpu = cpu;
            return this;
        }

        public Builder memory(String memory) {
            this.memory = memory;
            return this;
        }

        public Builder allowPublicInvoker(boolean allowPublicInvoker) {
            this.allowPublicInvoker = allowPublicInvoker;
            return this;
        }

        public Builder iam(IamMembers iam) {
            this.iam = iam;
            return this;
        }

        public CloudRunSettings build() {
            return new CloudRunSettings(
                    minInstances, maxInstances, containerPort, cpu, memory, allowPublicInvoker, iam);
        }
    }
}
