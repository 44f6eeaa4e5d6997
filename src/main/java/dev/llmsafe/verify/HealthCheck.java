package dev.llmsafe.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The health contract of a deployed app (docs/health-contract.md): {@code GET <path>} answers 200 with a JSON
 * object whose {@code status} is {@code "ok"} and whose {@code version} is the deployed commit.
 */
public final class HealthCheck {
    /** A commit as --expect-version takes it: abbreviated (7 digits at least) or full. */
    public static final Pattern COMMIT = Pattern.compile("[0-9a-fA-F]{7,40}");

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client;
    private final URI target;
    private final String expectedVersion;
    private final Duration requestTimeout;

    public HealthCheck(URI target, String expectedVersion, Duration requestTimeout) {
        // Redirects are followed (a preview may answer on a canonical host), but never from https to http.
        this.client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(requestTimeout)
                .build();
        this.target = target;
        this.expectedVersion = expectedVersion;
        this.requestTimeout = requestTimeout;
    }

    public HealthResult probe() {
        HttpResponse<String> response;
        try {
            response = client.send(
                    HttpRequest.newBuilder(target)
                            .timeout(requestTimeout)
                            .header("Accept", "application/json")
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            return new HealthResult(false, 0, "", "no answer within " + requestTimeout.toSeconds() + "s");
        } catch (IOException e) {
            return new HealthResult(
                    false,
                    0,
                    "",
                    "cannot connect: " + e.getClass().getSimpleName()
                            + (e.getMessage() == null ? "" : " " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new HealthResult(false, 0, "", "interrupted");
        }
        return judge(response.statusCode(), response.body());
    }

    HealthResult judge(int status, String body) {
        String excerpt = HealthResult.excerpt(body);
        if (status != 200) {
            return new HealthResult(false, status, excerpt, "status " + status + ", expected 200");
        }
        JsonNode json;
        try {
            json = JSON.readTree(body);
        } catch (IOException e) {
            return new HealthResult(false, status, excerpt, "body is not JSON");
        }
        if (json == null || !json.isObject()) {
            return new HealthResult(false, status, excerpt, "body is not a JSON object");
        }
        if (!"ok".equals(json.path("status").asText(null))) {
            return new HealthResult(false, status, excerpt, "status is " + json.path("status") + ", expected \"ok\"");
        }
        if (expectedVersion != null
                && !sameCommit(expectedVersion, json.path("version").asText(null))) {
            return new HealthResult(
                    false,
                    status,
                    excerpt,
                    "version is " + json.path("version") + ", expected \"" + expectedVersion
                            + "\" (an older deployment may still be serving)");
        }
        return new HealthResult(true, status, excerpt, "healthy");
    }

    /** Equal, or one abbreviates the other: git's short ids name the commit they start. */
    static boolean sameCommit(String expected, String reported) {
        if (reported == null || !COMMIT.matcher(reported).matches()) {
            return expected.equals(reported);
        }
        String a = expected.toLowerCase(Locale.ROOT);
        String b = reported.toLowerCase(Locale.ROOT);
        return a.startsWith(b) || b.startsWith(a);
    }
}
