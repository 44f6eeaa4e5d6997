package dev.llmsafe.audit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmsafe.identity.ActorKind;
import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * Writes a log of N realistic records and measures verification against plain SHA-256 over the same bytes,
 * read the same way, in the same JVM. Each is run twice and the faster run counts, so both are measured
 * with the JIT warm.
 */
public final class AuditBenchmark {
    private static final String[] KINDS = {
        RecordKinds.AI_ACTIVITY,
        RecordKinds.CHANGE_CLASSIFIED,
        RecordKinds.POLICY_RESULT,
        RecordKinds.PREVIEW_DEPLOYED,
        RecordKinds.APPROVAL,
        RecordKinds.PREVIEW_DESTROYED,
        RecordKinds.PROMOTION
    };

    /** Timings in nanoseconds. */
    public record Result(
            long records, long bytes, long writeNanos, long verifyNanos, long hashNanos, VerifyResult verify) {
        public double verifyMBps() {
            return bytes / 1e6 / (verifyNanos / 1e9);
        }

        public double hashMBps() {
            return bytes / 1e6 / (hashNanos / 1e9);
        }

        public double ratio() {
            return (double) hashNanos / verifyNanos;
        }

        static Builder builder() {
            return new Builder();
        }

        static final class Builder {
            private long records;
            private long bytes;
            private long writeNanos;
            private long verifyNanos;
            private long hashNanos;
            private VerifyResult verify;

            Builder records(long records) {
                this.records = records;
                return this;
            }

            Builder bytes(long bytes) {
                this.bytes = bytes;
                return this;
            }

            Builder writeNanos(long writeNanos) {
                this.writeNanos = writeNanos;
                return this;
            }

            Builder verifyNanos(long verifyNanos) {
                this.verifyNanos = verifyNanos;
                return this;
            }

            Builder hashNanos(long hashNanos) {
                this.hashNanos = hashNanos;
                return this;
            }

            Builder verify(VerifyResult verify) {
                this.verify = verify;
                return this;
            }

            Result build() {
                return new Result(records, bytes, writeNanos, verifyNanos, hashNanos, verify);
            }
        }
    }

    private AuditBenchmark() {}

    public static Result run(Path file, long records, Consumer<String> progress) throws IOException {
        long start = System.nanoTime();
        long bytes = write(file, records, progress);
        long writeNanos = System.nanoTime() - start;
        progress.accept("wrote " + records + " records; verifying and hashing (twice each, warm run counts)");
        long verifyNanos = Long.MAX_VALUE;
        long hashNanos = Long.MAX_VALUE;
        VerifyResult verified = null;
        for (int round = 0; round < 2; round++) {
            long t0 = System.nanoTime();
            verified = new LocalFileStore(file).verify(List.of());
            verifyNanos = Math.min(verifyNanos, System.nanoTime() - t0);
            long t1 = System.nanoTime();
            hash(file);
            hashNanos = Math.min(hashNanos, System.nanoTime() - t1);
        }
        return Result.builder()
                .records(records)
                .bytes(bytes)
                .writeNanos(writeNanos)
                .verifyNanos(verifyNanos)
                .hashNanos(hashNanos)
                .verify(verified)
                .build();
    }

    /** Bulk write: the records the stores write, sealed in a chain, with one fsync at the end. */
    private static long write(Path file, long records, Consumer<String> progress) throws IOException {
        String prev = HashChain.GENESIS;
        Instant time = Instant.parse("2026-01-01T00:00:00Z");
        long bytes = 0;
        try (FileOutputStream fos = new FileOutputStream(file.toFile());
                OutputStream out = new BufferedOutputStream(fos, 1 << 20)) {
            for (long seq = 1; seq <= records; seq++) {
                RecordCodec.Sealed sealed = RecordCodec.seal(draft(seq), seq, prev, time.plusMillis(seq * 250));
                out.write(sealed.line());
                out.write('\n');
                bytes += sealed.line().length + 1;
                prev = sealed.record().hash();
                if (seq % 100_000 == 0) {
                    progress.accept("wrote " + seq + " of " + records + " records");
                }
            }
            out.flush();
            fos.getFD().sync();
        }
        return bytes;
    }

    private static RecordDraft draft(long i) {
        String kind = KINDS[(int) (i % KINDS.length)];
        int pr = (int) (1 + i / 40);
        ObjectNode payload = AuditJson.MAPPER.createObjectNode();
        payload.put("summary", "step " + i + " of pull request " + pr + ": plan reviewed, 3 resources changed");
        payload.put("verdict", i % 11 == 0 ? "fail" : "pass");
        payload.putArray("rules")
                .add(dev.llmsafe.policy.rules.NoServiceAccountKeysRule.ID)
                .add("preview-secrets-scoped");
        payload.put("url", "https://pr-" + pr + ".preview.example.com");
        Actor actor = i % 3 == 0
                ? new Actor("ai", "coding-agent", "claude-code", "claude-sonnet")
                : Actor.of(i % 3 == 1 ? ActorKind.HUMAN : ActorKind.BOT, i % 3 == 1 ? "ada" : "github-actions[bot]");
        Subject subject = Subject.builder()
                .repository("acme/shop")
                .pr(pr)
                .commit(String.format("%040x", i * 2654435761L))
                .stack("pr-" + pr)
                .run(String.valueOf(9_000_000_000L + i / 5))
                .build();
        return new RecordDraft(kind, actor, subject, payload);
    }

    /** Plain SHA-256 over the file, read in the same 8 MiB chunks the verifier reads. */
    private static void hash(Path file) throws IOException {
        MessageDigest sha = HashChain.sha256();
        byte[] buf = new byte[8 << 20];
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            int n;
            while ((n = ch.read(ByteBuffer.wrap(buf))) > 0) {
                sha.update(buf, 0, n);
            }
        }
        sha.digest();
    }
}
