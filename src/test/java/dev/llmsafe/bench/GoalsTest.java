package dev.llmsafe.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** When a benchmark's verdict rests on runs too uneven to trust, it says so. */
class GoalsTest {
    @Test
    void steadyRunsGetNoNote() {
        Map<String, List<Double>> runs = new LinkedHashMap<>();
        runs.put("audit verify", List.of(1000.0, 1100.0, 1050.0, 1200.0, 1010.0)); // 19% of 1050
        runs.put("sha256sum", List.of(1500.0, 1500.0, 1500.0));
        assertThat(Goals.uneven(runs)).isEmpty();
    }

    @Test
    void unevenRunsAreNamedWithTheirSpreadInTheOrderGiven() {
        Map<String, List<Double>> runs = new LinkedHashMap<>();
        runs.put("audit verify", List.of(1644.7, 1522.8, 1525.5, 1354.7, 1292.8, 1393.0, 1186.9));
        runs.put("steady", List.of(100.0, 101.0));
        runs.put("sha256sum", List.of(2293.1, 1626.8, 1701.0, 1582.8, 1418.8));
        assertThat(Goals.uneven(runs))
                .hasValue("note: the timed runs spread (slowest - fastest) by 33% for audit verify, 54% for "
                        + "sha256sum of their median: the host's load changed while they ran, so the verdict may "
                        + "differ on a quiet machine; run again, with more --runs");
    }

    @Test
    void theSpreadIsTheRangeOverTheMedian() {
        assertThat(Goals.spread(List.of(100.0, 126.0, 110.0))).isEqualTo(26.0 / 110);
        assertThat(Goals.spread(List.of(100.0, 125.0))).isEqualTo(25.0 / 112.5);
        assertThat(Goals.spread(List.of(5.0))).isZero();
        assertThat(Goals.uneven(Map.of("one run", List.of(5.0)))).isEmpty();
        assertThat(Goals.uneven(Map.of("just over", List.of(100.0, 100.0, 126.0))))
                .isPresent();
        assertThat(Goals.uneven(Map.of("exactly a quarter", List.of(100.0, 100.0, 125.0))))
                .isEmpty();
    }
}
