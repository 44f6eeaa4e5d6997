package dev.llmsafe.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A loopback stand-in for the part of GitHub's REST API that the github provider (terraform-provider-github
 * through the Pulumi bridge) calls for our governance resources. It keeps state, so a read after a write returns
 * what was written, and records every request. The provider treats a base URL that is not github.com as GitHub
 * Enterprise Server and puts the REST API under {@value #REST}; anything this stand-in does not implement is
 * answered 404 with GitHub's error body and collected in {@link #unknown()}, which tests assert empty, so a call
 * nobody wrote down can never pass silently. Responses follow docs.github.com/rest (API version 2022-11-28).
 */
final class GithubStandIn implements AutoCloseable {
    /** Where the provider sends REST calls for a GitHub Enterprise Server base URL. */
    static final String REST = "/api/v3";

    static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One request as received: the full path (with {@value #REST}), the decoded query, the JSON body (or null)
     * and the Authorization header.
     */
    record Request(String method, String path, Map<String, String> query, JsonNode body, String authorization) {
        /** The path below the REST root, e.g. {@code /repos/acme/app/environments/staging}. */
        String api() {
            return path.startsWith(REST) ? path.substring(REST.length()) : path;
        }

        @Override
        public String toString() {
            return method + " " + path + (query.isEmpty() ? "" : " " + query) + (body == null ? "" : " " + body);
        }
    }

    /** What a route answers: a status, a JSON body (or none) and extra headers. */
    record Reply(int status, JsonNode body, Map<String, String> headers) {
        static Reply json(int status, JsonNode body) {
            return new Reply(status, body, Map.of());
        }

        static Reply noContent() {
            return new Reply(204, null, Map.of());
        }

        static Reply notFound() {
            return json(404, GithubStandIn.error("Not Found"));
        }

        static Reply error(int status, String message) {
            return json(status, GithubStandIn.error(message));
        }
    }

    /** One implemented endpoint. */
    private record Route(String method, Pattern path, BiFunction<Matcher, Request, Reply> handler) {}

    /** A failure to answer instead of a route's, for the next {@code remaining} matching requests. */
    private static final class Fault {
        final String method;
        final Pattern path;
        final Reply reply;
        int remaining;

        Fault(String method, Pattern path, Reply reply, int remaining) {
            this.method = method;
            this.path = path;
            this.reply = reply;
            this.remaining = remaining;
        }
    }

    private final HttpServer server;
    private final List<Route> routes = new ArrayList<>();
    private final List<Fault> faults = Collections.synchronizedList(new ArrayList<>());
    private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
    private final List<String> unknown = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger served = new AtomicInteger();
    private final int requestCap;
    final String owner;
    final String repository;
    /** The repository, its settings and rulesets. */
    final GithubRepositoryApi repositoryApi;
    /** The files on main, for assertions on what the provider committed. */
    final GithubContentsApi contents;
    /** The environments, for assertions on what exists. */
    final GithubEnvironmentsApi environments;

    /**
     * @param requestCap the most requests served over the stand-in's life; beyond it every request fails (and is
     *                   reported), so a provider retrying in a loop ends instead of running until the timeout
     */
    GithubStandIn(String owner, String repository, int requestCap) throws IOException {
        this.owner = owner;
        this.repository = repository;
        this.requestCap = requestCap;
        repositoryApi = new GithubRepositoryApi(this);
        repositoryApi.register();
        contents = new GithubContentsApi(this);
        contents.register();
        environments = new GithubEnvironmentsApi(this);
        environments.register();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Adds an endpoint; {@code {owner}} and {@code {repo}} in the pattern stand for this stand-in's names. */
    void route(String method, String pathRegex, BiFunction<Matcher, Request, Reply> handler) {
        routes.add(new Route(method, apiPattern(pathRegex), handler));
    }

    /**
     * Answers the next {@code times} requests of this method and API path (a regex below the REST root, with
     * {@code {owner}} and {@code {repo}}) with {@code reply} instead of the route's answer, and changes no state,
     * as GitHub does when it refuses a request.
     */
    void fail(String method, String pathRegex, int times, Reply reply) {
        faults.add(new Fault(method, apiPattern(pathRegex), reply, times));
    }

    private Pattern apiPattern(String pathRegex) {
        return Pattern.compile(
                REST + pathRegex.replace("{owner}", Pattern.quote(owner)).replace("{repo}", Pattern.quote(repository)));
    }

    /** The base URL to give the provider ({@code GITHUB_BASE_URL}); the provider requires the trailing slash. */
    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    /** Requests no route answers, and failures inside the stand-in: a test passes only when this is empty. */
    List<String> unknown() {
        return List.copyOf(unknown);
    }

    /** Forgets the requests recorded so far (state stays), so the next run's requests can be told apart. */
    void clearRequests() {
        requests.clear();
    }

    private void handle(HttpExchange exchange) throws IOException {
        Reply reply;
        Request request = null;
        try {
            request = read(exchange);
            requests.add(request);
            reply = served.incrementAndGet() > requestCap ? capExceeded(request) : dispatch(request);
        } catch (RuntimeException | IOException e) {
            unknown.add("stand-in failure on " + (request == null ? exchange.getRequestURI() : request) + ": " + e);
            reply = Reply.error(500, "stand-in failure: " + e);
        }
        send(exchange, reply);
    }

    private Reply capExceeded(Request request) {
        unknown.add("over the request cap of " + requestCap + ": " + request);
        return Reply.error(500, "request cap exceeded");
    }

    private Reply dispatch(Request request) {
        synchronized (faults) {
            for (Fault fault : faults) {
                if (fault.remaining > 0
                        && fault.method.equals(request.method())
                        && fault.path.matcher(request.path()).matches()) {
                    fault.remaining--;
                    return fault.reply;
                }
            }
        }
        boolean pathKnown = false;
        for (Route route : routes) {
            Matcher m = route.path().matcher(request.path());
            if (m.matches()) {
                pathKnown = true;
                if (route.method().equals(request.method())) {
                    synchronized (this) {
                        return route.handler().apply(m, request);
                    }
                }
            }
        }
        unknown.add((pathKnown ? "method not implemented: " : "not implemented: ") + request);
        return pathKnown ? Reply.error(405, "Method Not Allowed") : Reply.notFound();
    }

    private static Request read(HttpExchange exchange) throws IOException {
        byte[] raw = exchange.getRequestBody().readAllBytes();
        JsonNode body = raw.length == 0 ? null : JSON.readTree(raw);
        Map<String, String> query = new TreeMap<>();
        String rawQuery = exchange.getRequestURI().getRawQuery();
        if (rawQuery != null) {
            for (String pair : rawQuery.split("&")) {
                int eq = pair.indexOf('=');
                query.put(decode(eq < 0 ? pair : pair.substring(0, eq)), eq < 0 ? "" : decode(pair.substring(eq + 1)));
            }
        }
        return new Request(
                exchange.getRequestMethod(),
                exchange.getRequestURI().getPath(),
                query,
                body,
                exchange.getRequestHeaders().getFirst("Authorization"));
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    private static void send(HttpExchange exchange, Reply reply) throws IOException {
        byte[] body = reply.body() == null ? new byte[0] : JSON.writeValueAsBytes(reply.body());
        reply.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        if (reply.body() != null) {
            exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        }
        exchange.getResponseHeaders().add("X-GitHub-Api-Version-Selected", "2022-11-28");
        exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** GitHub's error body. */
    static ObjectNode error(String message) {
        return JSON.createObjectNode().put("message", message).put("documentation_url", "https://docs.github.com/rest");
    }

    /** The API URL of a path below the REST root, as GitHub's bodies carry them. */
    String url(String apiPath) {
        return baseUrl() + REST.substring(1) + apiPath;
    }

    /** A request to the stand-in as any REST client sends it, with {@code token}: the status and the body. */
    java.net.http.HttpResponse<String> call(String method, String apiPath, JsonNode body, String token)
            throws IOException, InterruptedException {
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(url(apiPath)))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/vnd.github+json")
                .method(
                        method,
                        body == null
                                ? java.net.http.HttpRequest.BodyPublishers.noBody()
                                : java.net.http.HttpRequest.BodyPublishers.ofString(body.toString()));
        return java.net.http.HttpClient.newHttpClient()
                .send(request.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    String repoPath() {
        return "/repos/" + owner + "/" + repository;
    }

    static String now() {
        return java.time.Instant.now()
                .truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                .toString();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
