package org.signpost.query.caseload;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Link-worker capacity: how many active participants one can hold (link-worker capacity is
 * the bottleneck of the service), with an optional figure per link worker.
 */
@ConfigurationProperties(prefix = "signpost.caseload")
public record CaseloadProperties(Integer capacity, Map<String, Integer> capacityByLinkWorker) {

    public int capacityOf(String linkWorkerId) {
        if (capacityByLinkWorker != null && capacityByLinkWorker.containsKey(linkWorkerId)) {
            return capacityByLinkWorker.get(linkWorkerId);
        }
        return capacity == null ? 15 : capacity;
    }
}
