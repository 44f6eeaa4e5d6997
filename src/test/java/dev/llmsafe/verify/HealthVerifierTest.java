package dev.llmsafe.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HealthVerifierTest {

    @Test
    void pausesDoubleUpToThirtySecondsAndStopAtTheDeadline() {
        long[] now = {0};
        List<Duration> pauses = new ArrayList<>();
        var verifier = new HealthVerifier(() -> new HealthResult(false, 503, "", "status 503"), () -> now[0], d -> {
            pauses.add(d);
            now[0] += d.toNanos();
        });
        var result = verifier.verify(Duration.ofMinutes(2), Duration.ofSeconds(5), new PrintWriter(new StringWriter()));

        assertThat(result.healthy()).isFalse();
        assertThat(pauses)
                .startsWith(
                        Duration.ofSeconds(5),
                        Duration.ofSeconds(10),
                        Duration.ofSeconds(20),
                        Duration.ofSeconds(30),
                        Duration.ofSeconds(30));
        assertThat(pauses.stream().mapToLong(Duration::toNanos).sum())
                .isEqualTo(Duration.ofMinutes(2).toNanos());
    }

    @Test
    void durationsParseAndRejectWithTheValue() {
        assertThat(Durations.parse("5m")).isEqualTo(Duration.ofMinutes(5));
        assertThat(Durations.parse("250ms")).isEqualTo(Duration.ofMillis(250));
        assertThat(Durations.parse("1h")).isEqualTo(Duration.ofHours(1));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Durations.parse("-5s"))
                .hasMessageContaining("'-5s'");
    }
}
