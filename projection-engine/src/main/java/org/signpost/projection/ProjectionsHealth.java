package org.signpost.projection;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

/**
 * Whether the read models keep up: out of service (not ready) while a projection's processor is
 * in error or lags the head of the event store by more than {@code signpost.projections.ready-lag}
 * events; a fresh query side becomes ready once its projections have caught up.
 */
@Component("projections")
class ProjectionsHealth implements HealthIndicator {

    private final ProjectionAdmin admin;
    private final long readyLag;

    ProjectionsHealth(ProjectionAdmin admin, @Value("${signpost.projections.ready-lag:10000}") long readyLag) {
        this.admin = admin;
        this.readyLag = readyLag;
    }

    @Override
    public Health health() {
        Map<String, Object> lags = new LinkedHashMap<>();
        boolean keepingUp = true;
        for (ProjectionAdmin.Status status : admin.statuses()) {
            lags.put(status.name(), Map.of("lag", status.lag(), "status", status.status(),
                    "deadLetters", status.deadLetters()));
            keepingUp &= status.lag() <= readyLag && !status.status().equals("ERROR");
        }
        return Health.status(keepingUp ? Status.UP : Status.OUT_OF_SERVICE).withDetails(lags).build();
    }
}
