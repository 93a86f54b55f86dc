package org.signpost.query.web;

import static org.signpost.platform.security.Role.ANALYST;
import static org.signpost.platform.security.Role.AUDITOR;
import static org.signpost.platform.security.Role.COORDINATOR;
import static org.signpost.platform.security.Role.DATA_PROTECTION_OFFICER;
import static org.signpost.platform.security.Role.LINK_WORKER;
import static org.signpost.platform.security.Role.MANAGER;

import org.signpost.platform.security.AccessRules;
import org.signpost.platform.security.Side;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class QueryAccessRules {

    /**
     * The query side's rows of the role table (docs/access.md): who may read each read model, and
     * the query side's own POSTs (a search, a replay, a retry of dead letters).
     */
    @Bean
    AccessRules querySideRows() {
        return new AccessRules(Side.QUERY, table -> {
            table.read("/api/triage-queue").allow(COORDINATOR, MANAGER);
            table.read("/api/caseloads", "/api/caseloads/*").allow(COORDINATOR, MANAGER, LINK_WORKER);
            table.read("/api/caseload-flags", "/api/caseload-flags/*").allow(COORDINATOR, MANAGER);
            table.read("/api/referrals/*", "/api/referrals/*/history", "/api/participants/*",
                    "/api/participants/*/history").allow(COORDINATOR, MANAGER, AUDITOR, LINK_WORKER);
            // A read, posted so that the NHS number or name searched for is never in a URL.
            table.post("/api/people/search").allow(COORDINATOR, MANAGER, DATA_PROTECTION_OFFICER, LINK_WORKER);
            table.read("/api/audit/events", "/api/audit/personal-data-reads", "/api/audit/integrity").allow(AUDITOR);
            table.read("/api/erasures").allow(DATA_PROTECTION_OFFICER, AUDITOR);
            table.read("/api/metrics/referral-rate", "/api/metrics/evaluation", "/api/projections")
                    .allow(ANALYST, MANAGER);
            table.post("/api/projections/*/replay", "/api/projections/*/dead-letters/retry").allow(ANALYST, MANAGER);
        });
    }
}
