package org.signpost.console.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The console's only way to the data: the service's HTTP API, as the signed-in person, with the
 * session token the service gave them at sign-in. Every command and query therefore goes through
 * the same validation, refusals, access rules, read log and actor metadata as any other client's.
 * In the all-in-one service the API is this same process (SIGNPOST_CONSOLE_API_URL unset: its own
 * port on the loopback address); a console of its own names the API's address, or the command
 * side's and a query side's (SIGNPOST_CONSOLE_COMMAND_URL, SIGNPOST_CONSOLE_QUERY_URL).
 */
@Component
public class SignpostApi {

    /** A token with less than this left is renewed before it is used, so that no request meets its expiry. */
    private static final Duration RENEW_BEFORE = Duration.ofMinutes(5);

    private final ObjectMapper json;
    private final Environment environment;
    private final String apiUrl;
    private final String commandUrl;
    private final String queryUrl;
    private final Clock clock = Clock.systemUTC();
    private volatile RestClient commands;
    private volatile RestClient queries;

    public SignpostApi(ObjectMapper json, Environment environment, @Value("${signpost.console.api-url:}") String apiUrl,
                @Value("${signpost.console.command-url:}") String commandUrl,
                @Value("${signpost.console.query-url:}") String queryUrl) {
        this.json = json;
        this.environment = environment;
        this.apiUrl = apiUrl;
        this.commandUrl = commandUrl;
        this.queryUrl = queryUrl;
    }

    /** An answer of the API: its status, body (a missing node if none), ETag (the aggregate's version) and headers. */
    public record Answer(int status, JsonNode body, String etag, HttpHeaders headers) {

        public Answer(int status, JsonNode body, String etag) {
            this(status, body, etag, HttpHeaders.EMPTY);
        }

        /** How many a paged search found in all (its X-Total-Count); -1 if it does not say. */
        public long total() {
            String total = headers.getFirst("X-Total-Count");
            try {
                return total == null ? -1 : Long.parseLong(total);
            } catch (NumberFormatException e) {
                return -1;
            }
        }

        /** The version an ETag names, without its quotes; -1 if there is none. */
        public long version() {
            if (etag == null) {
                return -1;
            }
            try {
                return Long.parseLong(etag.replace("W/", "").replace("\"", ""));
            } catch (NumberFormatException e) {
                return -1;
            }
        }
    }

    /**
     * Exchanges a name and password for a session token; the password goes no further.
     *
     * @throws ApiProblem 401 for a wrong name or password, 429 when sign-ins are being slowed
     */
    public ConsoleUser signIn(String name, String password) {
        String basic = Base64.getEncoder().encodeToString((name + ":" + password).getBytes(StandardCharsets.UTF_8));
        Answer answer = send(HttpMethod.POST, "/api/session-tokens", "Basic " + basic, Map.of(), null);
        JsonNode user = answer.body().path("user");
        return new ConsoleUser(user.path("name").asText(), user.path("role").asText(),
                user.path("linkWorkerId").isTextual() ? user.path("linkWorkerId").asText() : null,
                answer.body().path("token").asText(), Instant.parse(answer.body().path("expiresAt").asText()));
    }

    public Answer get(ConsoleUser user, String path) {
        return send(HttpMethod.GET, path, bearer(user), null, null);
    }

    /**
     * Reading one's own write: the record at {@code path} once its read model has the version a
     * command answered (its ETag), so that the page after an action shows what was just recorded.
     * Asks again every 50 ms; after {@code patience} it answers what there is (the page then says
     * it may be out of date: {@link Answer#version()} is below the one asked for).
     */
    public Answer getAtLeast(ConsoleUser user, String path, long version, Duration patience) {
        Instant giveUp = clock.instant().plus(patience);
        while (true) {
            Answer answer;
            try {
                answer = get(user, path);
            } catch (ApiProblem notYet) {
                // A record just made may not be in its read model yet.
                if (notYet.status() != 404 || clock.instant().isAfter(giveUp)) {
                    throw notYet;
                }
                answer = null;
            }
            if (answer != null && (answer.version() >= version || clock.instant().isAfter(giveUp))) {
                return answer;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for " + path, e);
            }
        }
    }

    public Answer post(ConsoleUser user, String path, Object body) {
        return post(user, path, body, null);
    }

    /** A command; with {@code ifMatch} (a version) it is refused (412) if the record has changed since. */
    public Answer post(ConsoleUser user, String path, Object body, Long ifMatch) {
        return send(HttpMethod.POST, path, bearer(user), body, ifMatch);
    }

    /** The user's token, renewed first if it is about to expire. */
    private String bearer(ConsoleUser user) {
        synchronized (user) {
            if (Duration.between(clock.instant(), user.expiresAt()).compareTo(RENEW_BEFORE) < 0) {
                if (user.renewal() != null) {
                    // The identity provider's token: refreshed if it gave a refresh token, else used to its end.
                    user.renewal().renew().ifPresent(renewed -> user.renewed(renewed.token(), renewed.expiresAt()));
                    if (!clock.instant().isBefore(user.expiresAt())) {
                        throw new SessionOver("The organisation's sign-in has ended");
                    }
                } else {
                    renewSessionToken(user);
                }
            }
            return "Bearer " + user.token();
        }
    }

    private void renewSessionToken(ConsoleUser user) {
        try {
            Answer renewed = send(HttpMethod.POST, "/api/session-tokens", "Bearer " + user.token(), Map.of(), null);
            user.renewed(renewed.body().path("token").asText(), Instant.parse(renewed.body().path("expiresAt").asText()));
        } catch (ApiProblem refused) {
            if (refused.status() == 401 || refused.status() == 403) {
                throw new SessionOver(refused.detail());
            }
            throw refused;
        }
    }

    /** An answer that is not JSON (the evaluation as CSV), byte for byte, and its content type. */
    public record RawAnswer(byte[] body, String contentType) {
    }

    /** A GET answered in {@code accept} (a refusal is an {@link ApiProblem}, as for JSON). */
    public RawAnswer getRaw(ConsoleUser user, String path, MediaType accept) {
        RestClient.RequestBodySpec request = request(HttpMethod.GET, path, bearer(user), accept,
                MediaType.APPLICATION_PROBLEM_JSON);
        try {
            return request.exchange((sent, response) -> {
                byte[] bytes = response.getBody().readAllBytes();
                if (response.getStatusCode().value() >= 400) {
                    throw problem(new Answer(response.getStatusCode().value(),
                            bytes.length == 0 ? MissingNode.getInstance() : read(bytes), null));
                }
                MediaType type = response.getHeaders().getContentType();
                return new RawAnswer(bytes, type == null ? null : type.toString());
            });
        } catch (ResourceAccessException unreachable) {
            throw unreachable();
        }
    }

    private RestClient.RequestBodySpec request(HttpMethod method, String path, String authorization,
                                               MediaType... accept) {
        RestClient.RequestBodySpec request = clientFor(method, path).method(method).uri(path)
                .header(HttpHeaders.AUTHORIZATION, authorization).accept(accept);
        // The person's own address (the API believes it from the console's: SIGNPOST_TRUSTED_PROXIES), so
        // that repeated failed sign-ins lock their address and not the console's, which all share.
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes current) {
            request.header("X-Forwarded-For", current.getRequest().getRemoteAddr());
        }
        return request;
    }

    private static ApiProblem unreachable() {
        return new ApiProblem(503, "unavailable", "The service is unavailable",
                "The console could not reach Signpost's API. Try again in a minute.", List.of());
    }

    private Answer send(HttpMethod method, String path, String authorization, Object body, Long ifMatch) {
        RestClient.RequestBodySpec request = request(method, path, authorization, MediaType.APPLICATION_JSON,
                MediaType.APPLICATION_PROBLEM_JSON);
        if (ifMatch != null) {
            request.header(HttpHeaders.IF_MATCH, "\"" + ifMatch + "\"");
        }
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).body(body);
        }
        Answer answer;
        try {
            answer = request.exchange((sent, response) -> {
                byte[] bytes = response.getBody().readAllBytes();
                JsonNode parsed = bytes.length == 0 ? MissingNode.getInstance() : read(bytes);
                HttpHeaders headers = new HttpHeaders();
                headers.putAll(response.getHeaders());
                return new Answer(response.getStatusCode().value(), parsed, response.getHeaders().getETag(), headers);
            });
        } catch (ResourceAccessException unreachable) {
            throw unreachable();
        }
        if (answer.status() >= 400) {
            throw problem(answer);
        }
        return answer;
    }

    private JsonNode read(byte[] bytes) {
        try {
            return json.readTree(bytes);
        } catch (IOException e) {
            // Not JSON (a proxy's error page, say): kept as text for the problem's detail.
            return json.getNodeFactory().textNode(new String(bytes, StandardCharsets.UTF_8));
        }
    }

    private static ApiProblem problem(Answer answer) {
        JsonNode body = answer.body();
        List<ApiProblem.FieldProblem> errors = new ArrayList<>();
        body.path("errors").forEach(error -> errors.add(
                new ApiProblem.FieldProblem(error.path("field").asText(), error.path("message").asText())));
        return new ApiProblem(answer.status(), body.path("type").asText(""), body.path("title").asText("Refused"),
                body.path("detail").asText(""), errors);
    }

    /**
     * Split into processes, commands go to the command side and queries to a query side; the
     * read models' own POSTs (a replay, a retry) and the search for a person (a POST, so that an
     * NHS number or a name is never in a URL) are the query side's too.
     */
    private RestClient clientFor(HttpMethod method, String path) {
        boolean query = method == HttpMethod.GET || method == HttpMethod.HEAD || path.startsWith("/api/projections")
                || path.equals("/api/people/search");
        if (query) {
            RestClient current = queries;
            if (current == null) {
                current = client(firstOf(queryUrl, apiUrl));
                queries = current;
            }
            return current;
        }
        RestClient current = commands;
        if (current == null) {
            current = client(firstOf(commandUrl, apiUrl));
            commands = current;
        }
        return current;
    }

    private RestClient client(String configured) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(http);
        requests.setReadTimeout(Duration.ofSeconds(60));
        return RestClient.builder().baseUrl(baseUrl(configured)).requestFactory(requests).build();
    }

    private static String firstOf(String specific, String general) {
        return specific != null && !specific.isBlank() ? specific : general;
    }

    /** The URL configured, else this process's own server (the all-in-one service). */
    String baseUrl(String configured) {
        if (configured != null && !configured.isBlank()) {
            return configured.replaceAll("/+$", "");
        }
        String port = environment.getProperty("local.server.port");
        if (port == null) {
            throw new IllegalStateException("Set SIGNPOST_CONSOLE_API_URL: this console runs without Signpost's API");
        }
        String address = environment.getProperty("server.address", "127.0.0.1");
        if (address.isBlank() || address.equals("0.0.0.0") || address.equals("::")) {
            address = "127.0.0.1";
        }
        return "http://" + (address.contains(":") ? "[" + address + "]" : address) + ":" + port;
    }

    /** For pages that show an answer: JSON as maps and lists, which templates read by name. */
    public Map<String, Object> map(JsonNode node) {
        return json.convertValue(node, json.getTypeFactory().constructMapType(Map.class, String.class, Object.class));
    }

    public List<Map<String, Object>> list(JsonNode node) {
        List<Map<String, Object>> rows = new ArrayList<>();
        node.forEach(row -> rows.add(map(row)));
        return rows;
    }

    static UncheckedIOException unchecked(IOException e) {
        return new UncheckedIOException(e);
    }
}
