package dev.llmsafe.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.cloud.NoCredentials;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageOptions;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;

/**
 * An in-memory fake of the Cloud Storage JSON API, on loopback, for the calls the audit store makes through
 * the real {@code google-cloud-storage} client: multipart object upload with {@code ifGenerationMatch}
 * (412 when the precondition fails, as GCS answers), object metadata and media reads, and prefix listing
 * with pages. Thread-safe: uploads are decided under one lock, as GCS decides them atomically.
 */
public final class FakeGcsServer implements AutoCloseable {
    public record StoredObject(byte[] content, long generation) {}

    private final HttpServer server;
    private final NavigableMap<String, StoredObject> objects = new TreeMap<>(); // "bucket/name"
    private final AtomicLong generations = new AtomicLong(1_700_000_000_000_000L);
    final AtomicInteger preconditionFailures = new AtomicInteger();
    final AtomicInteger listPageSize = new AtomicInteger(1000);

    static {
        // Without it the JDK server's small writes meet the client's delayed ACKs: 40 ms per request.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    public FakeGcsServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", this::handle);
        server.start();
    }

    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The real client, pointed at this fake, without credentials. */
    Storage storage() {
        return storage(StorageOptions.getDefaultRetrySettings().getMaxAttempts());
    }

    /** The real client with at most {@code attempts} tries per call (the default retries for a minute). */
    Storage storage(int attempts) {
        return StorageOptions.http()
                .setHost(endpoint())
                .setProjectId("fake-project")
                .setRetrySettings(StorageOptions.getDefaultRetrySettings().toBuilder()
                        .setMaxAttempts(attempts)
                        .build())
                .setCredentials(NoCredentials.getInstance())
                .build()
                .getService();
    }

    public synchronized Map<String, StoredObject> objects() {
        return new LinkedHashMap<>(objects);
    }

    public synchronized void put(String bucket, String name, byte[] content) {
        objects.put(bucket + "/" + name, new StoredObject(content, generations.incrementAndGet()));
    }

    public synchronized void remove(String bucket, String name) {
        objects.remove(bucket + "/" + name);
    }

    @Override
    public void close() {
        server.stop(0);
        ((ExecutorService) server.getExecutor()).shutdownNow();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getRawPath();
            Map<String, String> query = query(ex.getRequestURI().getRawQuery());
            String method = ex.getRequestMethod();
            if (method.equals("POST") && path.matches("/upload/storage/v1/b/[^/]+/o")) {
                upload(ex, path.split("/")[5], query);
            } else if (method.equals("GET") && path.matches("(/download)?/storage/v1/b/[^/]+/o/.+")) {
                String[] parts = path.split("/o/", 2);
                String bucket = parts[0].substring(parts[0].lastIndexOf('/') + 1);
                get(ex, bucket, URLDecoder.decode(parts[1], StandardCharsets.UTF_8), query);
            } else if (method.equals("GET") && path.matches("/storage/v1/b/[^/]+/o")) {
                list(ex, path.split("/")[4], query);
            } else {
                error(ex, 501, "the fake does not implement " + method + " " + path);
            }
        }
    }

    private void upload(HttpExchange ex, String bucket, Map<String, String> query) throws IOException {
        byte[] body = body(ex);
        String contentType = ex.getRequestHeaders().getFirst("Content-Type");
        if (!"multipart".equals(query.get("uploadType")) || contentType == null || !contentType.contains("boundary=")) {
            error(ex, 501, "the fake implements multipart uploads only");
            return;
        }
        String boundary =
                contentType.substring(contentType.indexOf("boundary=") + 9).replace("\"", "");
        List<byte[]> parts = multipart(body, boundary);
        JsonNode metadata = AuditJson.MAPPER.readTree(parts.get(0));
        String name = metadata.get("name").asText();
        String key = bucket + "/" + name;
        StoredObject stored;
        synchronized (this) {
            String match = query.get("ifGenerationMatch");
            StoredObject existing = objects.get(key);
            if (match != null
                    && (match.equals("0")
                            ? existing != null
                            : existing == null || existing.generation() != Long.parseLong(match))) {
                preconditionFailures.incrementAndGet();
                error(ex, 412, "At least one of the pre-conditions you specified did not hold.");
                return;
            }
            stored = new StoredObject(parts.get(1), generations.incrementAndGet());
            objects.put(key, stored);
        }
        json(ex, 200, metadata(bucket, name, stored));
    }

    private void get(HttpExchange ex, String bucket, String name, Map<String, String> query) throws IOException {
        StoredObject stored;
        synchronized (this) {
            stored = objects.get(bucket + "/" + name);
        }
        if (stored == null) {
            error(ex, 404, "No such object: " + bucket + "/" + name);
        } else if ("media".equals(query.get("alt"))) {
            ex.getResponseHeaders().set("Content-Type", "application/octet-stream");
            ex.getResponseHeaders().set("x-goog-generation", String.valueOf(stored.generation()));
            ex.sendResponseHeaders(200, stored.content().length);
            ex.getResponseBody().write(stored.content());
        } else {
            json(ex, 200, metadata(bucket, name, stored));
        }
    }

    private void list(HttpExchange ex, String bucket, Map<String, String> query) throws IOException {
        String prefix = bucket + "/" + query.getOrDefault("prefix", "");
        String after = query.get("pageToken");
        int pageSize = Math.min(listPageSize.get(), Integer.parseInt(query.getOrDefault("maxResults", "1000")));
        ObjectNode page = AuditJson.MAPPER.createObjectNode().put("kind", "storage#objects");
        ArrayNode items = page.putArray("items");
        synchronized (this) {
            var candidates =
                    after == null ? objects.tailMap(prefix, true) : objects.tailMap(bucket + "/" + after, false);
            for (var e : candidates.entrySet()) {
                if (!e.getKey().startsWith(prefix)) {
                    break;
                }
                if (items.size() == pageSize) {
                    page.put(
                            "nextPageToken",
                            items.get(items.size() - 1).get("name").asText());
                    break;
                }
                items.add(metadata(bucket, e.getKey().substring(bucket.length() + 1), e.getValue()));
            }
        }
        json(ex, 200, page);
    }

    private ObjectNode metadata(String bucket, String name, StoredObject stored) {
        return AuditJson.MAPPER
                .createObjectNode()
                .put("kind", "storage#object")
                .put("bucket", bucket)
                .put("name", name)
                .put("id", bucket + "/" + name + "/" + stored.generation())
                .put("generation", String.valueOf(stored.generation()))
                .put("metageneration", "1")
                .put("size", String.valueOf(stored.content().length))
                .put("contentType", "application/json");
    }

    private static void error(HttpExchange ex, int code, String message) throws IOException {
        ObjectNode err = AuditJson.MAPPER.createObjectNode();
        err.putObject("error")
                .put("code", code)
                .put("message", message)
                .putArray("errors")
                .addObject()
                .put("message", message)
                .put("reason", code == 412 ? "conditionNotMet" : code == 404 ? "notFound" : "x");
        json(ex, code, err);
    }

    private static void json(HttpExchange ex, int code, JsonNode body) throws IOException {
        byte[] bytes = AuditJson.MAPPER.writeValueAsBytes(body);
        ex.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
        ex.sendResponseHeaders(code, bytes.length);
        ex.getResponseBody().write(bytes);
    }

    private static byte[] body(HttpExchange ex) throws IOException {
        InputStream in = ex.getRequestBody();
        if ("gzip".equalsIgnoreCase(ex.getRequestHeaders().getFirst("Content-Encoding"))) {
            in = new GZIPInputStream(in);
        }
        return in.readAllBytes();
    }

    /** The parts of a multipart/related body, headers stripped. */
    private static List<byte[]> multipart(byte[] body, String boundary) {
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.US_ASCII);
        List<byte[]> parts = new ArrayList<>();
        int at = indexOf(body, delimiter, 0);
        while (at >= 0) {
            int start = at + delimiter.length;
            if (start + 1 < body.length && body[start] == '-' && body[start + 1] == '-') {
                break;
            }
            int next = indexOf(body, delimiter, start);
            int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII), start);
            int contentEnd = next - 2; // the CRLF before the delimiter
            parts.add(Arrays.copyOfRange(body, headersEnd + 4, contentEnd));
            at = next;
        }
        return parts;
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = from; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                out.put(
                        URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                        eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }
}
