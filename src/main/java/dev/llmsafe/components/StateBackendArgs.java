package dev.llmsafe.components;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Inputs of {@link StateBackend}. The project, bucket name and location are required; everything else has a
 * hardened default. Built with {@link #builder}, whose {@code build()} refuses what can never work.
 *
 * @param iam who reads and writes state objects ({@link StateBackend#WRITER_ROLE}): a stable key (the
 *            environment) to a member such as {@code serviceAccount:...}
 */
public record StateBackendArgs(
        String project,
        String bucketName,
        String location,
        int noncurrentVersionDays,
        int maxNoncurrentVersions,
        Optional<String> kmsKeyName,
        boolean adoptExisting,
        boolean protect,
        Map<String, String> labels,
        IamMembers iam) {

    /** Days a replaced state version is kept. */
    public static final int DEFAULT_NONCURRENT_VERSION_DAYS = 30;
    /** Replaced versions kept per state file. */
    public static final int DEFAULT_MAX_NONCURRENT_VERSIONS = 20;
    /** CI creates the platform's bucket before the first login, so the stack adopts it. */
    public static final boolean DEFAULT_ADOPT_EXISTING = true;

    public static final boolean DEFAULT_PROTECT = true;

    /** The platform stack's own state bucket when config names none: {@code <project>-pulumi-state}. */
    public static String defaultBucketName(String project) {
        return project + "-pulumi-state";
    }

    public StateBackendArgs {
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(bucketName, "bucketName");
        Objects.requireNonNull(location, "location");
        if (noncurrentVersionDays < 1) {
            throw new IllegalArgumentException(
                    "noncurrentVersionDays must be at least 1, got " + noncurrentVersionDays);
        }
        if (maxNoncurrentVersions < 1) {
            throw new IllegalArgumentException(
                    "maxNoncurrentVersions must be at least 1, got " + maxNoncurrentVersions);
        }
        kmsKeyName = kmsKeyName == null ? Optional.empty() : kmsKeyName;
        labels = Map.copyOf(labels == null ? Map.of() : labels);
        iam = iam == null ? IamMembers.none() : iam;
    }

    public static Builder builder(String project, String bucketName, String location) {
        return new Builder(project, bucketName, location);
    }

    /** A builder holding these inputs, to derive another bucket's. */
    public Builder toBuilder() {
        return builder(project, bucketName, location)
                .noncurrentVersionDays(noncurrentVersionDays)
                .maxNoncurrentVersions(maxNoncurrentVersions)
                .kmsKeyName(kmsKeyName)
                .adoptExisting(adoptExisting)
                .protect(protect)
                .labels(labels)
                .iam(iam);
    }

    public static final class Builder {
        private String project;
        private String bucketName;
        private String location;
        private int noncurrentVersionDays = DEFAULT_NONCURRENT_VERSION_DAYS;
        private int maxNoncurrentVersions = DEFAULT_MAX_NONCURRENT_VERSIONS;
        private Optional<String> kmsKeyName = Optional.empty();
        private boolean adoptExisting = DEFAULT_ADOPT_EXISTING;
        private boolean protect = DEFAULT_PROTECT;
        private Map<String, String> labels = Map.of();
        private IamMembers iam = IamMembers.none();

        private Builder(String project, String bucketName, String location) {
            this.project = project;
            this.bucketName = bucketName;
            this.location = location;
        }

        public Builder bucketName(String bucketName) {
            this.bucketName = bucketName;
            return this;
        }

        public Builder noncurrentVersionDays(int days) {
            this.noncurrentVersionDays = days;
            return this;
        }

        public Builder maxNoncurrentVersions(int versions) {
            this.maxNoncurrentVersions = versions;
            return this;
        }

        public Builder kmsKeyName(Optional<String> kmsKeyName) {
            this.kmsKeyName = kmsKeyName;
            return this;
        }

        public Builder adoptExisting(boolean adoptExisting) {
            this.adoptExisting = adoptExisting;
            return this;
        }

        public Builder protect(boolean protect) {
            this.protect = protect;
            return this;
        }

        public Builder labels(Map<String, String> labels) {
            this.labels = labels;
            return this;
        }

        public Builder iam(IamMembers iam) {
            this.iam = iam;
            return this;
        }

        public StateBackendArgs build() {
            return new StateBackendArgs(
                    project,
                    bucketName,
                    location,
                    noncurrentVersionDays,
                    maxNoncurrentVersions,
                    kmsKeyName,
                    adoptExisting,
                    protect,
                    labels,
                    iam);
        }
    }
}
