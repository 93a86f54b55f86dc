package org.signpost.platform.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A real HTTP client for tests: requests go through the network stack, security, JSON parsing
 * and error handling exactly as a client's would.
 */
public final class Api {

    public static final String PASSWORD = "secret";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;

    public Api(int port) {
        this.baseUrl = "http://127.0.0.1:" + port;
    }

    public Call as(String user) {
        return as(user, PASSWORD);
    }

    /** Signed in with another password than the test users' (a wrong one, say). */
    public Call as(String user, String password) {
        return new Call(user, password, new LinkedHashMap<>());
    }

    public Call anonymous() {
        return new Call(null, null, new LinkedHashMap<>());
    }

    /** One request in the making: who sends it and which extra headers. */
    public final class Call {
        private final String user;
        private final String password;
        private final Map<String, String> headers;

        private Call(String user, String password, Map<String, String> headers) {
            this.user = user;
            this.password = password;
            this.headers = headers;
        }

        public Call header(String name, String value) {
            Map<String, String> more = new LinkedHashMap<>(headers);
            more.put(name, value);
            return new Call(user, password, more);
        }

        public Response post(String path, Object body) {
            String text = body instanceof String s ? s : write(body);
            return send(builder(path).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8)));
        }

        public Response postRaw(String path, String contentType, byte[] body) {
            return send(builder(path).header("Content-Type", contentType)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
        }

        /** A body of unknown length: sent chunked, without Content-Length. */
        public Response postChunked(String path, byte[] body) {
            return send(builder(path).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));
        }

        public Response get(String path) {
            return send(builder(path).GET());
        }

        public Response head(String path) {
            return send(builder(path).method("HEAD", HttpRequest.BodyPublishers.noBody()));
        }

        /** Any method; with a JSON body unless {@code body} is null. */
        public Response send(String method, String path, Object body) {
            HttpRequest.Builder request = builder(path);
            if (body == null) {
                return send(request.method(method, HttpRequest.BodyPublishers.noBody()));
            }
            String text = body instanceof String s ? s : write(body);
            return send(request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8)));
        }

        private HttpRequest.Builder builder(String path) {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30));
            if (user != null) {
                String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
                builder.header("Authorization", "Basic " + token);
            }
            headers.forEach(builder::header);
            return builder;
        }

        private Response send(HttpRequest.Builder builder) {
            try {
                HttpResponse<String> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
                return new Response(response);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** An answer, with its body parsed as JSON when it is JSON. */
    public record Response(HttpResponse<String> raw) {

        public int status() {
            return raw.statusCode();
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        public String contentType() {
            return header("Content-Type");
        }

        public String body() {
            return raw.body();
        }

        public JsonNode json() {
            try {
                return JSON.readTree(raw.body());
            } catch (IOException e) {
                throw new UncheckedIOException("Not JSON (" + status() + "): " + raw.body(), e);
            }
        }

        public String text(String field) {
            return json().path(field).asText();
        }

        @Override
        public String toString() {
            return status() + " " + raw.body();
        }
    }

    public static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
