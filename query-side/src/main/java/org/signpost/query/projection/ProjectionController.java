package org.signpost.query.projection;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.signpost.platform.apidocs.ApiDocumentation;
import org.signpost.platform.security.ActingUser;
import org.signpost.platform.web.SingleLineText;
import org.signpost.projection.ProjectionAdmin;
import org.signpost.projection.ReadModels;
import org.signpost.query.audit.AuditTrailReadModel;
import org.signpost.query.caseload.CaseloadReadModel;
import org.signpost.query.metrics.MetricsReadModel;
import org.signpost.query.referrals.ReferralsReadModel;
import org.signpost.query.web.NotFound;
import org.signpost.query.web.QueryAnswers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where each projection stands, replays and retries of dead letters. A replay or a retry takes a
 * JSON body ({@code {}} or a reason), never none: a request a plain HTML form elsewhere could
 * send must not start one. Who asked, and why, is logged.
 */
@RestController
class ProjectionController {

    private static final Logger log = LoggerFactory.getLogger(ProjectionController.class);

    /** The read models' names as the OpenAPI document lists them (an annotation needs a constant). */
    private static final String LISTED = ReferralsReadModel.NAME + ", " + CaseloadReadModel.NAME + ", "
            + AuditTrailReadModel.NAME + ", " + MetricsReadModel.NAME;

    private final ProjectionAdmin admin;
    private final ReadModels readModels;

    ProjectionController(ProjectionAdmin admin, ReadModels readModels) {
        this.admin = admin;
        this.readModels = readModels;
    }

    /** Why a replay or a retry is asked for, in the words of whoever asks (optional). */
    record Asked(@Size(max = 500) @SingleLineText String reason) {
    }

    @Operation(tags = ApiDocumentation.PROJECTIONS, summary = "Where each read model stands",
            description = "Each projection's position against the event store's head, its lag, status and dead letters. A client that must read its own write polls until the position reaches the head. "
                    + "While this process replays a projection, `replay` says how far it has got: `eventsDone` of `eventsToDo` (positions of the event store: the head when the replay began), "
                    + "`eventsPerSecond`, `secondsLeft` (until every event is read), `startedAt` and `stage` (READING_EVENTS, then SWITCHING_OVER); absent otherwise, and in the answer of another query side of the same database. "
                    + "After a replay failed (REPLAY_FAILED), `replayFailure` says why. Roles: ANALYST, MANAGER.")
    @GetMapping("/api/projections")
    List<ProjectionAdmin.Status> projections() {
        return admin.statuses();
    }

    @Operation(tags = ApiDocumentation.PROJECTIONS, summary = "Rebuild a read model",
            description = "Rebuilds the projection from the first event while reads go on; follow it at `GET /api/projections`. The body is `{}` or a reason, which is logged. Roles: ANALYST, MANAGER.")
    @ApiResponse(responseCode = "202", description = "Replay started")
    @ApiResponse(responseCode = "404", description = "No projection of that name",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(ref = "#/components/schemas/ProblemDetail")))
    @PostMapping(path = "/api/projections/{name}/replay", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<QueryAnswers.Replaying> replay(@Parameter(description = "The projection: one of " + LISTED, example = "referrals")
                       @PathVariable String name,
                       @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                               examples = @ExampleObject(value = "{\"reason\": \"Rebuilt after the fix of a poison event\"}")))
                       @Valid @RequestBody Asked asked) {
        requireKnown(name);
        logAsked("a replay", name, asked);
        admin.replay(name);
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .body(new QueryAnswers.Replaying(name, "REPLAYING", "/api/projections"));
    }

    /** Once the cause of a poison event is fixed: applies its projection's dead letters again, in order. */
    @Operation(tags = ApiDocumentation.PROJECTIONS, summary = "Retry a read model's dead letters",
            description = "Once the cause of a poison event is fixed: applies the projection's dead letters again, in order. Roles: ANALYST, MANAGER.")
    @ApiResponse(responseCode = "200", description = "OK",
            content = @Content(schema = @Schema(implementation = ProjectionAdmin.Retry.class)))
    @ApiResponse(responseCode = "404", description = "No projection of that name",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(ref = "#/components/schemas/ProblemDetail")))
    @PostMapping(path = "/api/projections/{name}/dead-letters/retry", consumes = MediaType.APPLICATION_JSON_VALUE)
    ProjectionAdmin.Retry retryDeadLetters(@Parameter(description = "The projection: one of " + LISTED, example = "referrals")
                       @PathVariable String name,
                       @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                               examples = @ExampleObject(value = "{\"reason\": \"Rebuilt after the fix of a poison event\"}")))
                       @Valid @RequestBody Asked asked) {
        requireKnown(name);
        logAsked("a retry of the dead letters", name, asked);
        return admin.retryDeadLetters(name);
    }

    private void requireKnown(String name) {
        if (!admin.exists(name)) {
            throw new NotFound("No projection " + name + "; there are " + readModels.names());
        }
    }

    private static void logAsked(String what, String name, Asked asked) {
        ActingUser user = ActingUser.current();
        log.info("{} ({}) asked for {} of {}: {}", user.username(), user.role(), what, name,
                asked.reason() == null || asked.reason().isBlank() ? "no reason given" : asked.reason());
    }
}
