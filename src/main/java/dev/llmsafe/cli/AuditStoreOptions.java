package dev.llmsafe.cli;

import com.google.cloud.storage.StorageOptions;
import dev.llmsafe.audit.GcsRecordStore;
import dev.llmsafe.audit.LocalFileStore;
import dev.llmsafe.audit.RecordStore;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Clock;
import java.util.regex.Pattern;

/** Where the log is: a local file, or a GCS bucket reached with application default credentials. */
public final class AuditStoreOptions {
    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9._-]{1,220}[a-z0-9]");

    @Option(names = "--log", paramLabel = "FILE", defaultValue = "${env:LLMSAFE_AUDIT_LOG:-audit.jsonl}",
            description = "Local log file (default: $LLMSAFE_AUDIT_LOG, else ${DEFAULT-VALUE}).")
    Path log;

    @Option(names = "--gcs-bucket", paramLabel = "BUCKET", defaultValue = "${env:LLMSAFE_AUDIT_BUCKET}",
            description = "Use the log in this GCS bucket instead of a file (default: $LLMSAFE_AUDIT_BUCKET), "
                    + "with application default credentials, which google-github-actions/auth provides in CI.")
    String bucket;

    @Option(names = "--gcs-endpoint", paramLabel = "URL", hidden = true,
            description = "Storage JSON API endpoint, for emulators and tests.")
    String endpoint;

    /** The log, which must exist already: a typo in --log must not read as an intact, empty log. */
    RecordStore openExisting() {
        if ((bucket == null || bucket.isBlank()) && !java.nio.file.Files.exists(log)) {
            throw new IllegalArgumentException("no audit log at " + log.toAbsolutePath() + "; pass --log FILE or "
                    + "--gcs-bucket BUCKET (or set LLMSAFE_AUDIT_LOG / LLMSAFE_AUDIT_BUCKET)");
        }
        return open();
    }

    RecordStore open() {
        if (bucket == null || bucket.isBlank()) {
            if (java.nio.file.Files.isDirectory(log)) {
                throw new IllegalArgumentException("--log " + log + ": a folder, not a file; name the log file, "
                        + "e.g. " + log.resolve("audit.jsonl"));
            }
            return new LocalFileStore(log);
        }
        String name = bucket.startsWith("gs://") ? bucket.substring(5).replaceAll("/+$", "") : bucket;
        if (!BUCKET.matcher(name).matches()) {
            throw new IllegalArgumentException("--gcs-bucket '" + bucket + "' is not a bucket name; pass the name "
                    + "only, e.g. acme-shop-audit-log");
        }
        StorageOptions.Builder options = StorageOptions.http();
        if (endpoint != null) {
            options.setHost(endpoint).setCredentials(com.google.cloud.NoCredentials.getInstance())
                    .setProjectId("emulator");
        }
        return new GcsRecordStore(options.build().getService(), name, Clock.systemUTC());
    }
}
