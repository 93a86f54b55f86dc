package org.signpost.platform.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import org.signpost.platform.integrity.ChainKey;
import org.signpost.platform.web.CrossSiteRequestFilter;
import org.signpost.platform.web.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.PathPatternRequestMatcherBuilderFactoryBean;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may call what, by the role table of docs/access.md: the platform's own rows here (health,
 * session tokens, the API documents, Prometheus), each side's in that side (AccessRules). Health is
 * open; every other path listed needs a user of a role the table names, and anything not listed is
 * refused. Finer rules (a link worker's own participants only) are enforced where the data is.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({BearerTokens.class, SignInLimits.class})
public class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);
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

    /** See NoMvcIntrospectionBeforeSecurity: static, as a factory post-processor must be. */
    @Bean
    static NoMvcIntrospectionBeforeSecurity noMvcIntrospectionBeforeSecurity() {
        return new NoMvcIntrospectionBeforeSecurity();
    }

    /**
     * Every {@code requestMatchers("/path")} of the access rules (the API's and the console's) a path
     * pattern matched against the request's own path, as Spring Security 7 does by default; without
     * this bean Spring Security 6 makes them MVC matchers, each asking Spring MVC which of its
     * mappings the request goes to.
     */
    @Bean
    static PathPatternRequestMatcherBuilderFactoryBean pathPatternRequestMatchers() {
        return new PathPatternRequestMatcherBuilderFactoryBean();
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
                                            SessionTokens sessionTokens, ObjectProvider<AccessRules> sideRules,
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
                                refusal(ex))));
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
        // The role table of docs/access.md (AccessControlHttpTest checks every cell of it): the platform's own
        // rows, then each side's, then the requests of a side this process does not run; the rest is refused.
        List<AccessRules> sides = sideRules.stream().sorted(Comparator.comparing(AccessRules::side)).toList();
        EnumSet<Side> here = sidesHere(sides);
        http.authorizeHttpRequests(auth -> {
            auth.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll();
            AccessTable table = new AccessTable(auth);
            table.read("/actuator/health", "/actuator/health/*").allowAnyone();
            table.read("/").allowAnyone();
            table.post("/api/session-tokens").allowEveryRole();
            table.read("/actuator/prometheus").allow(Role.ANALYST, Role.MANAGER);
            table.read("/v3/api-docs", "/v3/api-docs/swagger-config", "/swagger-ui.html", "/swagger-ui/*")
                    .allowEveryRole();
            sides.forEach(side -> side.rows().accept(table));
            for (Side elsewhere : EnumSet.complementOf(here)) {
                ServedElsewhere decision = new ServedElsewhere(elsewhere);
                auth.requestMatchers(elsewhere.requests()).access((authentication, request) -> decision);
            }
            auth.anyRequest().denyAll();
        });
        return http.build();
    }

    /** The sides whose rules this process has; each side's rules once. */
    private static EnumSet<Side> sidesHere(List<AccessRules> sides) {
        EnumSet<Side> here = EnumSet.noneOf(Side.class);
        for (AccessRules rules : sides) {
            if (!here.add(rules.side())) {
                throw new IllegalStateException("Two sets of access rules for the " + rules.side() + " side");
            }
        }
        return here;
    }

    /** A request of a side run elsewhere is not found here; any other refusal is the caller's role's. */
    private static ProblemDetail refusal(AccessDeniedException refused) {
        if (refused instanceof AuthorizationDeniedException denied
                && denied.getAuthorizationResult() instanceof ServedElsewhere elsewhere) {
            return Problems.problem(HttpStatus.NOT_FOUND, "not-found", "Not found", "This process does not run the "
                    + elsewhere.side().name().toLowerCase(Locale.ROOT) + " side, which answers this request.");
        }
        return Problems.problem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", "Your role may not do this.");
    }

    private static void write(HttpServletResponse response, ObjectMapper objectMapper, ProblemDetail problem)
            throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(Problems.PROBLEM_JSON.toString());
        objectMapper.writeValue(response.getOutputStream(), problem);
    }
}
