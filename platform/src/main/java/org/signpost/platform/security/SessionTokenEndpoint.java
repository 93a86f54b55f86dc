package org.signpost.platform.security;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.Instant;
import org.signpost.platform.apidocs.ApiDocumentation;
import org.signpost.platform.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/session-tokens}: a short-lived bearer token for the user who signed in (see
 * {@link SessionTokens}). With a password (Basic) it starts a session; with a session token it
 * renews that session's token; an identity provider's token is renewed by that provider.
 */
@RestController
class SessionTokenEndpoint {

    private final SessionTokens tokens;

    SessionTokenEndpoint(SessionTokens tokens) {
        this.tokens = tokens;
    }

    /** The answer: the token, until when, and whom it signs in. */
    record SessionToken(String token, String tokenType, Instant expiresAt, Instant sessionEndsAt, User user) {
    }

    record User(String name, String role, String linkWorkerId) {
    }

    @Operation(tags = ApiDocumentation.SIGN_IN, summary = "A bearer token for the signed-in user",
            description = "Signed in with a password (HTTP Basic): a token valid for SIGNPOST_SESSION_TOKEN_LIFETIME "
                    + "(30 minutes by default). Signed in with such a token: a new one, until "
                    + "SIGNPOST_SESSION_MAX_AGE after the password was given. Send it as `Authorization: Bearer`. A user of the identity provider is refused (403). "
                    + "Roles: COORDINATOR, LINK_WORKER, MANAGER, ANALYST, AUDITOR, DATA_PROTECTION_OFFICER.")
    @ApiResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = SessionToken.class)))
    @PostMapping(path = "/api/session-tokens", produces = "application/json")
    ResponseEntity<?> issue(Authentication authentication) {
        if (!(authentication.getPrincipal() instanceof SignpostUser user)) {
            return refused(HttpStatus.FORBIDDEN, "Only users of the users file are given session tokens.");
        }
        if (authentication instanceof SessionTokens.SessionTokenAuthentication session) {
            return tokens.renew(session.jwt(), user).<ResponseEntity<?>>map(this::created)
                    .orElseGet(() -> refused(HttpStatus.UNAUTHORIZED,
                            "This session is over: sign in with your password again."));
        }
        if (user.username().startsWith(BearerTokens.ACTOR_PREFIX)) {
            return refused(HttpStatus.FORBIDDEN, "A token of your identity provider is renewed by that provider.");
        }
        return created(tokens.issue(user));
    }

    private ResponseEntity<?> created(SessionTokens.Issued issued) {
        SignpostUser user = issued.user();
        return ResponseEntity.status(HttpStatus.CREATED).header("Cache-Control", "no-store")
                .body(new SessionToken(issued.token(), "Bearer", issued.expiresAt(), issued.sessionEndsAt(),
                        new User(user.getUsername(), user.role().name(), user.linkWorkerId())));
    }

    private static ResponseEntity<?> refused(HttpStatus status, String detail) {
        ProblemDetail problem = Problems.problem(status, status == HttpStatus.UNAUTHORIZED ? "session-over" : "forbidden",
                status == HttpStatus.UNAUTHORIZED ? "Session over" : "Forbidden", detail);
        return ResponseEntity.status(status).contentType(Problems.PROBLEM_JSON).body(problem);
    }
}
