package org.signpost.platform.integrity;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The health of the history: DOWN from the moment a check of the event chain finds it broken
 * (until a check finds it intact again), UNKNOWN before the first check. Not part of readiness:
 * a broken chain is for the auditors and operators to investigate, not a reason to stop serving.
 */
// The chain is kept over PostgreSQL's event table; with Axon Server the events are not there.
@ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false", matchIfMissing = true)
@Component("eventChain")
public class EventChainHealth implements HealthIndicator {

    private final EventChainVerifier verifier;

    public EventChainHealth(EventChainVerifier verifier) {
        this.verifier = verifier;
    }

    @Override
    public Health health() {
        ChainReport report = verifier.lastReport();
        if (report == null) {
            return Health.unknown().withDetail("reason", "not checked yet").build();
        }
        Health.Builder health = report.intact() ? Health.up() : Health.down()
                .withDetail("firstFailure", report.firstFailure());
        return health.withDetail("verifiedEvents", report.verifiedEvents())
                .withDetail("sealedUpTo", report.sealedUpTo())
                .withDetail("checkedAt", report.checkedAt().toString())
                .build();
    }
}
