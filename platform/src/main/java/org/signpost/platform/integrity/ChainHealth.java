package org.signpost.platform.integrity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The health of the history and of the read log: DOWN from the moment a check finds either chain
 * broken (until a check finds it intact again), UNKNOWN before the first check of each. Not part
 * of readiness: a broken chain is for the auditors and operators to investigate, not a reason to
 * stop serving.
 */
@Component("eventChain")
public class ChainHealth implements HealthIndicator {

    private final List<ChainVerifier> verifiers;

    public ChainHealth(List<ChainVerifier> verifiers) {
        this.verifiers = verifiers;
    }

    @Override
    public Health health() {
        Map<String, Object> chains = new LinkedHashMap<>();
        boolean broken = false;
        boolean unchecked = false;
        for (ChainVerifier verifier : verifiers) {
            ChainReport report = verifier.lastReport();
            if (report == null) {
                unchecked = true;
                chains.put(verifier.chain().name(), Map.of("status", "not checked yet"));
                continue;
            }
            broken |= !report.intact();
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("status", report.status());
            details.put("verified", report.verified());
            details.put("sealedUpTo", report.sealedUpTo());
            details.put("checkedAt", report.checkedAt().toString());
            if (!report.intact()) {
                details.put("firstFailure", report.firstFailure());
            }
            chains.put(report.chain(), details);
        }
        Health.Builder health = broken ? Health.down() : unchecked ? Health.unknown() : Health.up();
        return health.withDetails(chains).build();
    }
}
