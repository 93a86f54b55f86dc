package org.signpost.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.signpost.console.pages.SignedIn;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.ui.Model;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * An address nothing answers: the console's "page not found" for a page's address, and for the
 * service's own paths whatever the service answers (rethrown, the exception goes on to the
 * service's problem+json handling as if this advice were not there).
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UnknownPages {

    @ExceptionHandler(NoResourceFoundException.class)
    String notFound(NoResourceFoundException e, HttpServletRequest request, HttpServletResponse response, Model model)
            throws NoResourceFoundException {
        if (ConsoleSecurity.SERVICE_PATHS.matches(request)) {
            throw e;
        }
        return page(404, response, model);
    }

    /** A form sent to a page that takes none (an old bookmark, a hand-made request): as unknown. */
    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    String methodNotAllowed(HttpRequestMethodNotSupportedException e, HttpServletRequest request,
                            HttpServletResponse response, Model model) throws HttpRequestMethodNotSupportedException {
        if (ConsoleSecurity.SERVICE_PATHS.matches(request)) {
            throw e;
        }
        return page(405, response, model);
    }

    private static String page(int status, HttpServletResponse response, Model model) {
        response.setStatus(status);
        model.addAttribute("user", SignedIn.current());
        model.addAttribute("navigation", List.of());
        return ConsoleErrors.notFound(model);
    }
}
