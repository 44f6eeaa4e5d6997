package dev.llmsafe.verify;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.llmsafe.cli.CliRun;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code llmsafe verify} against a local HTTP server playing each way a deployment can misbehave. */
class VerifyCommandTest {
    private static final String SHA = "0123456789abcdef0123456789abcdef01234567";
    private HttpServer server;
    private final AtomicInteger hits = new AtomicInteger();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static void reply(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            ex.getResponseBody().write(bytes);
        }
        ex.close();
    }

    private CliRun verify(String... extra) {
        String[] args = new String[6 + extra.length];
        String[] head = {"verify", "--url", base(), "--expect-version", SHA, "--interval=20ms"};
        System.arraycopy(head, 0, args, 0, head.length);
        System.arraycopy(extra, 0, args, head.length, extra.length);
        return CliRun.of(args);
    }

    @Test
    void slowStartIsWaitedFor() {
        server.createContext("/healthz", ex -> {
            if (hits.incrementAndGet() < 4) {
                reply(ex, 503, "starting");
            } else {
                reply(ex, 200, "{\"status\":\"ok\",\"version\":\"" + SHA + "\"}");
            }
        });
        var run = verify("--timeout", "20s");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(hits.get()).isEqualTo(4);
        assertThat(run.err()).contains("try 1: status 503, expected 200", "try 4: healthy");
        assertThat(run.out()).contains("healthy: " + base() + "/healthz serves " + SHA);
    }

    @Test
    void wrongVersionFailsNamingBothVersions() {
        server.createContext("/healthz", ex -> reply(ex, 200, "{\"status\":\"ok\",\"version\":\"old\"}"));
        var run = verify("--timeout", "200ms");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("version is \"old\", expected \"" + SHA + "\"", "last status: 200");
        assertThat(hits.get()).isZero();
    }

    @Test
    void serverErrorsFailWithStatusAndBodyExcerpt() {
        server.createContext("/healthz", ex -> reply(ex, 500, "{\"error\":\"database unreachable\"}"));
        var run = verify("--timeout", "200ms");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("status 500, expected 200", "last status: 500", "database unreachable");
    }

    @Test
    void invalidJsonAndWrongStatusFieldAreNamed() {
        server.createContext("/healthz", ex -> reply(ex, 200, "<html>OK</html>"));
        assertThat(verify("--timeout", "100ms").out()).contains("body is not JSON", "<html>OK</html>");
        server.removeContext("/healthz");
        server.createContext("/healthz", ex -> reply(ex, 200, "{\"status\":\"degraded\",\"version\":\"" + SHA + "\"}"));
        assertThat(verify("--timeout", "100ms").out()).contains("status is \"degraded\", expected \"ok\"");
    }

    @Test
    void redirectsAreFollowed() {
        server.createContext("/healthz", ex -> {
            ex.getResponseHeaders().add("Location", base() + "/live");
            ex.sendResponseHeaders(302, -1);
            ex.close();
        });
        server.createContext("/live", ex -> reply(ex, 200, "{\"status\":\"ok\",\"version\":\"" + SHA + "\"}"));
        assertThat(verify("--timeout", "5s").exitCode()).isZero();
    }

    @Test
    void customPathAndNoServerAtAll() {
        server.createContext("/ready", ex -> reply(ex, 200, "{\"status\":\"ok\",\"version\":\"" + SHA + "\"}"));
        assertThat(verify("--path", "/ready", "--timeout", "5s").exitCode()).isZero();
        server.stop(0);
        var run = verify("--timeout", "150ms");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("cannot connect", "last status: no response");
    }

    @Test
    void timeoutStopsRetryingAroundTheDeadline() {
        server.createContext("/healthz", ex -> reply(ex, 503, "starting"));
        long start = System.nanoTime();
        var run = verify("--timeout", "300ms");
        long tookMs = (System.nanoTime() - start) / 1_000_000;
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(tookMs).isLessThan(5_000);
        assertThat(run.err()).contains("try 2:");
    }

    @Test
    void badInputExitsTwo() {
        assertThat(CliRun.of("verify", "--url", "ftp://x", "--timeout", "1s").exitCode())
                .isEqualTo(2);
        var run = CliRun.of("verify", "--url", "https://x.example", "--timeout", "5 minutes");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("'5 minutes' is not a duration");
        assertThat(CliRun.of("verify", "--url", "https://x.example", "--path", "healthz")
                        .err())
                .contains("must start with /");
        assertThat(CliRun.of("verify").exitCode()).isEqualTo(2);
    }

    @Test
    void aVersionThatIsNoCommitIsRefusedAtOnceNotAfterTheTimeout() {
        server.createContext("/healthz", ex -> reply(ex, 200, "{\"status\":\"ok\",\"version\":\"" + SHA + "\"}"));
        for (String bad : new String[] {"v1.2", "abc123", SHA + "0", "$GITHUB_SHA", ""}) {
            long start = System.nanoTime();
            var run =
                    CliRun.of("verify", "--url", base(), "--expect-version", bad, "--timeout", "20s", "--interval=5s");
            long tookMs = (System.nanoTime() - start) / 1_000_000;
            assertThat(run.exitCode()).as(bad).isEqualTo(2);
            assertThat(run.err())
                    .contains("--expect-version '" + bad + "' is not a commit: give 7 to 40 hex digits")
                    .doesNotContain("try 1");
            assertThat(tookMs).as("refused before the first try").isLessThan(3_000);
        }
    }

    @Test
    void anAbbreviatedCommitMatchesTheFullVersion() {
        server.createContext("/healthz", ex -> reply(ex, 200, "{\"status\":\"ok\",\"version\":\"" + SHA + "\"}"));
        var run = CliRun.of("verify", "--url", base(), "--expect-version", SHA.substring(0, 7), "--timeout", "5s");
        assertThat(run.exitCode()).as(run.out()).isZero();
        var other = CliRun.of(
                "verify", "--url", base(), "--expect-version", "1123456", "--timeout", "100ms", "--interval=20ms");
        assertThat(other.exitCode()).isEqualTo(1);
        assertThat(other.out()).contains("expected \"1123456\"");
    }
}
