package org.signpost.app.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * The demo's way into the service: its HTTP API, as any client's, signed in with HTTP Basic, so
 * that every rule, validation and read model applies to the demo's history as in use.
 */
public final class ServiceClient {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;

    /** @param base the service's address, e.g. http://127.0.0.1:8090 */
    public ServiceClient(URI base) {
        this.base = base;
    }

    public URI base() {
        return base;
    }

    /** Sends a command; its answer's body (an empty object if it has none). */
    public JsonNode post(SignIn user, String path, Object body) {
        try {
            return send(user, request(path).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8)), path);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not a JSON body for " + path, e);
        }
    }

    public JsonNode get(SignIn user, String path) {
        return send(user, request(path).GET(), path);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60));
    }

    private JsonNode send(SignIn user, HttpRequest.Builder request, String path) {
        String credentials = user.username() + ":" + user.password();
        request.header("Authorization", "Basic "
                + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new Refused(response.statusCode(), path, response.body());
            }
            return response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("No answer from " + base.resolve(path), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for " + path, e);
        }
    }

    /** The service refused a request of the demo: the demo asked for something the rules do not allow. */
    public static final class Refused extends RuntimeException {

        private final int status;

        Refused(int status, String path, String problem) {
            super(path + " answered " + status + ": " + problem);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }
}
