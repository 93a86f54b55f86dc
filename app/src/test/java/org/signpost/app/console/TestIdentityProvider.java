package org.signpost.app.console;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jwt.JWTClaimsSet;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.signpost.platform.testing.TestTokens;

/**
 * An OpenID Connect provider for tests, on the loopback interface: discovery, an authorization
 * endpoint that signs in whoever the test chose (no form), a token endpoint that insists on the
 * PKCE verifier matching the challenge, and the test key's JWK set. Its access tokens are
 * {@link TestTokens}' (the API's test identity provider); its ID tokens carry the same claims.
 */
public final class TestIdentityProvider {

    public static final String CLIENT_ID = "signpost-console";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TestIdentityProvider INSTANCE = new TestIdentityProvider();

    /** Who the next authorization signs in. */
    public record Person(String name, String role, String linkWorkerId) {
    }

    private record Grant(Person person, String nonce, String challenge, String redirectUri) {
    }

    private final Map<String, Grant> codes = new ConcurrentHashMap<>();
    private final Map<String, Person> refreshTokens = new ConcurrentHashMap<>();
    private volatile Person next = new Person("org.user", "COORDINATOR", null);
    private volatile Map<String, String> lastAuthorization = Map.of();
    private final String issuer;

    private TestIdentityProvider() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            issuer = "http://127.0.0.1:" + server.getAddress().getPort();
            server.createContext("/.well-known/openid-configuration", this::discovery);
            server.createContext("/authorize", this::authorize);
            server.createContext("/token", this::token);
            server.setExecutor(null);
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static TestIdentityProvider get() {
        return INSTANCE;
    }

    public String issuer() {
        return issuer;
    }

    public void signInNext(Person person) {
        next = person;
    }

    /** The query parameters of the last authorization request (to see PKCE's challenge in it). */
    public Map<String, String> lastAuthorization() {
        return lastAuthorization;
    }

    private void discovery(HttpExchange exchange) throws IOException {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("issuer", issuer);
        document.put("authorization_endpoint", issuer + "/authorize");
        document.put("token_endpoint", issuer + "/token");
        document.put("jwks_uri", TestTokens.jwkSetUri());
        document.put("response_types_supported", new String[] {"code"});
        document.put("subject_types_supported", new String[] {"public"});
        document.put("id_token_signing_alg_values_supported", new String[] {"RS256"});
        document.put("code_challenge_methods_supported", new String[] {"S256"});
        answer(exchange, 200, document);
    }

    private void authorize(HttpExchange exchange) throws IOException {
        Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
        lastAuthorization = query;
        String code = UUID.randomUUID().toString();
        codes.put(code, new Grant(next, query.get("nonce"), query.get("code_challenge"), query.get("redirect_uri")));
        exchange.getResponseHeaders().add("Location", query.get("redirect_uri") + "?code=" + code + "&state="
                + URLEncoder.encode(query.get("state"), StandardCharsets.UTF_8));
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    private void token(HttpExchange exchange) throws IOException {
        Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        if ("refresh_token".equals(form.get("grant_type"))) {
            Person person = refreshTokens.get(form.get("refresh_token"));
            if (person == null) {
                answer(exchange, 400, Map.of("error", "invalid_grant"));
                return;
            }
            answer(exchange, 200, tokens(person, null));
            return;
        }
        Grant grant = codes.remove(form.getOrDefault("code", ""));
        if (grant == null || grant.challenge() == null || form.get("code_verifier") == null
                || !grant.challenge().equals(s256(form.get("code_verifier")))
                || !grant.redirectUri().equals(form.get("redirect_uri"))) {
            answer(exchange, 400, Map.of("error", "invalid_grant"));
            return;
        }
        answer(exchange, 200, tokens(grant.person(), grant.nonce()));
    }

    private Map<String, Object> tokens(Person person, String nonce) {
        JWTClaimsSet.Builder id = TestTokens.claims(person.name(), person.role(), person.linkWorkerId(), issuer,
                CLIENT_ID, Instant.now().plusSeconds(1800)).issueTime(Date.from(Instant.now()));
        if (nonce != null) {
            id.claim("nonce", nonce);
        }
        String refresh = UUID.randomUUID().toString();
        refreshTokens.put(refresh, person);
        Map<String, Object> tokens = new LinkedHashMap<>();
        tokens.put("access_token", TestTokens.token(person.name(), person.role(), person.linkWorkerId()));
        tokens.put("token_type", "Bearer");
        tokens.put("expires_in", 1800);
        tokens.put("id_token", TestTokens.sign(id));
        tokens.put("refresh_token", refresh);
        tokens.put("scope", "openid profile");
        return tokens;
    }

    private static String s256(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> form(String encoded) {
        Map<String, String> values = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return values;
        }
        for (String pair : encoded.split("&")) {
            String[] kv = pair.split("=", 2);
            values.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                    kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        return values;
    }

    private static void answer(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    /** Follows the provider's redirect as a browser would, and answers where it sends the browser back to. */
    public static URI follow(String authorizationLocation) {
        try {
            var client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
            var answer = client.send(HttpRequest.newBuilder(URI.create(authorizationLocation)).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            return URI.create(answer.headers().firstValue("Location").orElseThrow());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
