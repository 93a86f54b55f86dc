package org.signpost.query.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.signpost.platform.testing.Api;
import org.signpost.platform.testing.Api.Response;
import org.signpost.platform.testing.SecurityHeaders;
import org.signpost.query.testing.QuerySideTest;

/**
 * What a client sends that the service cannot use is a 400 problem+json naming what is wrong,
 * with the security headers of every answer: text parameters with control or bidirectional
 * characters, instants beyond what can be stored, paths the firewall or Tomcat refuses. And
 * {@code /error} is just another unknown path.
 */
class RefusedRequestsHttpTest extends QuerySideTest {

    static Stream<Arguments> refusedRequests() {
        return Stream.of(
                Arguments.of("/api/audit/events?actor=a%00b", "actor"),
                Arguments.of("/api/audit/events?type=LinkWorkerAssigned%00", "type"),
                Arguments.of("/api/audit/events?aggregateId=%00", "aggregateId"),
                Arguments.of("/api/audit/events?actor=%E2%80%AEnimda", "actor"),
                Arguments.of("/api/audit/events?actor=auditor%0D%0Ax", "actor"),
                Arguments.of("/api/audit/events?from=-999999999-01-01T00:00:00Z", "from"),
                Arguments.of("/api/audit/events?to=%2B999999999-12-31T23:59:59.999999999Z", "to"),
                Arguments.of("/api/audit/events?from=0000-12-31", "from"),
                Arguments.of("/api/audit/personal-data-reads?subjectId=a%00b", "subjectId"),
                Arguments.of("/api/audit/personal-data-reads?actor=%00", "actor"),
                Arguments.of("/api/audit/personal-data-reads?actor=%E2%81%A6x", "actor"),
                Arguments.of("/api/audit/personal-data-reads?from=-999999999-01-01T00:00:00Z", "from"),
                Arguments.of("/api/audit/personal-data-reads?to=%2B999999999-12-31T23:59:59Z", "to"),
                Arguments.of("/api/audit;x/events", "path"),
                Arguments.of("/api/audit/%2e%2e/events", "path"),
                Arguments.of("/api/audit//events", "path"),
                Arguments.of("/api/audit%2Fevents", "path"),
                Arguments.of("/api/audit/events%00", "path"),
                Arguments.of("/api/audit/%5Cevents", "path"),
                Arguments.of("/api/caseloads/lw%00", "path"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedRequests")
    void isABadRequestNamingWhatIsWrongWithTheSecurityHeaders(String path, String field) {
        Response response = api.as("auditor").get(path);

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.contentType()).isEqualTo("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.path("status").asInt()).isEqualTo(400);
        assertThat(problem.path("type").asText()).isEqualTo("urn:signpost:problem:invalid-input");
        assertThat(problem.path("errors").findValuesAsText("field")).as(response.toString()).containsExactly(field);
        assertHasSecurityHeaders(response);
    }

    static Stream<Arguments> malformedRequests() {
        String host = "Host: 127.0.0.1\r\n";
        return Stream.of(
                Arguments.of("a header name with a space", "GET /api/audit/events HTTP/1.1\r\n" + host + "Bad Header: x\r\n",
                        "request"),
                Arguments.of("a header of 9 kB", "GET /api/audit/events HTTP/1.1\r\n" + host + "X-Big: "
                        + "a".repeat(9000) + "\r\n", "request"),
                Arguments.of("no Host header", "GET /api/audit/events HTTP/1.1\r\n", "request"),
                Arguments.of("a space in the query", "GET /api/audit/events?actor=a b HTTP/1.1\r\n" + host, "request"),
                Arguments.of("a malformed escape in the path", "GET /api/audit/%zz/events HTTP/1.1\r\n" + host, "path"),
                Arguments.of("TRACE", "TRACE /api/audit/events HTTP/1.1\r\n" + host, "method"),
                Arguments.of("an unknown method", "FOO /api/audit/events HTTP/1.1\r\n" + host, "method"),
                Arguments.of("CONNECT", "CONNECT 127.0.0.1:443 HTTP/1.1\r\n" + host, "request"));
    }

    /** Requests no HTTP client library sends, written on a socket. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedRequests")
    void aMalformedRequestIsABadRequestWithTheSecurityHeaders(String what, String head, String part) throws Exception {
        String credentials = Base64.getEncoder().encodeToString(
                ("auditor:" + Api.PASSWORD).getBytes(StandardCharsets.UTF_8));
        String answer;
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write((head + "Authorization: Basic " + credentials + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
        String[] headAndBody = answer.split("\r\n\r\n", 2);
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headAndBody[0].lines().skip(1).map(line -> line.split(": ?", 2))
                .forEach(header -> headers.put(header[0], header.length > 1 ? header[1] : ""));

        assertThat(headAndBody[0]).as(answer).startsWith("HTTP/1.1 400");
        assertThat(headers.get("Content-Type")).isEqualTo("application/problem+json");
        assertThat(headAndBody[1]).contains("\"field\":\"" + part + "\"");
        assertThat(headers.get("Content-Security-Policy")).isEqualTo("default-src 'none'; frame-ancestors 'none'");
        assertThat(headers.get("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(headers.get("X-Frame-Options")).isEqualTo("DENY");
        assertThat(headers.get("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(headers.get("Strict-Transport-Security")).startsWith("max-age=31536000");
    }

    @Test
    void aSearchWithinTheYearsThatCanBeStoredIsAnswered() {
        Response response = api.as("auditor").get(
                "/api/audit/events?from=0001-01-01T00:00:00Z&to=9999-12-31T23:59:59.999999999Z");

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(api.as("auditor").get("/api/audit/personal-data-reads?from=0001-01-01&to=9999-12-31").status())
                .isEqualTo(200);
    }

    @Test
    void errorItselfIsAnsweredAsAnUnknownPath() {
        Response error = api.as("auditor").get("/error");
        Response unknown = api.as("auditor").get("/api/no-such-path");

        // Not in the role table (docs/access.md), as an unknown path is not: refused alike.
        assertThat(error.status()).as(error.toString()).isEqualTo(unknown.status()).isEqualTo(403);
        assertThat(error.contentType()).isEqualTo("application/problem+json");
        assertThat(error.json().path("type")).isEqualTo(unknown.json().path("type"));
        assertThat(error.json().path("title")).isEqualTo(unknown.json().path("title"));
        assertHasSecurityHeaders(error);
        assertThat(api.anonymous().get("/error").status()).isEqualTo(api.anonymous().get("/api/no-such-path").status())
                .isEqualTo(401);
        assertThat(api.as("auditor").postRaw("/error", "application/json", "{}".getBytes()).status())
                .isEqualTo(api.as("auditor").postRaw("/api/no-such-path", "application/json", "{}".getBytes()).status());
    }

    static void assertHasSecurityHeaders(Response response) {
        SecurityHeaders.assertPresent(response);
    }
}
