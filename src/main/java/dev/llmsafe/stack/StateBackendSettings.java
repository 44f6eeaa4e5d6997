package dev.llmsafe.stack;

import java.util.Optional;

/**
 * The GCS bucket that holds Pulumi state ({@code pulumi login gs://<bucketName>}), and the Cloud KMS key ring of
 * the per-environment keys that encrypt stack secrets.
 */
public record StateBackendSettings(
        String bucketName,
        String location,
        int noncurrentVersionDays,
        int maxNoncurrentVersions,
        Optional<String> kmsKeyName,
        boolean adoptExisting,
        boolean protect,
        String stackKeyRing) {
}
