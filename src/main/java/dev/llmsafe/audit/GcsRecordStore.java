package dev.llmsafe.audit;

import com.google.cloud.storage.Blob;
import com.google.cloud.storage.BlobId;
import com.google.cloud.storage.BlobInfo;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageException;
import java.io.IOException;
import java.time.Clock;
import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * The log in a GCS bucket, one object per record ({@code records/000000000042.json}, holding the record's line
 * and its newline, so {@code gcloud storage cat 'gs://BUCKET/records/*'} yields the JSON Lines file).
 * Every object is created with a does-not-exist precondition: a record is never overwritten, and two
 * appenders racing for one seq cannot both win; the loser re-reads the head and tries the next seq.
 */
public final class GcsRecordStore implements RecordStore {
    public static final String PREFIX = "records/";
    private static final Pattern OBJECT = Pattern.compile("records/[0-9]{12}\\.json");
    private static final int MAX_ATTEMPTS = 25;
    private static final int PRECONDITION_FAILED = 412;

    private final Storage storage;
    private final String bucket;
    private final Clock clock;
    private volatile long headHint; // a seq known to exist: the head search starts there

    public GcsRecordStore(Storage storage, String bucket, Clock clock) {
        this.storage = storage;
        this.bucket = bucket;
        this.clock = clock;
    }

    public static String objectName(long seq) {
        return String.format("%s%012d.json", PREFIX, seq);
    }

    @Override
    public String describe() {
        return "gs://" + bucket + "/" + PREFIX;
    }

    @Override
    public AuditRecord append(RecordDraft draft) throws IOException {
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            LogHead head = head();
            RecordCodec.Sealed sealed = RecordCodec.seal(draft, head.seq() + 1, head.hash(), clock.instant());
            byte[] content = Arrays.copyOf(sealed.line(), sealed.line().length + 1);
            content[content.length - 1] = '\n';
            BlobInfo info = BlobInfo.newBuilder(BlobId.of(bucket, objectName(head.seq() + 1)))
                    .setContentType("application/json")
                    .build();
            try {
                storage.create(info, content, Storage.BlobTargetOption.doesNotExist());
                headHint = head.seq() + 1;
                return sealed.record();
            } catch (StorageException e) {
                if (e.getCode() != PRECONDITION_FAILED) {
                    throw new IOException(
                            "cannot write " + objectName(head.seq() + 1) + " to " + describe() + ": " + e.getMessage(),
                            e);
                }
                backOff(attempt); // another appender took this seq: re-read the head and try the next one
            }
        }
        throw new IOException("gave up appending to " + describe() + " after " + MAX_ATTEMPTS + " attempts: "
                + "other appenders took every seq tried");
    }

    private static void backOff(int attempt) throws IOException {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, 10L * Math.min(attempt, 10)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while appending", e);
        }
    }

    /** Listing one object tells records from none; a seq-1 lookup would call a log missing its first one empty. */
    @Override
    public String absence() throws IOException {
        try {
            var page = storage.list(bucket, Storage.BlobListOption.prefix(PREFIX), Storage.BlobListOption.pageSize(1));
            return page.getValues().iterator().hasNext() ? null : "the bucket holds no record";
        } catch (StorageException e) {
            throw new IOException("cannot read " + describe() + ": " + e.getMessage(), e);
        }
    }

    /**
     * The last record, found with O(log n) existence checks (gallop up from a known seq, then bisect) rather
     * than listing every object. Seqs have no gaps in an intact log; verify reports any.
     */
    @Override
    public LogHead head() throws IOException {
        long known = headHint > 0 && exists(headHint) ? headHint : 0;
        if (known == 0 && !exists(1)) {
            return LogHead.EMPTY;
        }
        known = Math.max(known, 1);
        long step = 1;
        long missing = known + step;
        while (exists(missing)) {
            known = missing;
            step *= 2;
            missing = known + step;
        }
        while (missing - known > 1) {
            long mid = known + (missing - known) / 2;
            if (exists(mid)) {
                known = mid;
            } else {
                missing = mid;
            }
        }
        byte[] line = readObject(known);
        if (line.length == 0 || line[line.length - 1] != '\n') {
            throw new IOException(objectName(known) + " in " + describe() + " does not end in a newline; "
                    + "nothing is appended after it: run `llmsafe audit verify`");
        }
        LogHead head = LogHead.of(line, 0, line.length - 1, describe());
        if (head.seq() != known) {
            throw new IOException(objectName(known) + " holds seq " + head.seq() + "; nothing is appended to "
                    + describe() + " until `llmsafe audit verify` passes");
        }
        headHint = known;
        return head;
    }

    private boolean exists(long seq) throws IOException {
        try {
            return storage.get(BlobId.of(bucket, objectName(seq)), Storage.BlobGetOption.fields(Storage.BlobField.NAME))
                    != null;
        } catch (StorageException e) {
            throw new IOException("cannot read " + describe() + ": " + e.getMessage(), e);
        }
    }

    private byte[] readObject(long seq) throws IOException {
        try {
            return storage.readAllBytes(BlobId.of(bucket, objectName(seq)));
        } catch (StorageException e) {
            throw new IOException("cannot read " + objectName(seq) + " from " + describe() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Lists the record objects in name order (GCS lists lexicographically; names are zero-padded). An object that
     * holds another seq than its name says is reported as malformed: the head is found by name, so such a log
     * could verify and yet not be appended to.
     */
    @Override
    public void read(LineSink sink) throws IOException {
        CanonicalScanner scanner = new CanonicalScanner();
        try {
            for (Blob blob :
                    storage.list(bucket, Storage.BlobListOption.prefix(PREFIX)).iterateAll()) {
                if (!OBJECT.matcher(blob.getName()).matches()) {
                    if (!malformed(sink, "object " + blob.getName() + " is not a record")) {
                        return;
                    }
                    continue;
                }
                byte[] content = blob.getContent();
                boolean terminated = content.length > 0 && content[content.length - 1] == '\n';
                int len = terminated ? content.length - 1 : content.length;
                long named = Long.parseLong(blob.getName().substring(PREFIX.length(), PREFIX.length() + 12));
                if (scanner.scan(content, 0, len) && scanner.seqFound && scanner.seq != named) {
                    if (!malformed(
                            sink,
                            "object " + blob.getName() + " holds seq " + scanner.seq + ", but a record's "
                                    + "object is named by its seq")) {
                        return;
                    }
                    continue;
                }
                if (!sink.accept(content, 0, len, terminated)) {
                    return;
                }
            }
        } catch (StorageException e) {
            throw new IOException("cannot read " + describe() + ": " + e.getMessage(), e);
        }
    }

    /** Feeds a line that is no record, saying why: verification calls it malformed. */
    private static boolean malformed(LineSink sink, String why) {
        byte[] line = why.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return sink.accept(line, 0, line.length, true);
    }
}
