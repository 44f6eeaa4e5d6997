package dev.llmsafe.gate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A read-only GitHub REST client: bearer token, the documented API version, retries with backoff on 5xx and rate
 * limits, pages followed through the {@code Link} header, and an error message for each refusal that says which
 * permission or id is wrong.
 */
public final class GithubApi {
    static final String API_VERSION = "2022-11-28";
    private static final int MAX_PAGES = 100;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final String token;
    private final HttpClient http;
    private final RetryPolicy retry;
    private final Consumer<String> progress;

    public GithubApi(URI base, String token, RetryPolicy retry, Consumer<String> progress) {
        this.base = URI.create(base.toString().replaceAll("/+$", "") + "/");
        this.token = token;
        this.retry = retry;
        this.progress = progress;
        this.http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** One JSON document at {@code path} (relative to the API root). */
    public JsonNode get(String path) throws GithubApiException {
        return parse(path, send(resolve(path), path).body());
    }

    /** Every element of a paginated JSON array, following {@code rel="next"} links on the same host only. */
    public List<JsonNode> getAll(String path) throws GithubApiException {
        List<JsonNode> items = new ArrayList<>();
        URI next = resolve(path);
        for (int page = 1; next != null; page++) {
            if (page > MAX_PAGES) {
                throw new GithubApiException(
                        "GitHub returned more than " + MAX_PAGES + " pages for " + path + "; refusing to continue");
            }
            HttpResponse<String> response = send(next, path);
            JsonNode body = parse(path, response.body());
            if (!body.isArray()) {
                throw new GithubApiException(
                        "GitHub answered " + path + " with " + body.getNodeType() + " where a list was expected");
            }
            body.forEach(items::add);
            Optional<URI> link =
                    LinkHeader.next(response.headers().firstValue("link").orElse(null));
            next = link.isPresent() ? sameOrigin(link.get()) : null;
        }
        return items;
    }

    private URI resolve(String path) {
        return base.resolve(path.startsWith("/") ? path.substring(1) : path);
    }

    /** The token goes to the configured API host only, never to wherever a header points. */
    private URI sameOrigin(URI link) throws GithubApiException {
        if (link.getScheme() == null
                || link.getHost() == null
                || !base.getScheme().equalsIgnoreCase(link.getScheme())
                || !base.getHost().equalsIgnoreCase(link.getHost())
                || port(base) != port(link)) {
            throw new GithubApiException("GitHub's next-page link " + link + " points away from " + base
                    + "; refusing to send the token there");
        }
        return link;
    }

    private static int port(URI uri) {
        return uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    private HttpResponse<String> send(URI uri, String what) throws GithubApiException {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(30))
                .GET()
                .header("Accept", "application/vnd.github+json")
                .header("X-GitHub-Api-Version", API_VERSION)
                .header("Authorization", "Bearer " + token)
                .header("User-Agent", "llm-safe")
                .build();
        for (int attempt = 1; ; attempt++) {
            String transientFailure;
            Duration requested = null;
            try {
                HttpResponse<String> response =
                        http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                int status = response.statusCode();
                if (status == 200) {
                    return response;
                }
                Optional<Duration> rateLimit = RateLimits.wait(status, response.headers(), java.time.Instant.now());
                if (status < 500 && rateLimit.isEmpty()) {
                    throw new GithubApiException(ApiErrors.explain(status, what, response.body()));
                }
                requested = rateLimit.orElse(null);
                transientFailure = (rateLimit.isPresent() ? "rate limited" : "HTTP " + status) + " from " + what;
                if (requested != null && requested.compareTo(retry.maxDelay()) > 0) {
                    throw new GithubApiException("GitHub rate-limited " + what + " for " + requested.toSeconds()
                            + " seconds, longer than this command waits; run it again later");
                }
            } catch (IOException e) {
                transientFailure = "cannot reach " + uri.getHost() + " ("
                        + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new GithubApiException("interrupted while reading " + what);
            }
            if (attempt >= retry.maxAttempts()) {
                throw new GithubApiException(transientFailure + "; gave up after " + attempt + " attempts");
            }
            Duration delay = retry.delay(attempt, requested);
            progress.accept("gate: " + transientFailure + "; retrying in " + delay.toMillis() + " ms (attempt "
                    + (attempt + 1) + " of " + retry.maxAttempts() + ")");
            try {
                retry.sleeper().sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new GithubApiException("interrupted while waiting to retry " + what);
            }
        }
    }

    private static JsonNode parse(String what, String body) throws GithubApiException {
        try {
            JsonNode node = JSON.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw new GithubApiException("GitHub answered " + what + " with an empty body");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new GithubApiException(
                    "GitHub answered " + what + " with something that is not JSON: " + e.getOriginalMessage());
        }
    }
}
