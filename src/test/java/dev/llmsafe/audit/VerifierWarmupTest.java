package dev.llmsafe.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The warm-up verifies its generated log, stops when a real verification starts, and never changes its verdict. */
class VerifierWarmupTest {
    @TempDir
    Path dir;

    @Test
    void onlyAuditVerifyWarmsUp() {
        assertThat(VerifierWarmup.wanted(new String[] {"audit", "verify", "--log", "a.jsonl"}))
                .isTrue();
        assertThat(VerifierWarmup.wanted(new String[] {"audit", "head"})).isFalse();
        assertThat(VerifierWarmup.wanted(new String[] {"audit"})).isFalse();
        assertThat(VerifierWarmup.wanted(new String[] {"verify", "audit"})).isFalse();
    }

    @Test
    void warmsUpUntilARealVerificationStartsAndLeavesItsVerdictAlone() throws Exception {
        Thread warmup = VerifierWarmup.start(); // it throws if its generated log did not verify: rounds stay 0
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (VerifierWarmup.rounds() < 3 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(VerifierWarmup.rounds()).as("generated log verified").isGreaterThanOrEqualTo(3);

        Path log = dir.resolve("audit.jsonl");
        AuditBenchmark.run(log, 500, line -> {});
        Files.writeString(log, Files.readString(log).replace("\"pass\"", "\"PASS\""));
        VerifyResult verdict = new LocalFileStore(log).verify(List.of());

        warmup.join(5_000);
        assertThat(warmup.isAlive()).as("the verification stopped the warm-up").isFalse();
        ChainVerifier onePass = new ChainVerifier(List.of());
        new LocalFileStore(log).read(onePass);
        assertThat(verdict).isEqualTo(onePass.finish());
        assertThat(verdict.intact()).isFalse();
    }
}
