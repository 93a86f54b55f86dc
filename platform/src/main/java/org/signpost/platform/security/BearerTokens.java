package org.signpost.platform.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

/**
 * Production sign-in: bearer JWTs from the organisation's identity provider. The issuer and
 * audience must match, the signature must verify against the provider's JWK set (or, where the
 * service may make no outbound call, a public key file), and the token must not have expired.
 * The role comes from claim {@code role}, a link worker's id from {@code linkWorkerId}.
 *
 * @param issuer    SIGNPOST_JWT_ISSUER; bearer tokens are accepted only when it is set
 * @param audience  SIGNPOST_JWT_AUDIENCE
 * @param jwkSetUri SIGNPOST_JWT_JWK_SET_URI
 * @param publicKey SIGNPOST_JWT_PUBLIC_KEY: a PEM file with the RSA public key, instead of the JWK set
 */
@ConfigurationProperties("signpost.jwt")
public record BearerTokens(String issuer, String audience, String jwkSetUri, String publicKey) {

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
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(issuer),
                audienceMatches));
        return decoder;
    }

    /** A verified token's user; a token without a known role signs nobody in. */
    static AbstractAuthenticationToken authentication(Jwt jwt) {
        Role role = Optional.ofNullable(jwt.getClaimAsString("role")).flatMap(BearerTokens::role)
                .orElseThrow(() -> new InvalidBearerTokenException("The token has no known role"));
        String linkWorkerId = jwt.getClaimAsString("linkWorkerId");
        if (role == Role.LINK_WORKER && (linkWorkerId == null || linkWorkerId.isBlank())) {
            throw new InvalidBearerTokenException("A link worker's token needs a linkWorkerId");
        }
        String username = Optional.ofNullable(jwt.getClaimAsString("preferred_username")).orElse(jwt.getSubject());
        SignpostUser user = new SignpostUser(username, null, role, role == Role.LINK_WORKER ? linkWorkerId : null);
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

    private static Optional<Role> role(String name) {
        return List.of(Role.values()).stream().filter(role -> role.name().equals(name)).findFirst();
    }

    private static RSAPublicKey readPublicKey(Path pem) throws IOException {
        String base64 = Files.readString(pem).replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (java.security.GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("SIGNPOST_JWT_PUBLIC_KEY is not a PEM RSA public key", e);
        }
    }
}
