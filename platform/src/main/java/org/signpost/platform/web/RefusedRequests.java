package org.signpost.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.signpost.platform.web.Problems.FieldError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;

/**
 * Answers the requests refused before any controller sees them, by Spring Security's firewall (a
 * {@code ;}, an encoded {@code /} or {@code ..} in the path, a method it does not know) or by
 * Tomcat itself ({@link TomcatRefusals}): 400 problem+json naming the part refused, with the
 * security headers every other answer carries, instead of a default error page without them.
 */
@Component
public class RefusedRequests implements RequestRejectedHandler {

    private static final Logger log = LoggerFactory.getLogger(RefusedRequests.class);

    private final SecurityHeaders securityHeaders;
    private final ObjectMapper objectMapper;

    public RefusedRequests(SecurityHeaders securityHeaders, ObjectMapper objectMapper) {
        this.securityHeaders = securityHeaders;
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
        ProblemDetail problem = Problems.invalidInput(List.of(new FieldError(part, switch (part) {
            case "path" -> "is not allowed: no ';', '//', '..', encoded '/', '\\\\' or '%', nor control characters";
            case "request" -> "is not a well-formed HTTP request (its request line or a header)";
            default -> "is not allowed";
        })));
        problem.setStatus(status.value());
        if (response.isCommitted()) {
            log.debug("A refused request's answer had begun; it is left as it is");
            return;
        }
        response.resetBuffer();
        securityHeaders.addTo(request, response);
        response.setStatus(status.value());
        response.setContentType(Problems.PROBLEM_JSON.toString());
        objectMapper.writeValue(response.getOutputStream(), problem);
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
}
