package org.signpost.platform.security;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.HEAD;
import static org.springframework.http.HttpMethod.POST;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.signpost.platform.integrity.ChainKey;
import org.signpost.platform.web.CrossSiteRequestFilter;
import org.signpost.platform.web.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may call what, by the role table of docs/access.md. Health is open; every other path listed
 * needs a user of a role the table names, and anything not listed is refused. Finer rules (a link
 * worker's own participants only) are enforced where the data is.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({BearerTokens.class, SignInLimits.class})
public class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);
    private static final String COORDINATOR = Role.COORDINATOR.name();
    private static final String LINK_WORKER = Role.LINK_WORKER.name();
    private static final String MANAGER = Role.MANAGER.name();
    private static final String ANALYST = Role.ANALYST.name();
    private static final String AUDITOR = Role.AUDITOR.name();
    private static final String DPO = Role.DATA_PROTECTION_OFFICER.name();
    /** Swagger UI's page and files (the OpenAPI document itself is JSON like the rest). */
    private static final RequestMatcher API_DOCS_UI = new OrRequestMatcher(
            PathPatternRequestMatcher.withDefaults().matcher("/swagger-ui.html"),
            PathPatternRequestMatcher.withDefaults().matcher("/swagger-ui/**"));

    @Bean
    SignInThrottle signInThrottle(SignInLimits limits) {
        return new SignInThrottle(limits);
    }

    /**
     * The one AuthenticationProvider bean: Spring Security makes it the password sign-in of every
     * filter chain. Its users are read before any bean is made (UsersFileStartup).
     */
    @Bean
    PasswordSignIn passwordSignIn(CurrentUsers users, PasswordEncoder passwordEncoder, SignInThrottle throttle,
                                  MeterRegistry meters) {
        return new PasswordSignIn(users, passwordEncoder, throttle, meters);
    }

    /**
     * No observations of the filter chain, authentications or authorizations: Spring Security
     * otherwise wraps each of its filters in an observation on every request (6 % of the CPU of a
     * caseload answer, docs/benchmarks.md) for spans nobody collects; switching them off by
     * property only made the observations no-ops, the wrapping stayed. HTTP request metrics stay.
     */
    @Bean
    static SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    SessionTokens sessionTokens(ChainKey key, CurrentUsers users, Clock clock,
                                @Value("${signpost.session.token-lifetime}") Duration lifetime,
                                @Value("${signpost.session.max-age}") Duration maxAge) {
        return new SessionTokens(key.derive("session tokens"), users, lifetime, maxAge, clock);
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new VerifiedPasswordCache(PasswordEncoderFactories.createDelegatingPasswordEncoder(), Duration.ofMinutes(5));
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, ObjectMapper objectMapper, BearerTokens bearerTokens,
                                            SessionTokens sessionTokens,
                                            @Value("${signpost.allowed-origins:}") List<String> allowedOrigins)
            throws Exception {
        AuthenticationEntryPoint unauthenticated = (request, response, e) -> {
            if (e instanceof TooManyFailedSignIns tooMany) {
                response.setHeader("Retry-After", Long.toString(tooMany.retryAfterSeconds()));
                write(response, objectMapper, tooMany.problem());
                return;
            }
            response.setHeader("WWW-Authenticate", "Basic realm=\"signpost\", Bearer realm=\"signpost\"");
            write(response, objectMapper, Problems.problem(HttpStatus.UNAUTHORIZED, "unauthenticated",
                    "Not authenticated", "Sign in to use this service."));
        };
        http.csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .headers(headers -> headers
                        // An API of JSON answers: nothing in them may load, run or be framed. Swagger UI,
                        // the one page served, loads its own scripts and styles (and inlines styles).
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(API_DOCS_UI),
                                new ContentSecurityPolicyHeaderWriter("default-src 'none'; frame-ancestors 'none'")))
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(API_DOCS_UI,
                                new ContentSecurityPolicyHeaderWriter("default-src 'none'; script-src 'self'; "
                                        + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; "
                                        + "frame-ancestors 'none'")))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                        .frameOptions(frame -> frame.deny())
                        // Sent on plain HTTP too: behind a TLS-terminating proxy the request looks insecure here.
                        .httpStrictTransportSecurity(hsts -> hsts.requestMatcher(AnyRequestMatcher.INSTANCE)
                                .includeSubDomains(true).maxAgeInSeconds(31_536_000)))
                .httpBasic(basic -> basic.authenticationEntryPoint(unauthenticated))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler((request, response, ex) -> write(response, objectMapper,
                                Problems.problem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                                        "Your role may not do this."))));
        // Session tokens (SessionTokens) always; the identity provider's where one is configured.
        JwtDecoder identityProvider = bearerTokens.enabled() ? bearerTokens.decoder() : null;
        http.oauth2ResourceServer(resourceServer -> resourceServer
                .authenticationEntryPoint(unauthenticated)
                .jwt(jwt -> jwt.decoder(new IssuerDecoder(sessionTokens.decoder(), identityProvider))
                        .jwtAuthenticationConverter(token -> SessionTokens.isSessionToken(token)
                                ? sessionTokens.authentication(token) : BearerTokens.authentication(token))));
        if (identityProvider != null) {
            log.info("Bearer tokens of issuer {} are accepted", bearerTokens.issuer());
        }
        // In the place of Spring's CSRF filter (its tokens fit no API client), before any authentication: a
        // cross-site request carrying a browser's cached credentials never reaches a handler.
        http.addFilterAt(new CrossSiteRequestFilter(allowedOrigins, objectMapper), CsrfFilter.class);
        // The role table of docs/access.md, row for row (AccessControlHttpTest checks every cell of it).
        // A rule for GET holds for HEAD, which runs the same handler; anything not listed is refused.
        http
                .authorizeHttpRequests(auth -> auth
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers(read("/actuator/health", "/actuator/health/*")).permitAll()
                        .requestMatchers(read("/")).permitAll()
                        .requestMatchers(POST, "/api/session-tokens").authenticated()
                        .requestMatchers(POST, "/api/referrals", "/api/referrals/*/triage",
                                "/api/referrals/*/assignment", "/api/referrals/*/withdrawal",
                                "/api/participants/*/link-worker").hasAnyRole(COORDINATOR, MANAGER)
                        .requestMatchers(POST, "/api/participants/*/sessions", "/api/participants/*/missed-sessions",
                                "/api/participants/*/contacts", "/api/participants/*/measures",
                                "/api/participants/*/signposts", "/api/participants/*/signposts/*/uptake",
                                "/api/participants/*/safeguarding-concerns",
                                "/api/participants/*/safeguarding-concerns/*/closure", "/api/participants/*/discharge")
                        .hasAnyRole(LINK_WORKER, MANAGER)
                        .requestMatchers(POST, "/api/participants/*/extension").hasRole(MANAGER)
                        .requestMatchers(POST, "/api/participants/*/erasure", "/api/referrals/*/erasure")
                        .hasRole(DPO)
                        // A read, posted so that the NHS number or name searched for is never in a URL.
                        .requestMatchers(POST, "/api/people/search")
                        .hasAnyRole(COORDINATOR, MANAGER, DPO, LINK_WORKER)
                        .requestMatchers(read("/api/triage-queue")).hasAnyRole(COORDINATOR, MANAGER)
                        .requestMatchers(read("/api/caseloads", "/api/caseloads/*"))
                        .hasAnyRole(COORDINATOR, MANAGER, LINK_WORKER)
                        .requestMatchers(read("/api/caseload-flags", "/api/caseload-flags/*"))
                        .hasAnyRole(COORDINATOR, MANAGER)
                        .requestMatchers(read("/api/referrals/*", "/api/referrals/*/history", "/api/participants/*",
                                "/api/participants/*/history")).hasAnyRole(COORDINATOR, MANAGER, AUDITOR, LINK_WORKER)
                        .requestMatchers(read("/api/audit/events", "/api/audit/personal-data-reads",
                                "/api/audit/integrity")).hasRole(AUDITOR)
                        .requestMatchers(read("/api/erasures")).hasAnyRole(DPO, AUDITOR)
                        .requestMatchers(read("/api/metrics/referral-rate", "/api/metrics/evaluation",
                                "/api/projections")).hasAnyRole(ANALYST, MANAGER)
                        .requestMatchers(POST, "/api/projections/*/replay", "/api/projections/*/dead-letters/retry")
                        .hasAnyRole(ANALYST, MANAGER)
                        .requestMatchers(read("/actuator/prometheus")).hasAnyRole(ANALYST, MANAGER)
                        .requestMatchers(read("/v3/api-docs", "/v3/api-docs/swagger-config", "/swagger-ui.html",
                                "/swagger-ui/*")).authenticated()
                        .anyRequest().denyAll());
        return http.build();
    }

    /** GET and HEAD of these paths: HEAD runs the GET handler, so it must never be let through where GET is not. */
    private static RequestMatcher read(String... paths) {
        List<RequestMatcher> matchers = new ArrayList<>();
        for (String path : paths) {
            matchers.add(PathPatternRequestMatcher.withDefaults().matcher(GET, path));
            matchers.add(PathPatternRequestMatcher.withDefaults().matcher(HEAD, path));
        }
        return new OrRequestMatcher(matchers);
    }

    private static void write(HttpServletResponse response, ObjectMapper objectMapper, ProblemDetail problem)
            throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(Problems.PROBLEM_JSON.toString());
        objectMapper.writeValue(response.getOutputStream(), problem);
    }
}
