package org.signpost.query.projection;

import java.util.List;
import java.util.Map;
import org.signpost.query.web.NotFound;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Where each projection stands, and replays. */
@RestController
class ProjectionController {

    private final ProjectionAdmin admin;

    ProjectionController(ProjectionAdmin admin) {
        this.admin = admin;
    }

    @GetMapping("/api/projections")
    List<ProjectionAdmin.Status> projections() {
        return admin.statuses();
    }

    @PostMapping("/api/projections/{name}/replay")
    ResponseEntity<Map<String, Object>> replay(@PathVariable String name) throws Exception {
        if (!admin.exists(name)) {
            throw new NotFound("No projection " + name + "; there are " + ProjectionNames.ALL);
        }
        admin.replay(name);
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .body(Map.of("name", name, "status", "REPLAYING", "statusAt", "/api/projections"));
    }

    /** Once the cause of a poison event is fixed: applies its projection's dead letters again, in order. */
    @PostMapping("/api/projections/{name}/dead-letters/retry")
    ProjectionAdmin.Retry retryDeadLetters(@PathVariable String name) {
        if (!admin.exists(name)) {
            throw new NotFound("No projection " + name + "; there are " + ProjectionNames.ALL);
        }
        return admin.retryDeadLetters(name);
    }
}
