package org.signpost.platform.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** Builds the RFC 9457 answers of every error: type, title, status, detail and, for bad input, errors. */
public final class Problems {

    public static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;

    private Problems() {
    }

    /** One bad field: the JSON path of the field in the request and what is wrong with it. */
    public record FieldError(String field, String message) {
    }

    public static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:signpost:problem:" + type));
        problem.setTitle(title);
        return problem;
    }

    public static ProblemDetail invalidInput(List<FieldError> errors) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input",
                errors.size() == 1
                        ? errors.get(0).field() + ": " + errors.get(0).message()
                        : errors.size() + " fields are invalid");
        problem.setProperty("errors", errors.stream()
                .map(e -> Map.of("field", e.field(), "message", e.message()))
                .toList());
        return problem;
    }

    public static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(PROBLEM_JSON).body(problem);
    }
}
