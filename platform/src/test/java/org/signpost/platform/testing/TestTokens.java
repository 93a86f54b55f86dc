package org.signpost.platform.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;

/**
 * An identity provider for tests: one RSA key pair per test run, its public key in a PEM file
 * the service is configured with (no JWK set to fetch), and real signed tokens.
 */
public final class TestTokens {

    public static final String ISSUER = "https://idp.test.signpost";
    public static final String AUDIENCE = "signpost-api";
    private static final String KEY_ID = "test-key-1";

    private static final KeyPair KEYS = generate();
    private static final Path PUBLIC_KEY = writePublicKey();
    private static final String JWK_SET_URI = serveJwkSet();

    private TestTokens() {
    }

    /** Where the provider's JWK set (its public key) is served. */
    public static String jwkSetUri() {
        return JWK_SET_URI;
    }

    public static Path publicKeyFile() {
        return PUBLIC_KEY;
    }

    /** A valid token for half an hour (issued a minute ago; the service takes none valid for over an hour). */
    public static String token(String username, String role, String linkWorkerId) {
        return sign(KEYS, claims(username, role, linkWorkerId, ISSUER, AUDIENCE, Instant.now().plusSeconds(1800)));
    }

    public static JWTClaimsSet.Builder claims(String username, String role, String linkWorkerId, String issuer,
                                              String audience, Instant expiry) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(issuer).audience(audience)
                .subject("sub-" + username).claim("preferred_username", username)
                .issueTime(Date.from(Instant.now().minusSeconds(60))).expirationTime(Date.from(expiry));
        if (role != null) {
            claims.claim("role", role);
        }
        if (linkWorkerId != null) {
            claims.claim("linkWorkerId", linkWorkerId);
        }
        return claims;
    }

    public static String sign(JWTClaimsSet.Builder claims) {
        return sign(KEYS, claims);
    }

    /** Signed by a key the service does not know. */
    public static String signWithAnotherKey(JWTClaimsSet.Builder claims) {
        return sign(generate(), claims);
    }

    private static String sign(KeyPair keys, JWTClaimsSet.Builder claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(KEY_ID).build(), claims.build());
            jwt.sign(new RSASSASigner(keys.getPrivate()));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path writePublicKey() {
        try {
            Path file = Files.createTempFile(Files.createDirectories(Path.of("target").toAbsolutePath()),
                    "test-jwt-", ".pem");
            String base64 = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(KEYS.getPublic().getEncoded());
            Files.writeString(file, "-----BEGIN PUBLIC KEY-----\n" + base64 + "\n-----END PUBLIC KEY-----\n");
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The properties that make a test context accept these tokens: the provider's JWK set, as in
     * production, served on the loopback interface by this test provider.
     */
    public static Map<String, String> properties() {
        return Map.of("signpost.jwt.issuer", ISSUER, "signpost.jwt.audience", AUDIENCE,
                "signpost.jwt.jwk-set-uri", JWK_SET_URI);
    }

    private static String serveJwkSet() {
        try {
            HttpServer server = HttpServer.create(
                    new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            byte[] jwks = new JWKSet(new RSAKey.Builder(
                    (RSAPublicKey) KEYS.getPublic()).keyID(KEY_ID).build())
                    .toString().getBytes(StandardCharsets.UTF_8);
            server.createContext("/jwks", exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, jwks.length);
                exchange.getResponseBody().write(jwks);
                exchange.close();
            });
            server.setExecutor(null);
            server.start();
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/jwks";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
