package org.signpost.platform.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.net.URI;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;
import org.signpost.platform.database.DatabaseOutage;
import org.signpost.platform.web.Problems.FieldError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Everything a client can get wrong becomes a problem+json 4xx naming the field; anything else
 * is a 500 that says nothing about the inside (the log has the detail, never personal data).
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);
    /** How Jackson's strict duplicate detection (spring.jackson.parser) opens its refusal. */
    private static final String DUPLICATE_KEY = "Duplicate field";
    private static final URI ABOUT_BLANK = URI.create("about:blank");

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(e -> new FieldError(e.getField(), e.getDefaultMessage()))
                .sorted((a, b) -> a.field().compareTo(b.field()))
                .toList();
        if (errors.isEmpty()) {
            errors = ex.getBindingResult().getGlobalErrors().stream()
                    .map(e -> new FieldError(e.getObjectName(), e.getDefaultMessage()))
                    .toList();
        }
        return asObject(Problems.invalidInput(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = ex.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> new FieldError(
                                result.getMethodParameter().getParameterName(), error.getDefaultMessage())))
                .toList();
        return asObject(Problems.invalidInput(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return asObject(Problems.invalidInput(List.of(describe(ex.getCause()))));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException ex) {
        if (ex.getParameter().hasParameterAnnotation(PathVariable.class)) {
            // An id that cannot exist is an unknown id.
            return Problems.respond(Problems.problem(HttpStatus.NOT_FOUND, "not-found", "Not found",
                    "No " + ex.getName() + " " + "matches the path"));
        }
        return Problems.respond(Problems.invalidInput(List.of(new FieldError(ex.getName(), "has an invalid value"))));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception ex) {
        if (DatabaseOutage.causedBy(ex)) {
            // Its transaction may have committed with the answer lost: a retry with the same ids is safe.
            log.warn("Request refused: the database is out of reach ({})", ex.getClass().getSimpleName());
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5")
                    .contentType(Problems.PROBLEM_JSON)
                    .body(Problems.problem(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", "Service unavailable",
                            "The database is out of reach for a moment; retry with the same ids to be safe."));
        }
        log.error("Unexpected error while handling a request", ex);
        return Problems.respond(Problems.problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error",
                "Internal error", "The request could not be completed; it has been logged."));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(
            HttpMediaTypeNotSupportedException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = ex.getBody();
        // Spring says "Content-Type 'null' is not supported" of a body sent without one.
        problem.setDetail("A body of Content-Type application/json is needed"
                + (ex.getContentType() == null ? "; none was given." : ", not " + ex.getContentType() + "."));
        return handleExceptionInternal(ex, problem, headers, status, request);
    }

    /**
     * Spring MVC's own refusals (an unsupported method or media type, an unacceptable answer)
     * come typed {@code about:blank}: they get a type of this service's like every other problem,
     * named after their status ({@code urn:signpost:problem:unsupported-media-type}).
     */
    @Override
    protected ResponseEntity<Object> createResponseEntity(
            Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        HttpStatus known = HttpStatus.resolve(statusCode.value());
        if (body instanceof ProblemDetail problem && known != null
                && (problem.getType() == null || ABOUT_BLANK.equals(problem.getType()))) {
            String type = known.name().toLowerCase(Locale.ROOT).replace('_', '-');
            problem.setType(URI.create("urn:signpost:problem:" + type));
        }
        HttpHeaders problemHeaders = new HttpHeaders();
        problemHeaders.addAll(headers);
        problemHeaders.setContentType(Problems.PROBLEM_JSON);
        return new ResponseEntity<>(body, problemHeaders, statusCode);
    }

    private static ResponseEntity<Object> asObject(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(Problems.PROBLEM_JSON).body(problem);
    }

    /** Names the field of a body that Jackson could not read, without echoing its value. */
    static FieldError describe(Throwable cause) {
        for (Throwable at = cause; at != null; at = at.getCause() == at ? null : at.getCause()) {
            if (at instanceof StreamReadException read && read.getProcessor() != null
                    && read.getOriginalMessage() != null && read.getOriginalMessage().startsWith(DUPLICATE_KEY)) {
                return new FieldError(path(read.getProcessor().getParsingContext()), "is given more than once");
            }
        }
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return new FieldError(path(unknown), "is not a known field");
        }
        if (cause instanceof InvalidFormatException format && format.getTargetType() != null
                && format.getTargetType().isEnum()) {
            String allowed = Arrays.stream(format.getTargetType().getEnumConstants())
                    .map(Object::toString).collect(Collectors.joining(", "));
            return new FieldError(path(format), "must be one of " + allowed);
        }
        if (cause instanceof InvalidNullException nul) {
            return new FieldError(path(nul), "must not be null");
        }
        if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            Class<?> target = mismatch.getTargetType();
            String expected = target == null ? "a valid value" : expectedKind(target);
            return new FieldError(path(mismatch), "must be " + expected);
        }
        if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return new FieldError(path(mapping), "has an invalid value");
        }
        if (cause instanceof JsonProcessingException) {
            return new FieldError("body", "is not well-formed JSON");
        }
        return new FieldError("body", "is missing or unreadable");
    }

    private static String expectedKind(Class<?> target) {
        if (target == LocalDate.class) {
            return "a date as YYYY-MM-DD";
        }
        if (target == UUID.class) {
            return "a UUID";
        }
        if (Number.class.isAssignableFrom(target) || target == int.class || target == long.class) {
            return "a whole number";
        }
        if (target == Boolean.class || target == boolean.class) {
            return "true or false";
        }
        if (target.isArray() || Collection.class.isAssignableFrom(target)) {
            return "an array";
        }
        if (target == String.class) {
            return "a string";
        }
        return "an object";
    }

    /** Where the parser stopped: the key it had just read, by its path from the body's root. */
    static String path(JsonStreamContext context) {
        StringBuilder path = new StringBuilder();
        for (JsonStreamContext at = context; at != null && !at.inRoot(); at = at.getParent()) {
            if (at.inArray()) {
                path.insert(0, "[" + at.getCurrentIndex() + "]");
            } else if (at.getCurrentName() != null) {
                path.insert(0, at.getCurrentName() + (path.isEmpty() || path.charAt(0) == '[' ? "" : "."));
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }
}
