package org.signpost.platform.security;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.HEAD;
import static org.springframework.http.HttpMethod.POST;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The role table as the sides write their rows into it: a method and paths, then the roles
 * allowed them. A read is GET and HEAD together: HEAD runs the GET handler, so it is never let
 * through where GET is not.
 */
public final class AccessTable {

    private final AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry registry;

    AccessTable(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry registry) {
        this.registry = registry;
    }

    /** GET and HEAD of these paths. */
    public Row read(String... paths) {
        return new Row(registry.requestMatchers(reads(paths)));
    }

    public Row post(String... paths) {
        return new Row(registry.requestMatchers(POST, paths));
    }

    static RequestMatcher reads(String... paths) {
        List<RequestMatcher> matchers = new ArrayList<>();
        for (String path : paths) {
            matchers.add(PathPatternRequestMatcher.withDefaults().matcher(GET, path));
            matchers.add(PathPatternRequestMatcher.withDefaults().matcher(HEAD, path));
        }
        return new OrRequestMatcher(matchers);
    }

    static RequestMatcher posts(String... paths) {
        return new OrRequestMatcher(Arrays.stream(paths)
                .map(path -> (RequestMatcher) PathPatternRequestMatcher.withDefaults().matcher(POST, path)).toList());
    }

    /** The requests of one row, waiting for who may send them. */
    public static final class Row {

        private final AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizedUrl requests;

        private Row(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizedUrl requests) {
            this.requests = requests;
        }

        public void allow(Role... roles) {
            requests.hasAnyRole(Arrays.stream(roles).map(Role::name).toArray(String[]::new));
        }

        /** Any signed-in user ("every role"). */
        void allowEveryRole() {
            requests.authenticated();
        }

        /** Signed in or not ("anyone"). */
        void allowAnyone() {
            requests.permitAll();
        }
    }
}
