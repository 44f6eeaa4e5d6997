package dev.llmsafe.stack;

import dev.llmsafe.components.AuditTrailArgs;
import dev.llmsafe.components.StateBackendArgs;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reads the audit trail's keys (part of the one validator, {@link StackSettingsReader}). */
final class AuditSettingsReader {
    static final Pattern GROUP = Pattern.compile("group:[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");
    static final Pattern LOG_BUCKET = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9_.-]{0,99}");
    static final Pattern LOG_LOCATION = Pattern.compile("global|[a-z]+(-[a-z]+[0-9]+)?");
    static final String LOCK_FIX = "must be true or false. true locks the retention of the audit bucket and the "
            + "audit Logging bucket, and locking is irreversible: the retention can never be shortened or removed "
            + "again, and neither bucket can be deleted before every record in it has aged out";

    private AuditSettingsReader() {}

    /** The audit trail's inputs; writers and labels are the program's to add. */
    static AuditTrailArgs.Builder read(ConfigReader in, String project, String region) {
        String state =
                in.raw("stateBucket").orElse(project == null ? null : StateBackendArgs.defaultBucketName(project));
        String bucket = in.optional(
                "auditBucket",
                project == null ? null : AuditTrailArgs.defaultBucketName(project),
                PlatformSettingsReader.BUCKET,
                "must be a GCS bucket name: 3-63 characters, lowercase letters, "
                        + "digits, '-' and '_', starting and ending with a letter or digit, and not the state bucket");
        if (bucket != null && bucket.equals(state)) {
            in.problem(
                    "auditBucket",
                    bucket,
                    "must differ from the state bucket: the audit log is write-once, "
                            + "state is rewritten on every update");
        }
        String checkpoints = in.optional(
                "auditCheckpointBucket",
                project == null ? null : AuditTrailArgs.defaultCheckpointBucketName(project),
                PlatformSettingsReader.BUCKET,
                "must be a GCS bucket name: 3-63 characters, lowercase letters, digits, "
                        + "'-' and '_', starting and ending with a letter or digit");
        if (checkpoints != null && (checkpoints.equals(bucket) || checkpoints.equals(state))) {
            in.problem(
                    "auditCheckpointBucket",
                    checkpoints,
                    "must differ from the audit and state buckets: a "
                            + "checkpoint is only worth what the log's writers cannot rewrite");
        }
        String location = in.optional(
                "auditBucketLocation",
                region == null ? null : region.toUpperCase(Locale.ROOT),
                PlatformSettingsReader.LOCATION,
                "must be a GCS location: a region (us-central1), dual-region or " + "multi-region (EU, US)");
        return AuditTrailArgs.builder(project, bucket, location == null ? null : location.toUpperCase(Locale.ROOT))
                .checkpointBucketName(checkpoints)
                .retentionDays(in.integer(
                        "auditRetentionDays",
                        AuditTrailArgs.DEFAULT_RETENTION_DAYS,
                        1,
                        AuditTrailArgs.MAX_RETENTION_DAYS,
                        "days every audit record stays unchangeable"))
                .lockRetention(lock(in))
                .auditors(Optional.ofNullable(in.optional(
                        "auditorsGroup",
                        null,
                        GROUP,
                        "must be a Google group as an IAM member, e.g. group:auditors@example.com")))
                .logBucketId(in.optional(
                        "auditLogBucket",
                        AuditTrailArgs.DEFAULT_LOG_BUCKET_ID,
                        LOG_BUCKET,
                        "must be a Logging bucket id: up to 100 letters, digits, '_', '-' and '.'"))
                .logLocation(in.optional(
                        "auditLogLocation",
                        AuditTrailArgs.DEFAULT_LOG_LOCATION,
                        LOG_LOCATION,
                        "must be global or a region such as europe-west4"))
                .logRetentionDays(in.integer(
                        "auditLogRetentionDays",
                        AuditTrailArgs.DEFAULT_LOG_RETENTION_DAYS,
                        1,
                        AuditTrailArgs.MAX_LOG_RETENTION_DAYS,
                        "days Cloud Audit Logs are kept"));
    }

    private static boolean lock(ConfigReader in) {
        Optional<String> raw = in.raw("auditLockRetention");
        in.declareDefault("auditLockRetention", AuditTrailArgs.DEFAULT_LOCK_RETENTION);
        if (raw.isEmpty()) {
            return AuditTrailArgs.DEFAULT_LOCK_RETENTION;
        }
        switch (raw.get().trim()) {
            case "true":
                return true;
            case "false":
                return false;
            default:
                in.problem("auditLockRetention", raw.get(), LOCK_FIX);
                return false;
        }
    }
}
