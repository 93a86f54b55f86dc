package org.signpost.console;

import jakarta.servlet.DispatcherType;
import java.util.List;
import org.signpost.console.api.ApiSignIn;
import org.signpost.console.api.SignpostApi;
import org.signpost.console.organisation.DiscoveredProvider;
import org.signpost.console.organisation.OrganisationSignIn;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.authentication.builders.AuthenticationManagerBuilder;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The console's pages: signed in with a form (the service checks the password and gives a session
 * token) or, where SIGNPOST_OIDC_ISSUER names one, by the organisation's identity provider, a session cookie (HttpOnly, SameSite=Lax, Secure behind TLS; 30 minutes idle), a CSRF
 * token on every form. Every path but the API's, health's and the API documentation's is the
 * console's; those keep the service's own rules (its filter chain, which comes after this one).
 */
@Configuration(proxyBeanMethods = false)
class ConsoleSecurity {

    /** The service's own paths: never the console's, whether it runs in the same process or not. */
    static final RequestMatcher SERVICE_PATHS = new OrRequestMatcher(
            PathPatternRequestMatcher.withDefaults().matcher("/api/**"),
            PathPatternRequestMatcher.withDefaults().matcher("/actuator/**"),
            PathPatternRequestMatcher.withDefaults().matcher("/v3/**"),
            PathPatternRequestMatcher.withDefaults().matcher("/swagger-ui.html"),
            PathPatternRequestMatcher.withDefaults().matcher("/swagger-ui/**"));

    /** The organisation's identity provider, where SIGNPOST_OIDC_ISSUER names one. */
    @Bean
    @ConditionalOnExpression("!'${signpost.oidc.issuer:}'.isBlank()")
    DiscoveredProvider organisationProvider(@Value("${signpost.oidc.issuer}") String issuer,
                                            @Value("${signpost.oidc.client-id:signpost-console}") String clientId,
                                            @Value("${signpost.oidc.client-secret:}") String clientSecret,
                                            @Value("${signpost.oidc.scopes:openid,profile}") List<String> scopes) {
        return new DiscoveredProvider(issuer, clientId, clientSecret, scopes);
    }

    @Bean
    @Order(1)
    SecurityFilterChain consoleFilterChain(HttpSecurity http, SignpostApi api,
                                           ObjectProvider<DiscoveredProvider> organisation) throws Exception {
        DiscoveredProvider provider = organisation.getIfAvailable();
        if (provider != null) {
            new OrganisationSignIn(provider).configure(http);
        }
        // The API checks passwords (ApiSignIn), the identity provider its people: never the service's own
        // password sign-in, which Spring would otherwise ask next, as the parent of every chain's providers.
        http.getSharedObject(AuthenticationManagerBuilder.class).parentAuthenticationManager(null);
        http.securityMatcher(new NegatedRequestMatcher(SERVICE_PATHS))
                .authenticationProvider(new ApiSignIn(api))
                .formLogin(form -> form.loginPage("/sign-in").loginProcessingUrl("/sign-in")
                        .usernameParameter("username").passwordParameter("password")
                        .failureUrl("/sign-in?error").permitAll())
                .logout(out -> out.logoutUrl("/sign-out").logoutSuccessUrl("/sign-in?signed-out")
                        .deleteCookies("signpost-session"))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint(new SignInFirst())
                        .accessDeniedHandler((request, response, denied) -> {
                            response.setStatus(403);
                            request.getRequestDispatcher("/refused").forward(request, response);
                        }))
                .headers(headers -> headers
                        // Everything a page uses is the service's own: no CDN, no inline script, no outbound call.
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; script-src 'self'; "
                                + "style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; "
                                + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'"))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                        .frameOptions(frame -> frame.deny()))
                .authorizeHttpRequests(auth -> auth
                        .dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD).permitAll()
                        .requestMatchers("/assets/**", "/console-assets/**", "/favicon.ico", "/sign-in", "/sign-in/organisation")
                        .permitAll()
                        .requestMatchers("/session/keep-alive").authenticated()
                        .requestMatchers("/find").hasAnyRole("COORDINATOR", "MANAGER", "LINK_WORKER", "DATA_PROTECTION_OFFICER")
                        .requestMatchers("/caseload").hasRole("LINK_WORKER")
                        // Extending support is a manager's (the API's rule too): a coordinator's form would only be refused.
                        .requestMatchers(HttpMethod.POST, "/referrals/*/extension")
                        .hasRole("MANAGER")
                        .requestMatchers("/caseloads", "/caseloads/*", "/inbox", "/referrals/**")
                        .hasAnyRole("COORDINATOR", "MANAGER")
                        // What a link worker records (coordinators see the participant, but record none of it).
                        .requestMatchers("/participants/*/session", "/participants/*/missed-session",
                                "/participants/*/contact", "/participants/*/measure", "/participants/*/signpost",
                                "/participants/*/signposts/*/uptake", "/participants/*/safeguarding-concern",
                                "/participants/*/safeguarding-concerns/*/closure",
                                "/participants/*/discharge").hasAnyRole("LINK_WORKER", "MANAGER")
                        .requestMatchers("/participants/**").hasAnyRole("LINK_WORKER", "COORDINATOR", "MANAGER")
                        // The auditor's pages, and erasure: the API's roles for what each page calls.
                        .requestMatchers("/audit", "/audit/**").hasRole("AUDITOR")
                        .requestMatchers("/erasures").hasAnyRole("DATA_PROTECTION_OFFICER", "AUDITOR")
                        .requestMatchers("/erasure/**").hasRole("DATA_PROTECTION_OFFICER")
                        // Oversight: the API gives the figures of the service to managers, the read models to both.
                        .requestMatchers("/service", "/service/**").hasRole("MANAGER")
                        .requestMatchers("/read-models", "/read-models/**").hasAnyRole("ANALYST", "MANAGER")
                        // The API's metrics roles.
                        .requestMatchers("/evaluation", "/evaluation/**").hasAnyRole("ANALYST", "MANAGER")
                        .anyRequest().authenticated());
        return http.build();
    }
}
