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
 * @param writers members (e.g. {@code serviceAccount:...}) that read and write state objects
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
        List<Output<String>> writers) {

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
        writers = List.copyOf(writers == null ? List.of() : writers);
    }

    /** Hardened defaults: 30 days and 20 versions of history, adopt an existing bucket, protected. */
    public static StateBackendArgs defaults(String project, String bucketName, String location) {
        return new StateBackendArgs(project, bucketName, location, 30, 20, Optional.empty(), true, true,
                Map.of(), List.of());
    }

    public StateBackendArgs withWriters(List<Output<String>> members) {
        return new StateBackendArgs(project, bucketName, location, noncurrentVersionDays, maxNoncurrentVersions,
                kmsKeyName, adoptExisting, protect, labels, members);
    }
}
