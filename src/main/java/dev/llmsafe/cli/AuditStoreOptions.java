package dev.llmsafe.cli;

import com.google.cloud.storage.StorageOptions;
import dev.llmsafe.audit.CheckpointStore;
import dev.llmsafe.audit.GcsCheckpointStore;
import dev.llmsafe.audit.GcsRecordStore;
import dev.llmsafe.audit.LocalCheckpointStore;
import dev.llmsafe.audit.LocalFileStore;
import dev.llmsafe.audit.RecordStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.regex.Pattern;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Where the log is: a local file, or a GCS bucket reached with application default credentials; and where
 * checkpoints are published, by the same means.
 */
public final class AuditStoreOptions {
    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9._-]{1,220}[a-z0-9]");

    @Option(
            names = "--log",
            paramLabel = "FILE",
            defaultValue = "${env:LLMSAFE_AUDIT_LOG:-audit.jsonl}",
            description = "Local log file (default: $LLMSAFE_AUDIT_LOG, else ${DEFAULT-VALUE}).")
    Path log;

    @Option(
            names = "--gcs-bucket",
            paramLabel = "BUCKET",
            defaultValue = "${env:LLMSAFE_AUDIT_BUCKET}",
            description = "Use the log in this GCS bucket instead of a file (default: $LLMSAFE_AUDIT_BUCKET, "
                    + "unless --log is given), with application default credentials, which "
                    + "google-github-actions/auth provides in CI.")
    String bucket;

    /** The command this is mixed into: which of the options were given on its command line. */
    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    /** STORAGE_EMULATOR_HOST is how Google's storage clients are pointed at an emulator; a runner never sets it. */
    @Option(
            names = "--gcs-endpoint",
            paramLabel = "URL",
            hidden = true,
            defaultValue = "${env:STORAGE_EMULATOR_HOST}",
            description = "Storage JSON API endpoint, for emulators and tests (default: $STORAGE_EMULATOR_HOST).")
    String endpoint;

    /** The log, which must exist already: a typo in --log or --gcs-bucket must not read as an intact, empty log. */
    RecordStore openExisting() throws java.io.IOException {
        RecordStore store = open();
        String absence = store.absence();
        if (absence != null) {
            throw new BadInputException(noLog(store, absence) + "; pass --log FILE or --gcs-bucket BUCKET "
                    + "(or set LLMSAFE_AUDIT_LOG / LLMSAFE_AUDIT_BUCKET)");
        }
        return store;
    }

    /** The first half of every "no log here" message: where, and why it is no log. */
    static String noLog(RecordStore store, String absence) {
        return "no audit log at " + store.describe() + ": " + absence;
    }

    /**
     * The store named: an explicit --log beats $LLMSAFE_AUDIT_BUCKET (a user who names a file means the file), and
     * naming both on one command line is an error, not a silent choice of one.
     */
    RecordStore open() {
        boolean logGiven = given("--log");
        if (logGiven && given("--gcs-bucket")) {
            throw new BadInputException(
                    "--log " + log + " and --gcs-bucket " + bucket + " name two logs; pass one of them");
        }
        if (logGiven || bucket == null || bucket.isBlank()) {
            if (java.nio.file.Files.isDirectory(log)) {
                throw new BadInputException("--log " + log + ": a folder, not a file; name the log file, " + "e.g. "
                        + log.resolve("audit.jsonl"));
            }
            return new LocalFileStore(log);
        }
        String name = bucket.startsWith("gs://") ? bucket.substring(5).replaceAll("/+$", "") : bucket;
        if (!BUCKET.matcher(name).matches()) {
            throw new BadInputException("--gcs-bucket '" + bucket + "' is not a bucket name; pass the name "
                    + "only, e.g. acme-shop-audit-log");
        }
        return new GcsRecordStore(storage(), name, Clock.systemUTC());
    }

    /**
     * A checkpoint store named on the command line ({@code option} says which): {@code gs://BUCKET} for the
     * checkpoint bucket, anything else a local folder.
     */
    CheckpointStore checkpoints(String spec, String option) {
        if (spec == null || spec.isBlank()) {
            throw new BadInputException(option + " needs a store: gs://BUCKET (the checkpoint bucket) or a folder");
        }
        if (!spec.startsWith("gs://")) {
            return new LocalCheckpointStore(Path.of(spec));
        }
        // gs://BUCKET, also as the store describes itself: gs://BUCKET/checkpoints/
        String name = spec.substring(5)
                .replaceAll("/+$", "")
                .replaceAll("/" + GcsCheckpointStore.PREFIX.replace("/", "") + "$", "");
        if (!BUCKET.matcher(name).matches()) {
            throw new BadInputException(option + " '" + spec + "' does not name a bucket; pass gs://BUCKET, "
                    + "e.g. gs://acme-shop-audit-checkpoints");
        }
        return new GcsCheckpointStore(storage(), name);
    }

    /** Application default credentials, or the test endpoint without any. */
    private com.google.cloud.storage.Storage storage() {
        StorageOptions.Builder options = StorageOptions.http();
        if (endpoint != null && !endpoint.isBlank()) {
            options.setHost(endpoint.contains("://") ? endpoint : "http://" + endpoint)
                    .setCredentials(com.google.cloud.NoCredentials.getInstance())
                    .setProjectId("emulator");
        }
        return options.build().getService();
    }

    private boolean given(String option) {
        return mixee != null
                && mixee.commandLine() != null
                && mixee.commandLine().getParseResult() != null
                && mixee.commandLine().getParseResult().hasMatchedOption(option);
    }
}
