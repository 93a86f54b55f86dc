package org.signpost.platform.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.stereotype.Component;

/**
 * The security headers of every answer (Content-Security-Policy, HSTS, X-Frame-Options, ...) for
 * the answers written where the security chain's {@link HeaderWriterFilter} does not run: a
 * request its firewall refused before any of its filters, one Tomcat refused before the
 * application, an error page. They are written by that filter itself, so they are the same as
 * everywhere else by construction.
 */
@Component
public class SecurityHeaders {

    private final ObjectProvider<SecurityFilterChain> securityFilterChains;

    public SecurityHeaders(ObjectProvider<SecurityFilterChain> securityFilterChains) {
        this.securityFilterChains = securityFilterChains;
    }

    /** Sets the headers on a response not yet committed. */
    public void addTo(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        // The service's own chain, the last in order: a chain before it (the staff console's) serves pages,
        // whose headers are not those of an API answer.
        HeaderWriterFilter headers = securityFilterChains.orderedStream()
                .reduce((first, second) -> second).stream()
                .flatMap(chain -> chain.getFilters().stream())
                .filter(HeaderWriterFilter.class::isInstance)
                .map(HeaderWriterFilter.class::cast)
                .findFirst().orElse(null);
        if (headers != null) {
            // Nothing to do inside the filter: it writes its headers as the chain returns.
            headers.doFilter(new AnyPath(request), response, (req, res) -> { });
        }
    }

    /**
     * The request seen by the header writers as a fresh request for the API's root: their path
     * matchers must not parse a path that was refused for being malformed, the headers of an API
     * answer are the right ones whatever that path was, and the filter would skip a request that
     * looks like an error dispatch. Its attributes are its own: a request Tomcat refused belongs
     * to no application that could be told of them.
     */
    private static final class AnyPath extends HttpServletRequestWrapper {

        private final Map<String, Object> attributes = new HashMap<>();

        AnyPath(HttpServletRequest request) {
            super(request);
        }

        @Override
        public DispatcherType getDispatcherType() {
            return DispatcherType.REQUEST;
        }

        @Override
        public Object getAttribute(String name) {
            return attributes.get(name);
        }

        @Override
        public Enumeration<String> getAttributeNames() {
            return Collections.enumeration(attributes.keySet());
        }

        @Override
        public void setAttribute(String name, Object value) {
            attributes.put(name, value);
        }

        @Override
        public void removeAttribute(String name) {
            attributes.remove(name);
        }

        @Override
        public String getRequestURI() {
            return "/";
        }

        @Override
        public StringBuffer getRequestURL() {
            return new StringBuffer("/");
        }

        @Override
        public String getContextPath() {
            return "";
        }

        @Override
        public String getServletPath() {
            return "/";
        }

        @Override
        public String getPathInfo() {
            return null;
        }
    }
}
