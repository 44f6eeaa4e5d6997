package dev.llmsafe.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GithubApiPartsTest {
    private static HttpHeaders headers(Map<String, String> values) {
        Map<String, List<String>> map = new HashMap<>();
        values.forEach((k, v) -> map.put(k, List.of(v)));
        return HttpHeaders.of(map, (k, v) -> true);
    }

    @Test
    void linkHeaderGivesTheNextPageOnly() {
        String github = "<https://api.github.com/repositories/1/actions/runs/2/approvals?page=2>; rel=\"next\", "
                + "<https://api.github.com/repositories/1/actions/runs/2/approvals?page=5>; rel=\"last\"";
        assertThat(LinkHeader.next(github))
                .contains(URI.create("https://api.github.com/repositories/1/actions/runs/2/approvals?page=2"));
        assertThat(LinkHeader.next("<https://x/a?page=1>; rel=\"prev\", <https://x/a?page=1>; rel=\"first\""))
                .isEmpty();
        assertThat(LinkHeader.next(null)).isEmpty();
        assertThat(LinkHeader.next("<https://x/a?page=3>; rel=\"last next\""))
                .contains(URI.create("https://x/a?page=3"));
    }

    @Test
    void rateLimitsAreToldApartFromPermissionProblems() {
        Instant now = Instant.ofEpochSecond(1_700_000_000L);
        assertThat(RateLimits.wait(403, headers(Map.of("retry-after", "7")), now))
                .contains(Duration.ofSeconds(7));
        assertThat(RateLimits.wait(
                        403, headers(Map.of("x-ratelimit-remaining", "0", "x-ratelimit-reset", "1700000020")), now))
                .contains(Duration.ofSeconds(20));
        assertThat(RateLimits.wait(429, headers(Map.of()), now)).contains(Duration.ofSeconds(60));
        assertThat(RateLimits.wait(403, headers(Map.of("x-ratelimit-remaining", "12")), now))
                .isEmpty();
        assertThat(RateLimits.wait(500, headers(Map.of("retry-after", "7")), now))
                .isEmpty();
    }

    @Test
    void backoffDoublesAndIsCapped() {
        var policy = new RetryPolicy(5, Duration.ofSeconds(1), Duration.ofSeconds(3), d -> {});
        assertThat(policy.delay(1, null)).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.delay(2, null)).isEqualTo(Duration.ofSeconds(2));
        assertThat(policy.delay(3, null)).isEqualTo(Duration.ofSeconds(3));
        assertThat(policy.delay(1, Duration.ofSeconds(2))).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void errorsNameThePermissionOrIdToCheck() {
        assertThat(ApiErrors.explain(403, "repos/a/b/actions/runs/1", "{\"message\":\"Must have admin rights\"}"))
                .contains("actions: read")
                .contains("Must have admin rights");
        assertThat(ApiErrors.explain(404, "repos/a/b/actions/runs/1", "not json"))
                .contains("--run-id")
                .doesNotContain("GitHub says");
        assertThat(ApiErrors.explain(422, "x", "{}")).contains("HTTP 422");
    }
}
