package org.signpost.query.web;

import java.util.List;
import org.signpost.platform.web.Problems;
import org.signpost.platform.web.Problems.FieldError;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

@RestControllerAdvice(basePackages = "org.signpost.query")
@Order(Ordered.HIGHEST_PRECEDENCE)
class QueryProblemsAdvice {

    @ExceptionHandler(NotFound.class)
    ResponseEntity<ProblemDetail> notFound(NotFound e) {
        return Problems.respond(Problems.problem(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage()));
    }

    @ExceptionHandler(Forbidden.class)
    ResponseEntity<ProblemDetail> forbidden(Forbidden e) {
        return Problems.respond(Problems.problem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", e.getMessage()));
    }

    @ExceptionHandler(InvalidQuery.class)
    ResponseEntity<ProblemDetail> invalid(InvalidQuery e) {
        return Problems.respond(Problems.invalidInput(List.of(new FieldError(e.field(), e.getMessage()))));
    }
}
