package org.signpost.platform.security;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.SecretKey;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

/**
 * Short-lived bearer tokens the service gives a user who signed in with their password, so that a
 * client acting for them (the staff console) need not keep the password: HS256 under a key
 * derived from the integrity key, which every process sharing the database already holds, so a
 * token one side issued is good on the other. A token names the user, their role and link worker
 * id, and the instant they signed in with a password; it may be renewed until
 * {@code maxSessionAge} after that sign-in, and stops working as soon as the user is removed
 * from the users file or their role changes there.
 */
public final class SessionTokens {

    /** The issuer of every session token; a token of any other issuer is the identity provider's. */
    public static final String ISSUER = "signpost-session";
    static final String SIGNED_IN_AT = "signedInAt";

    private final NimbusJwtEncoder encoder;
    private final NimbusJwtDecoder decoder;
    private final CurrentUsers users;
    private final Duration lifetime;
    private final Duration maxSessionAge;
    private final Clock clock;

    public SessionTokens(SecretKey key, CurrentUsers users, Duration lifetime, Duration maxSessionAge, Clock clock) {
        if (lifetime.isNegative() || lifetime.isZero() || lifetime.compareTo(maxSessionAge) > 0) {
            throw new IllegalArgumentException("A session token's lifetime must be above zero and at most the session's");
        }
        this.encoder = new NimbusJwtEncoder(new ImmutableSecret<>(key));
        this.decoder = NimbusJwtDecoder.withSecretKey(key).macAlgorithm(MacAlgorithm.HS256).build();
        JwtTimestampValidator expiry = new JwtTimestampValidator(Duration.ZERO);
        expiry.setClock(clock);
        this.decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(expiry, new JwtIssuerValidator(ISSUER),
                jwt -> jwt.getExpiresAt() != null ? OAuth2TokenValidatorResult.success()
                        : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "No expiry", null))));
        this.users = users;
        this.lifetime = lifetime;
        this.maxSessionAge = maxSessionAge;
        this.clock = clock;
    }

    /** A token, what it allows and until when. */
    public record Issued(String token, Instant expiresAt, Instant sessionEndsAt, SignpostUser user) {
    }

    /** For a user who has just given their password. */
    public Issued issue(SignpostUser user) {
        // Whole seconds, as the token carries it: a renewal then answers the same session end.
        return issue(user, clock.instant().truncatedTo(ChronoUnit.SECONDS));
    }

    /**
     * For the bearer of a session token still valid: a new one, as long as the session they began
     * with a password has not reached its maximum age.
     *
     * @return empty if the session is over: the user must give their password again
     */
    public Optional<Issued> renew(Jwt current, SignpostUser user) {
        Instant signedInAt = signedInAt(current);
        if (!clock.instant().isBefore(signedInAt.plus(maxSessionAge))) {
            return Optional.empty();
        }
        return Optional.of(issue(user, signedInAt));
    }

    private Issued issue(SignpostUser user, Instant signedInAt) {
        Instant now = clock.instant();
        Instant sessionEnds = signedInAt.plus(maxSessionAge);
        Instant expires = now.plus(lifetime).isAfter(sessionEnds) ? sessionEnds : now.plus(lifetime);
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder().issuer(ISSUER).subject(user.getUsername())
                .issuedAt(now).expiresAt(expires)
                .claim("role", user.role().name()).claim(SIGNED_IN_AT, signedInAt.getEpochSecond());
        if (user.linkWorkerId() != null) {
            claims.claim("linkWorkerId", user.linkWorkerId());
        }
        String token = encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(),
                claims.build())).getTokenValue();
        return new Issued(token, expires, sessionEnds, user);
    }

    JwtDecoder decoder() {
        return decoder;
    }

    public static boolean isSessionToken(Jwt jwt) {
        return ISSUER.equals(jwt.getClaimAsString(JwtClaimNames.ISS));
    }

    /**
     * The user a verified session token names, as the users file has them now: a user removed, or
     * whose role or link worker id changed since, is signed in by no token issued before.
     */
    AbstractAuthenticationToken authentication(Jwt jwt) {
        String name = jwt.getSubject();
        SignpostUser user = users.get().find(name)
                .filter(current -> current.role().name().equals(jwt.getClaimAsString("role")))
                .filter(current -> Objects.equals(current.linkWorkerId(), jwt.getClaimAsString("linkWorkerId")))
                .orElseThrow(() -> new InvalidBearerTokenException(
                        "The token's user is no longer in the users file with that role"));
        SignpostUser withoutPassword = new SignpostUser(user.username(), null, user.role(), user.linkWorkerId());
        return new SessionTokenAuthentication(withoutPassword, jwt);
    }

    private static Instant signedInAt(Jwt jwt) {
        Object value = jwt.getClaims().get(SIGNED_IN_AT);
        if (value instanceof Number seconds) {
            return Instant.ofEpochSecond(seconds.longValue());
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        throw new InvalidBearerTokenException("The session token has no sign-in time");
    }

    /** A request signed in by a session token: the user as the users file has them, and the token. */
    static final class SessionTokenAuthentication extends AbstractAuthenticationToken {
        private final SignpostUser user;
        private final Jwt jwt;

        SessionTokenAuthentication(SignpostUser user, Jwt jwt) {
            super(user.getAuthorities());
            this.user = user;
            this.jwt = jwt;
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

        Jwt jwt() {
            return jwt;
        }
    }
}
