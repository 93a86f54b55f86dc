package org.signpost.platform.apidocs;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.core.MethodParameter;
import org.springframework.core.Ordered;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;

/**
 * The problem answers an operation can give, derived from its handler rather than written on
 * each: 401, 403, 429 and 503 for every one (sign-in, role, throttle, database); 400 where it
 * reads a body or query parameters; 415 where it reads a body; 404 where its path names a
 * record by id. An answer the handler's own annotations describe is kept as they say.
 */
public class ProblemAnswers implements OperationCustomizer, Ordered {

    /** Last: it sorts every answer the others added by code. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        MethodParameter[] parameters = handler.getMethodParameters();
        boolean body = Arrays.stream(parameters).anyMatch(p -> p.hasParameterAnnotation(RequestBody.class));
        boolean query = Arrays.stream(parameters).anyMatch(p -> p.hasParameterAnnotation(RequestParam.class));
        boolean id = Arrays.stream(parameters).anyMatch(p -> p.hasParameterAnnotation(PathVariable.class)
                && p.getParameterType() == UUID.class);
        Map<String, ApiResponse> problems = new TreeMap<>();
        if (body || query) {
            problems.put("400", problem(body ? "Malformed or invalid body: `errors` names each field and what is "
                    + "wrong with it; nothing is stored" : "An invalid query parameter: `errors` names it"));
        }
        problems.put("401", problem("Not signed in, or unknown credentials")
                .addHeaderObject("WWW-Authenticate", header("The sign-in schemes accepted")));
        problems.put("403", problem("The user's role may not do this (see the roles above); or a state-changing "
                + "request sent cross-site by a browser"));
        if (id) {
            problems.put("404", problem("No record of that id (a link worker: or not one of their own "
                    + "participants)"));
        }
        if (body) {
            problems.put("415", problem("The body is not `application/json`"));
        }
        problems.put("429", problem("Too many failed sign-ins for this user or address: slowed, then refused")
                .addHeaderObject("Retry-After", retryAfter()));
        problems.put("503", problem("The database is out of reach; nothing was done")
                .addHeaderObject("Retry-After", retryAfter()));
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        problems.forEach(responses::putIfAbsent);
        operation.setResponses(sorted(responses));
        return operation;
    }

    /** One problem answer: the shared ProblemDetail schema, as problem+json. */
    public static ApiResponse problem(String description) {
        return new ApiResponse().description(description).content(new Content().addMediaType(PROBLEM_JSON,
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + ApiDocumentation.PROBLEM_SCHEMA))));
    }

    public static Header header(String description) {
        return new Header().description(description).schema(new StringSchema());
    }

    private static Header retryAfter() {
        return new Header().description("Seconds to wait before trying again").schema(new IntegerSchema());
    }

    /** Answers by code, success first: the order Swagger UI shows them in. */
    static ApiResponses sorted(ApiResponses responses) {
        ApiResponses sorted = new ApiResponses();
        new TreeMap<>(responses).forEach(sorted::addApiResponse);
        sorted.setExtensions(responses.getExtensions());
        return sorted;
    }
}
