package org.signpost.platform.security;

import com.nimbusds.jwt.JWTParser;
import java.text.ParseException;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Sends a bearer token to the decoder of its issuer: the service's own session tokens to
 * {@link SessionTokens}' (HS256 under the service's key), any other to the identity provider's,
 * if one is configured. The issuer read before verifying only picks the key; the chosen decoder
 * verifies the signature and checks the issuer again.
 */
final class IssuerDecoder implements JwtDecoder {

    private final JwtDecoder sessionTokens;
    private final JwtDecoder identityProvider;

    IssuerDecoder(JwtDecoder sessionTokens, JwtDecoder identityProvider) {
        this.sessionTokens = sessionTokens;
        this.identityProvider = identityProvider;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        String issuer;
        try {
            issuer = JWTParser.parse(token).getJWTClaimsSet().getIssuer();
        } catch (ParseException e) {
            throw new BadJwtException("The bearer token is not a JWT", e);
        }
        if (SessionTokens.ISSUER.equals(issuer)) {
            return sessionTokens.decode(token);
        }
        if (identityProvider == null) {
            throw new BadJwtException("No identity provider is configured: only Signpost's session tokens are accepted");
        }
        return identityProvider.decode(token);
    }
}
