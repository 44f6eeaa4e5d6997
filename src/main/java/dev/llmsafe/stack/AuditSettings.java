package dev.llmsafe.stack;

import java.util.Optional;

/**
 * The audit trail of the platform stack: the write-once bucket of audit records and the Logging bucket of
 * Cloud Audit Logs. Keys are described in docs/configuration.md, "Audit trail".
 *
 * @param checkpointBucketName the write-once bucket CI publishes checkpoints to, apart from the log
 * @param lockRetention locks every retention policy; irreversible
 * @param auditorsGroup a {@code group:...} member with read access, if configured
 */
public record AuditSettings(
        String bucketName,
        String checkpointBucketName,
        String location,
        int retentionDays,
        boolean lockRetention,
        Optional<String> auditorsGroup,
        String logBucketId,
        String logLocation,
        int logRetentionDays) {
}
