package dev.llmsafe.workflows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A loopback stand-in for GitHub's issue comments REST API (docs.github.com/rest/issues/comments, version
 * 2022-11-28): list a pull request's comments (paginated with {@code per_page}, {@code page} and a Link header),
 * create one, update one. It keeps the comments, records every request, and answers anything else, or a request
 * without the token, as GitHub does (404 / 401 with its error body).
 */
final class IssueCommentsStandIn implements AutoCloseable {
    static final String BOT = "github-actions[bot]";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LIST = Pattern.compile("/repos/([^/]+)/([^/]+)/issues/(\\d+)/comments");
    private static final Pattern ONE = Pattern.compile("/repos/([^/]+)/([^/]+)/issues/comments/(\\d+)");

    /** One request as received. */
    record Request(String method, String path, String query, String authorization, JsonNode body) {}

    private final HttpServer server;
    private final String token;
    private final List<ObjectNode> comments = Collections.synchronizedList(new ArrayList<>());
    private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
    private volatile int failListWith;
    private long nextId = 1000;

    IssueCommentsStandIn(String token) throws IOException {
        this.token = token;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** A comment already on the PR, written by {@code login} of {@code type} (User or Bot). */
    synchronized long comment(int issue, String login, String type, String body) {
        ObjectNode c =
                JSON.createObjectNode().put("id", nextId++).put("issue", issue).put("body", body);
        c.putObject("user")
                .put("login", login)
                .put("id", login.hashCode() & 0xffff)
                .put("type", type);
        comments.add(c);
        return c.get("id").asLong();
    }

    /** Makes listing answer this status from now on (e.g. 500). */
    void failListing(int status) {
        failListWith = status;
    }

    String body(long id) {
        return find(id).path("body").asText();
    }

    List<Long> ids() {
        return comments.stream().map(c -> c.get("id").asLong()).toList();
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    private ObjectNode find(long id) {
        synchronized (comments) {
            return comments.stream()
                    .filter(c -> c.get("id").asLong() == id)
                    .findFirst()
                    .orElse(null);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getRawPath();
        String query = exchange.getRequestURI().getRawQuery();
        byte[] raw = exchange.getRequestBody().readAllBytes();
        JsonNode body = raw.length == 0 ? null : JSON.readTree(raw);
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        requests.add(new Request(method, path, query == null ? "" : query, auth, body));
        if (!("Bearer " + token).equals(auth) && !("token " + token).equals(auth)) {
            reply(exchange, 401, error("Bad credentials"), Map.of());
            return;
        }
        Matcher list = LIST.matcher(path);
        Matcher one = ONE.matcher(path);
        if (list.matches() && method.equals("GET")) {
            if (failListWith != 0) {
                reply(exchange, failListWith, error("Server Error"), Map.of());
                return;
            }
            page(exchange, path, Integer.parseInt(list.group(3)), query == null ? "" : query);
        } else if (list.matches()
                && method.equals("POST")
                && body != null
                && body.path("body").isTextual()) {
            long id = comment(
                    Integer.parseInt(list.group(3)),
                    BOT,
                    "Bot",
                    body.get("body").asText());
            reply(
                    exchange,
                    201,
                    find(id),
                    Map.of(
                            "Location",
                            url() + "/repos/" + list.group(1) + "/" + list.group(2) + "/issues/comments/" + id));
        } else if (one.matches()
                && method.equals("PATCH")
                && body != null
                && body.path("body").isTextual()
                && find(Long.parseLong(one.group(3))) != null) {
            ObjectNode c = find(Long.parseLong(one.group(3)));
            c.put("body", body.get("body").asText());
            reply(exchange, 200, c, Map.of());
        } else {
            reply(exchange, 404, error("Not Found"), Map.of());
        }
    }

    private void page(HttpExchange exchange, String path, int issue, String query) throws IOException {
        int perPage = Math.min(100, param(query, "per_page", 30));
        int page = param(query, "page", 1);
        List<ObjectNode> all;
        synchronized (comments) {
            all = comments.stream().filter(c -> c.get("issue").asInt() == issue).toList();
        }
        ArrayNode out = JSON.createArrayNode();
        all.stream()
                .skip((long) (page - 1) * perPage)
                .limit(perPage)
                .forEach(c -> out.add(c.deepCopy().without("issue")));
        int last = Math.max(1, (all.size() + perPage - 1) / perPage);
        String link = page < last
                ? "<" + url() + path + "?per_page=" + perPage + "&page=" + (page + 1) + ">; rel=\"next\", <" + url()
                        + path + "?per_page=" + perPage + "&page=" + last + ">; rel=\"last\""
                : null;
        reply(exchange, 200, out, link == null ? Map.of() : Map.of("Link", link));
    }

    private static int param(String query, String name, int fallback) {
        for (String pair : query.split("&")) {
            if (pair.startsWith(name + "=")) {
                return Integer.parseInt(pair.substring(name.length() + 1));
            }
        }
        return fallback;
    }

    private static ObjectNode error(String message) {
        return JSON.createObjectNode().put("message", message).put("documentation_url", "https://docs.github.com/rest");
    }

    private static void reply(HttpExchange exchange, int status, JsonNode body, Map<String, String> headers)
            throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        headers.forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
