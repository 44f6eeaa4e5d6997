package dev.llmsafe.components;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Inputs of {@link AuditTrail}. The project, bucket name and location are required; built with {@link #builder}.
 *
 * @param checkpointBucketName the bucket checkpoints are published to, apart from the log (default: the log's
 *                       bucket name with {@value #CHECKPOINT_SUFFIX})
 * @param retentionDays  how long every record is kept unchangeable (GCS retention policy)
 * @param lockRetention  lock both retention policies: irreversible, see docs/configuration.md
 * @param iam            who appends records ({@link AuditTrail#CREATOR_ROLE} and {@link AuditTrail#READER_ROLE}: create
 *                       and read only), a stable name (e.g. the environment) to each identity's member
 * @param auditors       a {@code group:...} member that reads the log, if any
 * @param logBucketId    the Cloud Logging bucket that keeps the Cloud Audit Logs
 */
public record AuditTrailArgs(
        String project,
        String bucketName,
        String checkpointBucketName,
        String location,
        int retentionDays,
        boolean lockRetention,
        IamMembers iam,
        Optional<String> auditors,
        String logBucketId,
        String logLocation,
        int logRetentionDays,
        Map<String, String> labels) {

    /** The largest GCS retention period the provider's integer field holds, in days (2^31 seconds). */
    public static final int MAX_RETENTION_DAYS = 24_855;

    public static final int MAX_LOG_RETENTION_DAYS = 3_650;
    /** As long as Cloud Logging keeps admin activity. */
    public static final int DEFAULT_RETENTION_DAYS = 400;

    public static final int DEFAULT_LOG_RETENTION_DAYS = 400;
    /** Locking is irreversible, so it is never the default. */
    public static final boolean DEFAULT_LOCK_RETENTION = false;

    public static final String DEFAULT_LOG_BUCKET_ID = "llm-safe-audit";
    public static final String DEFAULT_LOG_LOCATION = "global";
    public static final String CHECKPOINT_SUFFIX = "-checkpoints";
    private static final Pattern GROUP = Pattern.compile("group:[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    /** The audit log's bucket when config names none: {@code <project>-audit-log}. */
    public static String defaultBucketName(String project) {
        return project + "-audit-log";
    }

    /** The checkpoints' bucket when config names none: {@code <project>-audit-checkpoints}. */
    public static String defaultCheckpointBucketName(String project) {
        return project + "-audit-checkpoints";
    }

    public AuditTrailArgs {
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(bucketName, "bucketName");
        Objects.requireNonNull(location, "location");
        checkpointBucketName = checkpointBucketName == null ? bucketName + CHECKPOINT_SUFFIX : checkpointBucketName;
        if (checkpointBucketName.equals(bucketName)) {
            throw new IllegalArgumentException("checkpointBucketName must differ from the log's bucket " + bucketName
                    + ": a checkpoint is only worth what the log's writers cannot rewrite");
        }
        if (retentionDays < 1 || retentionDays > MAX_RETENTION_DAYS) {
            throw new IllegalArgumentException(
                    "retentionDays must be from 1 to " + MAX_RETENTION_DAYS + ", got " + retentionDays);
        }
        if (logRetentionDays < 1 || logRetentionDays > MAX_LOG_RETENTION_DAYS) {
            throw new IllegalArgumentException(
                    "logRetentionDays must be from 1 to " + MAX_LOG_RETENTION_DAYS + ", got " + logRetentionDays);
        }
        auditors = auditors == null ? Optional.empty() : auditors;
        auditors.ifPresent(a -> {
            if (!GROUP.matcher(a).matches()) {
                throw new IllegalArgumentException(
                        "auditors must be a group member such as group:auditors@example.com, " + "got " + a);
            }
        });
        iam = iam == null ? IamMembers.none() : iam;
        Objects.requireNonNull(logBucketId, "logBucketId");
        Objects.requireNonNull(logLocation, "logLocation");
        labels = Map.copyOf(labels == null ? Map.of() : labels);
    }

    public static Builder builder(String project, String bucketName, String location) {
        return new Builder(project, bucketName, location);
    }

    public Builder toBuilder() {
        return builder(project, bucketName, location)
                .checkpointBucketName(checkpointBucketName)
                .retentionDays(retentionDays)
                .lockRetention(lockRetention)
                .iam(iam)
                .auditors(auditors)
                .logBucketId(logBucketId)
                .logLocation(logLocation)
                .logRetentionDays(logRetentionDays)
                .labels(labels);
    }

    public static final class Builder {
        private final String project;
        private final String bucketName;
        private final String location;
        private String checkpointBucketName;
        private int retentionDays = DEFAULT_RETENTION_DAYS;
        private boolean lockRetention = DEFAULT_LOCK_RETENTION;
        private IamMembers iam = IamMembers.none();
        private Optional<String> auditors = Optional.empty();
        private String logBucketId = DEFAULT_LOG_BUCKET_ID;
        private String logLocation = DEFAULT_LOG_LOCATION;
        private int logRetentionDays = DEFAULT_LOG_RETENTION_DAYS;
        private Map<String, String> labels = Map.of();

        private Builder(String project, String bucketName, String location) {
            this.project = project;
            this.bucketName = bucketName;
            this.location = location;
        }

        /** Null for the log's bucket name with {@value #CHECKPOINT_SUFFIX}. */
        public Builder checkpointBucketName(String name) {
            this.checkpointBucketName = name;
            return this;
        }

        public Builder retentionDays(int days) {
            this.retentionDays = days;
            return this;
        }

        public Builder lockRetention(boolean lock) {
            this.lockRetention = lock;
            return this;
        }

        public Builder iam(IamMembers iam) {
            this.iam = iam;
            return this;
        }

        public Builder auditors(Optional<String> group) {
            this.auditors = group;
            return this;
        }

        public Builder logBucketId(String id) {
            this.logBucketId = id;
            return this;
        }

        public Builder logLocation(String location) {
            this.logLocation = location;
            return this;
        }

        public Builder logRetentionDays(int days) {
            this.logRetentionDays = days;
            return this;
        }

        public Builder labels(Map<String, String> labels) {
            this.labels = labels;
            return this;
        }

        public AuditTrailArgs build() {
            return new AuditTrailArgs(
                    project,
                    bucketName,
                    checkpointBucketName,
                    location,
                    retentionDays,
                    lockRetention,
                    iam,
                    auditors,
                    logBucketId,
                    logLocation,
                    logRetentionDays,
                    labels);
        }
    }
}
