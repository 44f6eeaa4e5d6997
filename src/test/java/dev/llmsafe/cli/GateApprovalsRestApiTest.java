package dev.llmsafe.cli;

import static dev.llmsafe.cli.GateHarness.ALICE;
import static dev.llmsafe.cli.GateHarness.APPROVALS;
import static dev.llmsafe.cli.GateHarness.BOB;
import static dev.llmsafe.cli.GateHarness.RUN;
import static dev.llmsafe.gate.FakeGithub.approval;
import static dev.llmsafe.gate.FakeGithub.list;
import static org.assertj.core.api.Assertions.assertThat;

import dev.llmsafe.gate.FakeGithub;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * How {@code llmsafe gate approvals} reads GitHub's REST API: it follows pages on the same host only, retries server
 * errors and rate limits, and takes every other error, a malformed answer or bad input as no verdict, so the gate
 * does not pass.
 */
class GateApprovalsRestApiTest extends GateApprovalsFixture {
    @Test
    void followsPaginationThroughTheLinkHeader() {
        String page2 = RUN + "/approvals?per_page=100&page=2";
        github.on(
                APPROVALS,
                200,
                list(approval("approved", ALICE, "", "production-approval")),
                Map.of(
                        "Link",
                        "<" + github.url() + page2 + ">; rel=\"next\", <" + github.url() + page2 + ">; rel=\"last\""));
        github.on(
                page2,
                200,
                list(approval("approved", BOB, "", "production")),
                Map.of(
                        "Link",
                        "<" + github.url() + APPROVALS + ">; rel=\"prev\", <" + github.url() + APPROVALS
                                + ">; rel=\"first\""));
        GateHarness.Result r = gate();
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(ExitCodes.OK);
        assertThat(github.requests())
                .extracting(FakeGithub.Request::pathAndQuery)
                .contains(page2);
    }

    @Test
    void aNextLinkToAnotherHostIsRefused() {
        github.on(
                APPROVALS,
                200,
                list(approval("approved", ALICE, "", "production-approval")),
                Map.of("Link", "<https://evil.example/steal?page=2>; rel=\"next\""));
        GateHarness.Result r = gate();
        assertThat(r.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("refusing to send the token there");
    }

    @Test
    void retriesAServerErrorWithBackoffThenSucceeds() {
        github.on(APPROVALS, 500, "{\"message\":\"Server Error\"}");
        github.on(
                APPROVALS,
                200,
                list(
                        approval("approved", ALICE, "", "production-approval"),
                        approval("approved", BOB, "", "production")));
        GateHarness.Result r = gate();
        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.OK);
        assertThat(sleeps).containsExactly(Duration.ofMillis(500));
        assertThat(r.err()).contains("HTTP 500").contains("retrying");
    }

    @Test
    void waitsAsToldOnASecondaryRateLimit() {
        github.on(
                APPROVALS,
                403,
                "{\"message\":\"You have exceeded a secondary rate limit.\"}",
                Map.of("retry-after", "3"));
        github.on(
                APPROVALS,
                429,
                "{\"message\":\"slow down\"}",
                Map.of(
                        "x-ratelimit-remaining",
                        "0",
                        "x-ratelimit-reset",
                        String.valueOf(java.time.Instant.now().getEpochSecond() + 5)));
        github.on(
                APPROVALS,
                200,
                list(
                        approval("approved", ALICE, "", "production-approval"),
                        approval("approved", BOB, "", "production")));
        GateHarness.Result r = gate();
        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.OK);
        assertThat(sleeps).hasSize(2);
        assertThat(sleeps.get(0)).isEqualTo(Duration.ofSeconds(3));
        assertThat(sleeps.get(1)).isBetween(Duration.ofSeconds(3), Duration.ofSeconds(6));
    }

    @Test
    void persistentServerErrorsNeverPass() {
        github.on(APPROVALS, 502, "<html>bad gateway</html>");
        GateHarness.Result r = gate();
        assertThat(r.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("gave up after 3 attempts").contains("does not pass");
        assertThat(r.out()).isEmpty();
        assertThat(sleeps).containsExactly(Duration.ofMillis(500), Duration.ofMillis(1000));
    }

    @Test
    void forbiddenSaysWhichPermissionIsMissing() {
        github.on(APPROVALS, 403, "{\"message\":\"Resource not accessible by integration\"}");
        GateHarness.Result r = gate();
        assertThat(r.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err())
                .contains("403")
                .contains("actions: read")
                .contains("Resource not accessible by integration");
        assertThat(r.err()
                        .lines()
                        .filter(l -> l.startsWith("llmsafe gate approvals: "))
                        .toList())
                .as("one line: the API's answer and that there is no verdict")
                .singleElement()
                .asString()
                .contains("403", "no verdict, so the gate does not pass");
        assertThat(sleeps).as("a permission problem is not retried").isEmpty();
    }

    @Test
    void unauthorizedAndNotFoundSayWhatToCheck() {
        github.on("/repos/acme/shop/actions/runs/43", 401, "{\"message\":\"Bad credentials\"}");
        GateHarness.Result unauthorized = gate("--run-id", "43");
        assertThat(unauthorized.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(unauthorized.err())
                .contains("401")
                .contains("Bad credentials")
                .contains("GITHUB_TOKEN is missing, expired or revoked");
        GateHarness.Result notFound = gate("--run-id", "7");
        assertThat(notFound.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(notFound.err()).contains("404").contains("--run-id").contains("runs/7");
    }

    @Test
    void malformedAnswersAreErrorsNotSkippedApprovals() {
        github.on(APPROVALS, 200, "[{\"state\":\"approved\",\"user\":" + ALICE + "}]");
        GateHarness.Result r = gate();
        assertThat(r.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("without an environments list");
    }

    @Test
    void badInputIsRejectedBeforeAnyRequest() {
        env.remove("GITHUB_TOKEN");
        assertThat(gate().err()).contains("GITHUB_TOKEN is not set");
        env.put("GITHUB_TOKEN", "t");
        assertThat(gate("--repo", "acme").err()).contains("--repo 'acme'");
        assertThat(gate("--min-humans", "0").err()).contains("--min-humans 0");
        assertThat(gate("--environments", "production,,production-approval").err())
                .contains("empty name");
        assertThat(gate("--api-url", "http://api.example.com").err()).contains("must be https://");
        assertThat(gate("--run-id", "x").exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(github.requests()).isEmpty();
    }
}
