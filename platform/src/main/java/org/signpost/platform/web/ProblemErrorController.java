package org.signpost.platform.web;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The error page of the servlet container, in place of Spring Boot's: an error that reached it
 * (a status set outside any controller) is answered as problem+json, and a client asking for
 * {@code /error} itself gets what any unknown path gets (refused by the role table, as a path not
 * in it is), never Spring Boot's {@code {"status":999}} with a 500. Not an operation of the API:
 * left out of the OpenAPI document.
 */
@Hidden
@RestController
class ProblemErrorController implements ErrorController {

    private final SecurityHeaders securityHeaders;

    ProblemErrorController(SecurityHeaders securityHeaders) {
        this.securityHeaders = securityHeaders;
    }

    @RequestMapping("${server.error.path:${error.path:/error}}")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (request.getDispatcherType() != DispatcherType.ERROR || !(code instanceof Integer status)) {
            throw new NoResourceFoundException(HttpMethod.valueOf(request.getMethod()),
                    request.getRequestURI().substring(1));
        }
        // The security chain writes no headers on an error dispatch; the first dispatch may not have either.
        securityHeaders.addTo(request, response);
        HttpStatus resolved = HttpStatus.resolve(status);
        if (resolved == null || resolved.is5xxServerError() || !resolved.isError()) {
            return Problems.respond(Problems.problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error",
                    "Internal error", "The request could not be completed; it has been logged."));
        }
        return Problems.respond(Problems.problem(resolved, "http-" + resolved.value(), resolved.getReasonPhrase(),
                "The request could not be handled: " + resolved.getReasonPhrase() + "."));
    }
}
