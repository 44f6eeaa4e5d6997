package dev.llmsafe.audit;

import com.google.cloud.storage.Blob;
import com.google.cloud.storage.BlobId;
import com.google.cloud.storage.BlobInfo;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Checkpoints in their own GCS bucket ({@code checkpoints/000000000042.checkpoint}), created with a
 * does-not-exist precondition. The bucket's retention policy, locked outside review, and writers that may
 * create objects but not delete them (AuditTrail) mean no one, the log's writers included, can remove or
 * replace a checkpoint once published.
 */
public final class GcsCheckpointStore implements CheckpointStore {
    public static final String PREFIX = "checkpoints/";
    private static final int PRECONDITION_FAILED = 412;

    private final Storage storage;
    private final String bucket;

    public GcsCheckpointStore(Storage storage, String bucket) {
        this.storage = storage;
        this.bucket = bucket;
    }

    @Override
    public String describe() {
        return "gs://" + bucket + "/" + PREFIX;
    }

    @Override
    public void publish(Checkpoint checkpoint) throws IOException {
        BlobId id = BlobId.of(bucket, PREFIX + CheckpointStore.name(checkpoint.seq()));
        try {
            storage.create(
                    BlobInfo.newBuilder(id).setContentType("text/plain").build(),
                    CheckpointStore.content(checkpoint),
                    Storage.BlobTargetOption.doesNotExist());
        } catch (StorageException e) {
            if (e.getCode() != PRECONDITION_FAILED) {
                throw new IOException(
                        "cannot publish checkpoint " + checkpoint + " to " + describe() + ": " + e.getMessage(), e);
            }
            Checkpoint existing = read(id.getName(), bytes(id));
            if (!existing.equals(checkpoint)) {
                throw CheckpointStore.conflict(describe(), existing, checkpoint);
            }
        }
    }

    @Override
    public List<Checkpoint> list() throws IOException {
        List<Checkpoint> out = new ArrayList<>();
        try {
            for (Blob blob :
                    storage.list(bucket, Storage.BlobListOption.prefix(PREFIX)).iterateAll()) {
                out.add(read(blob.getName(), blob.getContent()));
            }
        } catch (StorageException e) {
            throw new IOException("cannot read " + describe() + ": " + e.getMessage(), e);
        }
        out.sort(Comparator.comparingLong(Checkpoint::seq));
        return out;
    }

    private Checkpoint read(String objectName, byte[] content) throws IOException {
        return CheckpointStore.read(objectName.substring(PREFIX.length()), content, describe());
    }

    private byte[] bytes(BlobId id) throws IOException {
        try {
            return storage.readAllBytes(id);
        } catch (StorageException e) {
            throw new IOException("cannot read " + id.getName() + " from " + describe() + ": " + e.getMessage(), e);
        }
    }
}
