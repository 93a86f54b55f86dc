package org.signpost.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.signpost.console.api.ApiProblem;
import org.signpost.console.api.SessionOver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * What a page shows when it cannot show what was asked for: the design system's error pages,
 * never a stack trace. A refusal of the API keeps its status (404 another link worker's
 * participant, 403 a role's limit, 503 the database out of reach); the session's end goes back to
 * the sign-in page.
 */
@ControllerAdvice(basePackages = "org.signpost.console")
// Before the service's own advice, which answers problem+json to API clients.
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class ConsoleErrors {

    private static final Logger log = LoggerFactory.getLogger(ConsoleErrors.class);

    @ExceptionHandler(SessionOver.class)
    String sessionOver(HttpServletRequest request) {
        SecurityContextHolder.clearContext();
        if (request.getSession(false) != null) {
            request.getSession(false).invalidate();
        }
        return "redirect:/sign-in?expired";
    }

    @ExceptionHandler(ApiProblem.class)
    String refused(ApiProblem problem, HttpServletResponse response, Model model) {
        if (problem.status() == 401) {
            return "redirect:/sign-in?expired";
        }
        response.setStatus(problem.status());
        if (problem.status() == 404) {
            return notFound(model);
        }
        if (problem.status() == 403) {
            model.addAttribute("pageTitle", "You cannot see this page");
            return "console/refused";
        }
        if (problem.status() >= 500) {
            model.addAttribute("pageTitle", "Sorry, the service is unavailable");
            return "console/unavailable";
        }
        model.addAttribute("pageTitle", problem.title());
        model.addAttribute("problem", problem);
        return "console/problem";
    }

    /** An address with an id that is not one (a typed or cut link): as unknown as an id nobody has. */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    String badAddress(HttpServletResponse response, Model model) {
        response.setStatus(404);
        return notFound(model);
    }

    @ExceptionHandler(Exception.class)
    String failed(Exception e, HttpServletRequest request, HttpServletResponse response, Model model) {
        // The exception's class and the path only: messages may hold what someone typed.
        StackTraceElement[] where = e.getStackTrace();
        log.error("A console page failed: {} {}: {} at {}", request.getMethod(), request.getRequestURI(),
                e.getClass().getName(), where.length > 0 ? where[0] : "?");
        response.setStatus(500);
        model.addAttribute("pageTitle", "Sorry, there is a problem with the service");
        return "console/failed";
    }

    static String notFound(Model model) {
        model.addAttribute("pageTitle", "Page not found");
        return "console/not-found";
    }
}
