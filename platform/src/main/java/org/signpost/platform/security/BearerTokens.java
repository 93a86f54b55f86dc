package org.signpost.platform.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

/**
 * Production sign-in: bearer JWTs from the organisation's identity provider. The issuer and
 * audience must match, the signature must verify against the provider's JWK set (or, where the
 * service may make no outbound call, a public key file), and the token must carry an expiry,
 * not have expired and be valid for no longer than {@code maxLifetime}: a stolen token is
 * worth an hour at most, not years. The role comes from claim {@code role}, a link worker's id
 * from {@code linkWorkerId}, the user's name from {@code preferred_username} (else {@code sub}).
 *
 * @param issuer      SIGNPOST_JWT_ISSUER; bearer tokens are accepted only when it is set
 * @param audience    SIGNPOST_JWT_AUDIENCE
 * @param jwkSetUri   SIGNPOST_JWT_JWK_SET_URI
 * @param publicKey   SIGNPOST_JWT_PUBLIC_KEY: a PEM file with the RSA public key, instead of the JWK set
 * @param maxLifetime SIGNPOST_JWT_MAX_LIFETIME: the longest a token may be valid for (expiry less
 *                    issue time, and expiry less now)
 */
@ConfigurationProperties("signpost.jwt")
public record BearerTokens(String issuer, String audience, String jwkSetUri, String publicKey,
                           @DefaultValue("PT1H") Duration maxLifetime) {

    /**
     * Put before a token user's name wherever it is recorded: no users-file name holds a ':'
     * (UsersFile), so the identity provider can never name someone who acts as a file's user.
     */
    public static final String ACTOR_PREFIX = "idp:";
    /** As Spring Security's own expiry check allows: the provider's clock and ours may differ. */
    private static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

    public boolean enabled() {
        return issuer != null && !issuer.isBlank();
    }

    JwtDecoder decoder() throws IOException {
        if (audience == null || audience.isBlank()) {
            throw new IllegalStateException("SIGNPOST_JWT_AUDIENCE must be set with SIGNPOST_JWT_ISSUER");
        }
        NimbusJwtDecoder decoder;
        if (publicKey != null && !publicKey.isBlank()) {
            decoder = NimbusJwtDecoder.withPublicKey(readPublicKey(Path.of(publicKey))).build();
        } else if (jwkSetUri != null && !jwkSetUri.isBlank()) {
            decoder = NimbusJwtDecoder.withJwkSetUri(jwkSetUri).build();
        } else {
            throw new IllegalStateException("Set SIGNPOST_JWT_JWK_SET_URI or SIGNPOST_JWT_PUBLIC_KEY with SIGNPOST_JWT_ISSUER");
        }
        OAuth2TokenValidator<Jwt> audienceMatches = jwt -> jwt.getAudience() != null && jwt.getAudience().contains(audience)
                ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "The token is not for this service", null));
        if (maxLifetime == null || maxLifetime.isNegative() || maxLifetime.isZero()) {
            throw new IllegalStateException("SIGNPOST_JWT_MAX_LIFETIME must be longer than zero");
        }
        // Spring Security's default checks an expiry only if there is one.
        OAuth2TokenValidator<Jwt> expires = new JwtClaimValidator<Instant>(JwtClaimNames.EXP, Objects::nonNull);
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(issuer),
                audienceMatches, expires, lifetimeAtMost(maxLifetime, Clock.systemUTC())));
        return decoder;
    }

    /**
     * Refuses a token valid for longer than {@code max}: from its issue time, and from now (an
     * issue time is optional, and one in the future would otherwise stretch the expiry).
     */
    static OAuth2TokenValidator<Jwt> lifetimeAtMost(Duration max, Clock clock) {
        return jwt -> {
            Instant expiry = jwt.getExpiresAt();
            if (expiry == null) {
                return OAuth2TokenValidatorResult.success();
            }
            Instant issued = jwt.getIssuedAt();
            boolean tooLong = Duration.between(clock.instant(), expiry).compareTo(max.plus(CLOCK_SKEW)) > 0
                    || issued != null && Duration.between(issued, expiry).compareTo(max) > 0;
            return tooLong
                    ? OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token",
                            "The token is valid for longer than " + max, null))
                    : OAuth2TokenValidatorResult.success();
        };
    }

    /**
     * A verified token's user, named {@code idp:} and its name; a token without a known role, or
     * without a name that {@link UserNames} allows, signs nobody in.
     */
    static AbstractAuthenticationToken authentication(Jwt jwt) {
        Role role = Optional.ofNullable(jwt.getClaimAsString("role")).flatMap(BearerTokens::role)
                .orElseThrow(() -> new InvalidBearerTokenException("The token has no known role"));
        String linkWorkerId = jwt.getClaimAsString("linkWorkerId");
        if (role == Role.LINK_WORKER && (linkWorkerId == null || linkWorkerId.isBlank())) {
            throw new InvalidBearerTokenException("A link worker's token needs a linkWorkerId");
        }
        if (role == Role.LINK_WORKER) {
            UserNames.problem(linkWorkerId).ifPresent(problem -> {
                throw new InvalidBearerTokenException("The token's linkWorkerId " + problem);
            });
        }
        String name = text(jwt, "preferred_username").filter(given -> !given.isBlank())
                .or(() -> text(jwt, JwtClaimNames.SUB)).orElse(null);
        UserNames.problem(name).ifPresent(problem -> {
            throw new InvalidBearerTokenException("The token's user name (preferred_username, else sub) " + problem);
        });
        SignpostUser user = new SignpostUser(ACTOR_PREFIX + name, null, role,
                role == Role.LINK_WORKER ? linkWorkerId : null);
        return new AbstractAuthenticationToken(user.getAuthorities()) {
            {
                setAuthenticated(true);
            }

            @Override
            public Object getCredentials() {
                return jwt;
            }

            @Override
            public Object getPrincipal() {
                return user;
            }

            @Override
            public String getName() {
                return user.getUsername();
            }
        };
    }

    /** A claim that is a string; a number or a list names nobody. */
    private static Optional<String> text(Jwt jwt, String claim) {
        return jwt.getClaims().get(claim) instanceof String text ? Optional.of(text) : Optional.empty();
    }

    private static Optional<Role> role(String name) {
        return List.of(Role.values()).stream().filter(role -> role.name().equals(name)).findFirst();
    }

    private static RSAPublicKey readPublicKey(Path pem) throws IOException {
        String base64 = Files.readString(pem).replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("SIGNPOST_JWT_PUBLIC_KEY is not a PEM RSA public key", e);
        }
    }
}
