package org.signpost.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.signpost.platform.web.Problems.FieldError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.stereotype.Component;

/**
 * Answers the requests refused before any filter of the security chain runs, by Spring
 * Security's firewall (a {@code ;}, an encoded {@code /} or {@code ..} in the path) or by Tomcat
 * itself ({@link TomcatRefusals}): 400 problem+json with the security headers every other answer
 * carries, instead of a default error page without them. The headers are written by the
 * security chain's own {@link HeaderWriterFilter}, so they are the same by construction.
 */
@Component
public class RefusedRequests implements RequestRejectedHandler {

    private static final Logger log = LoggerFactory.getLogger(RefusedRequests.class);

    private final ObjectProvider<SecurityFilterChain> securityFilterChains;
    private final ObjectMapper objectMapper;

    public RefusedRequests(ObjectProvider<SecurityFilterChain> securityFilterChains, ObjectMapper objectMapper) {
        this.securityFilterChains = securityFilterChains;
        this.objectMapper = objectMapper;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException e)
            throws IOException, ServletException {
        // The firewall's message names the rule the request broke, never the request's values.
        log.debug("Request refused by the firewall: {}", e.getMessage());
        refuse(request, response, HttpStatus.BAD_REQUEST, refusedPart(e.getMessage()));
    }

    /** Answers a refused request with a problem of this status naming the refused part, and the security headers. */
    void refuse(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String part)
            throws IOException, ServletException {
        ProblemDetail problem = Problems.invalidInput(List.of(new FieldError(part, part.equals("path")
                ? "is not allowed: no ';', '//', '..', encoded '/', '\\' or '%', nor control characters"
                : "is not allowed")));
        problem.setStatus(status.value());
        FilterChain answer = (req, res) -> {
            HttpServletResponse http = (HttpServletResponse) res;
            http.setStatus(status.value());
            http.setContentType(Problems.PROBLEM_JSON.toString());
            objectMapper.writeValue(http.getOutputStream(), problem);
        };
        HeaderWriterFilter headers = securityHeaders();
        if (headers == null) {
            answer.doFilter(request, response);
        } else {
            headers.doFilter(new AnyPath(request), response, answer);
        }
    }

    /** Which part of the request StrictHttpFirewall refused, from its reason; most of its rules are about the path. */
    private static String refusedPart(String reason) {
        String said = reason == null ? "" : reason;
        if (said.contains("header")) {
            return "headers";
        }
        if (said.contains("HTTP method")) {
            return "method";
        }
        if (said.contains("parameter")) {
            return "parameters";
        }
        return "path";
    }

    private HeaderWriterFilter securityHeaders() {
        return securityFilterChains.orderedStream()
                .flatMap(chain -> chain.getFilters().stream())
                .filter(HeaderWriterFilter.class::isInstance)
                .map(HeaderWriterFilter.class::cast)
                .findFirst().orElse(null);
    }

    /**
     * The refused request seen by the header writers as a request for the API's root: their path
     * matchers must not parse a path that was refused for being malformed, and the headers of an
     * API answer are the right ones whatever that path was. Attributes set meanwhile stay here: a
     * request Tomcat refused belongs to no application that could be told of them.
     */
    private static final class AnyPath extends HttpServletRequestWrapper {

        private final Map<String, Object> attributes = new HashMap<>();

        AnyPath(HttpServletRequest request) {
            super(request);
        }

        @Override
        public Object getAttribute(String name) {
            return attributes.containsKey(name) ? attributes.get(name) : super.getAttribute(name);
        }

        @Override
        public void setAttribute(String name, Object value) {
            attributes.put(name, value);
        }

        @Override
        public void removeAttribute(String name) {
            attributes.put(name, null);
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
