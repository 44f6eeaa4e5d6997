package dev.llmsafe.components;

import com.pulumi.core.Output;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Inputs of {@link AuditTrail}. Only the project, bucket name and location are required.
 *
 * @param checkpointBucketName the bucket checkpoints are published to, apart from the log (default: the log's
 *                       bucket name with {@code -checkpoints})
 * @param retentionDays  how long every record is kept unchangeable (GCS retention policy)
 * @param lockRetention  lock both retention policies: irreversible, see docs/configuration.md
 * @param writers        name (e.g. the environment) to member ({@code serviceAccount:...}) of each identity that
 *                       appends records: create and read only. Resources are named by the key, so keys must be stable
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
        Map<String, Output<String>> writers,
        Optional<String> auditors,
        String logBucketId,
        String logLocation,
        int logRetentionDays,
        Map<String, String> labels) {

    /** The largest GCS retention period the provider's integer field holds, in days (2^31 seconds). */
    public static final int MAX_RETENTION_DAYS = 24_855;
    public static final int MAX_LOG_RETENTION_DAYS = 3_650;
    private static final Pattern GROUP = Pattern.compile("group:[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    public AuditTrailArgs {
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(bucketName, "bucketName");
        Objects.requireNonNull(location, "location");
        checkpointBucketName = checkpointBucketName == null ? bucketName + "-checkpoints" : checkpointBucketName;
        if (checkpointBucketName.equals(bucketName)) {
            throw new IllegalArgumentException("checkpointBucketName must differ from the log's bucket " + bucketName
                    + ": a checkpoint is only worth what the log's writers cannot rewrite");
        }
        if (retentionDays < 1 || retentionDays > MAX_RETENTION_DAYS) {
            throw new IllegalArgumentException("retentionDays must be from 1 to " + MAX_RETENTION_DAYS + ", got "
                    + retentionDays);
        }
        if (logRetentionDays < 1 || logRetentionDays > MAX_LOG_RETENTION_DAYS) {
            throw new IllegalArgumentException("logRetentionDays must be from 1 to " + MAX_LOG_RETENTION_DAYS
                    + ", got " + logRetentionDays);
        }
        auditors = auditors == null ? Optional.empty() : auditors;
        auditors.ifPresent(a -> {
            if (!GROUP.matcher(a).matches()) {
                throw new IllegalArgumentException("auditors must be a group member such as group:auditors@example.com, "
                        + "got " + a);
            }
        });
        writers = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(writers == null ? Map.of() : writers));
        writers.keySet().forEach(k -> {
            if (!k.matches("[a-z0-9][a-z0-9-]{0,30}")) {
                throw new IllegalArgumentException("writer names become resource names: lowercase letters, digits "
                        + "and '-', got " + k);
            }
        });
        logBucketId = logBucketId == null ? "llm-safe-audit" : logBucketId;
        logLocation = logLocation == null ? "global" : logLocation;
        labels = Map.copyOf(labels == null ? Map.of() : labels);
    }

    /** Defaults: 400 days (as long as Cloud Logging keeps admin activity), unlocked, no writers or auditors. */
    public static AuditTrailArgs defaults(String project, String bucketName, String location) {
        return new AuditTrailArgs(project, bucketName, null, location, 400, false, Map.of(), Optional.empty(),
                "llm-safe-audit", "global", 400, Map.of());
    }

    public AuditTrailArgs withWriters(Map<String, Output<String>> members) {
        return new AuditTrailArgs(project, bucketName, checkpointBucketName, location, retentionDays, lockRetention,
                members, auditors,
                logBucketId, logLocation, logRetentionDays, labels);
    }
}
