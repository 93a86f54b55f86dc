package org.signpost.query.metrics;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.signpost.query.metrics.Evaluation.VcseUptake;
import org.signpost.query.metrics.MetricFacts.Signpost;
import org.signpost.query.metrics.MetricFacts.Uptake;

/**
 * Of the people signposted in the period, how many went. Not limited to the people seen in the
 * period (PRODUCT.md), and the uptake counts whenever it was recorded: a young person
 * signposted in June who starts the activity in July took it up. So this figure for a closed
 * period can still rise as uptakes arrive; "as of" pins it.
 */
final class VcseUptakeMetrics {

    private VcseUptakeMetrics() {
    }

    static VcseUptake in(MetricFacts facts, Period period) {
        // A signpost's id is unique within its participant only: an uptake counts for its own participant's signpost.
        Set<List<UUID>> attendedSignposts = new HashSet<>();
        for (Uptake uptake : facts.uptakes()) {
            if (uptake.attended()) {
                attendedSignposts.add(List.of(uptake.participantId(), uptake.signpostId()));
            }
        }
        Map<UUID, Boolean> attendedByPerson = new LinkedHashMap<>();
        for (Signpost signpost : facts.signposts()) {
            if (period.contains(signpost.signpostedOn())) {
                attendedByPerson.merge(signpost.participantId(),
                        attendedSignposts.contains(List.of(signpost.participantId(), signpost.signpostId())),
                        Boolean::logicalOr);
            }
        }
        int attended = (int) attendedByPerson.values().stream().filter(Boolean::booleanValue).count();
        return new VcseUptake(attendedByPerson.size(), attended, Decimals.rate(attended, attendedByPerson.size()));
    }
}
