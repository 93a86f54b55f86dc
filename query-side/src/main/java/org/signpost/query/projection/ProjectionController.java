package org.signpost.query.projection;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.signpost.platform.security.ActingUser;
import org.signpost.platform.web.SingleLineText;
import org.signpost.query.web.NotFound;
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

    private final ProjectionAdmin admin;

    ProjectionController(ProjectionAdmin admin) {
        this.admin = admin;
    }

    /** Why a replay or a retry is asked for, in the words of whoever asks (optional). */
    record Asked(@Size(max = 500) @SingleLineText String reason) {
    }

    @GetMapping("/api/projections")
    List<ProjectionAdmin.Status> projections() {
        return admin.statuses();
    }

    @PostMapping(path = "/api/projections/{name}/replay", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> replay(@PathVariable String name, @Valid @RequestBody Asked asked) {
        requireKnown(name);
        logAsked("a replay", name, asked);
        admin.replay(name);
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .body(Map.of("name", name, "status", "REPLAYING", "statusAt", "/api/projections"));
    }

    /** Once the cause of a poison event is fixed: applies its projection's dead letters again, in order. */
    @PostMapping(path = "/api/projections/{name}/dead-letters/retry", consumes = MediaType.APPLICATION_JSON_VALUE)
    ProjectionAdmin.Retry retryDeadLetters(@PathVariable String name, @Valid @RequestBody Asked asked) {
        requireKnown(name);
        logAsked("a retry of the dead letters", name, asked);
        return admin.retryDeadLetters(name);
    }

    private void requireKnown(String name) {
        if (!admin.exists(name)) {
            throw new NotFound("No projection " + name + "; there are " + ProjectionNames.ALL);
        }
    }

    private static void logAsked(String what, String name, Asked asked) {
        ActingUser user = ActingUser.current();
        log.info("{} ({}) asked for {} of {}: {}", user.username(), user.role(), what, name,
                asked.reason() == null || asked.reason().isBlank() ? "no reason given" : asked.reason());
    }
}
