package dev.llmsafe.components;

import com.pulumi.core.Output;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Inputs of {@link StateBackend}. Only the project and bucket name are required; everything else has a
 * hardened default.
 *
 * @param writers who reads and writes state objects: a stable key (the environment) to a member such as
 *                {@code serviceAccount:...}; the key names the grant, so grants never shift between members
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
        Map<String, Output<String>> writers) {

    public StateBackendArgs {
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(bucketName, "bucketName");
        Objects.requireNonNull(location, "location");
        if (noncurrentVersionDays < 1) {
            throw new IllegalArgumentException("noncurrentVersionDays must be at least 1, got " + noncurrentVersionDays);
        }
        if (maxNoncurrentVersions < 1) {
            throw new IllegalArgumentException("maxNoncurrentVersions must be at least 1, got " + maxNoncurrentVersions);
        }
        kmsKeyName = kmsKeyName == null ? Optional.empty() : kmsKeyName;
        labels = Map.copyOf(labels == null ? Map.of() : labels);
        writers = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(writers == null ? Map.of() : writers));
    }

    /** Hardened defaults: 30 days and 20 versions of history, adopt an existing bucket, protected. */
    public static StateBackendArgs defaults(String project, String bucketName, String location) {
        return new StateBackendArgs(project, bucketName, location, 30, 20, Optional.empty(), true, true,
                Map.of(), Map.of());
    }

    public StateBackendArgs withWriters(Map<String, Output<String>> members) {
        return new StateBackendArgs(project, bucketName, location, noncurrentVersionDays, maxNoncurrentVersions,
                kmsKeyName, adoptExisting, protect, labels, members);
    }
}
