package org.signpost.console.organisation;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.signpost.console.api.ConsoleUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.endpoint.OAuth2RefreshTokenGrantRequest;
import org.springframework.security.oauth2.client.endpoint.RestClientRefreshTokenTokenResponseClient;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;

/**
 * "Sign in with your organisation": OpenID Connect, authorization code with PKCE, with the
 * identity provider of SIGNPOST_OIDC_ISSUER. Its ID token carries the same claims the API's bearer
 * tokens do ({@code role}, {@code linkWorkerId}, {@code preferred_username}); its access token is
 * what the console then sends to the API, which checks it as it checks any of the provider's
 * tokens (the SIGNPOST_JWT_ISSUER settings), and it is refreshed while the person works if the provider gave a
 * refresh token. Once signed in, such a person is a {@link ConsoleUser} like any other.
 */
public final class OrganisationSignIn {

    private static final Logger log = LoggerFactory.getLogger(OrganisationSignIn.class);

    private final DiscoveredProvider provider;
    private final OAuth2AuthorizedClientRepository authorizedClients = new HttpSessionOAuth2AuthorizedClientRepository();
    private final HttpSessionSecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
    private final HttpSessionRequestCache savedRequests = new HttpSessionRequestCache();
    private final RestClientRefreshTokenTokenResponseClient refreshes = new RestClientRefreshTokenTokenResponseClient();

    public OrganisationSignIn(DiscoveredProvider provider) {
        this.provider = provider;
    }

    public void configure(HttpSecurity http) throws Exception {
        DefaultOAuth2AuthorizationRequestResolver requests = new DefaultOAuth2AuthorizationRequestResolver(provider,
                "/oauth2/authorization");
        // PKCE for every client, confidential or public (RFC 9700).
        requests.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        http.oauth2Login(login -> login
                .loginPage("/sign-in")
                .clientRegistrationRepository(provider)
                .authorizedClientRepository(authorizedClients)
                .authorizationEndpoint(endpoint -> endpoint.authorizationRequestResolver(requests))
                .userInfoEndpoint(userInfo -> userInfo.oidcUserService(new OidcUserService()))
                .successHandler(this::signedIn)
                .failureHandler((request, response, e) -> {
                    log.warn("A sign-in with the organisation's identity provider failed: {}", e.getClass().getSimpleName());
                    response.sendRedirect("/sign-in?organisation-failed");
                }));
    }

    /** The provider's person as a console user, in place of Spring's OAuth2 token, for the rest of the session. */
    private void signedIn(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException {
        OAuth2AuthenticationToken oauth = (OAuth2AuthenticationToken) authentication;
        OidcUser person = (OidcUser) oauth.getPrincipal();
        OAuth2AuthorizedClient client = authorizedClients.loadAuthorizedClient(
                oauth.getAuthorizedClientRegistrationId(), oauth, request);
        String role = person.getClaimAsString("role");
        String linkWorkerId = person.getClaimAsString("linkWorkerId");
        String name = Optional.ofNullable(person.getPreferredUsername()).filter(n -> !n.isBlank())
                .orElse(person.getSubject());
        if (client == null || role == null || !ROLES.contains(role)
                || role.equals("LINK_WORKER") && (linkWorkerId == null || linkWorkerId.isBlank())) {
            SecurityContextHolder.clearContext();
            request.getSession().invalidate();
            response.sendRedirect("/sign-in?no-role");
            return;
        }
        authorizedClients.removeAuthorizedClient(oauth.getAuthorizedClientRegistrationId(), oauth, request, response);
        ConsoleUser user = new ConsoleUser(name, role, role.equals("LINK_WORKER") ? linkWorkerId : null,
                client.getAccessToken().getTokenValue(), expiry(client.getAccessToken().getExpiresAt()),
                new Refresh(client));
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.authorities()));
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        SavedRequest saved = savedRequests.getRequest(request, response);
        savedRequests.removeRequest(request, response);
        response.sendRedirect(saved != null ? saved.getRedirectUrl() : "/");
    }

    private static final List<String> ROLES = List.of("COORDINATOR", "LINK_WORKER", "MANAGER", "ANALYST", "AUDITOR",
            "DATA_PROTECTION_OFFICER");

    private static Instant expiry(Instant expiresAt) {
        // A token without an expiry is one the API refuses anyway; treat it as good for a minute.
        return expiresAt != null ? expiresAt : Instant.now().plusSeconds(60);
    }

    /** The refresh token the provider gave, if any, exchanged for a new access token. */
    private final class Refresh implements ConsoleUser.TokenRenewal {
        private volatile OAuth2AuthorizedClient client;

        Refresh(OAuth2AuthorizedClient client) {
            this.client = client;
        }

        @Override
        public Optional<ConsoleUser.Renewed> renew() {
            OAuth2AuthorizedClient current = client;
            if (current.getRefreshToken() == null) {
                return Optional.empty();
            }
            try {
                OAuth2AccessTokenResponse answer = refreshes.getTokenResponse(new OAuth2RefreshTokenGrantRequest(
                        current.getClientRegistration(), current.getAccessToken(), current.getRefreshToken()));
                client = new OAuth2AuthorizedClient(current.getClientRegistration(), current.getPrincipalName(),
                        answer.getAccessToken(), answer.getRefreshToken() != null ? answer.getRefreshToken()
                        : current.getRefreshToken());
                return Optional.of(new ConsoleUser.Renewed(answer.getAccessToken().getTokenValue(),
                        expiry(answer.getAccessToken().getExpiresAt())));
            } catch (RuntimeException refused) {
                log.info("The organisation's identity provider refused to refresh a token: {}",
                        refused.getClass().getSimpleName());
                return Optional.empty();
            }
        }
    }
}
