package org.signpost.command.web;

import static org.signpost.platform.security.Role.COORDINATOR;
import static org.signpost.platform.security.Role.DATA_PROTECTION_OFFICER;
import static org.signpost.platform.security.Role.LINK_WORKER;
import static org.signpost.platform.security.Role.MANAGER;

import org.signpost.platform.security.AccessRules;
import org.signpost.platform.security.Side;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CommandAccessRules {

    /** The command side's rows of the role table (docs/access.md): who may send each command. */
    @Bean
    AccessRules commandSideRows() {
        return new AccessRules(Side.COMMAND, table -> {
            table.post("/api/referrals", "/api/referrals/*/triage", "/api/referrals/*/assignment",
                    "/api/referrals/*/withdrawal", "/api/participants/*/link-worker").allow(COORDINATOR, MANAGER);
            table.post("/api/participants/*/sessions", "/api/participants/*/missed-sessions",
                    "/api/participants/*/contacts", "/api/participants/*/measures", "/api/participants/*/signposts",
                    "/api/participants/*/signposts/*/uptake", "/api/participants/*/safeguarding-concerns",
                    "/api/participants/*/safeguarding-concerns/*/closure", "/api/participants/*/discharge")
                    .allow(LINK_WORKER, MANAGER);
            table.post("/api/participants/*/extension").allow(MANAGER);
            table.post("/api/participants/*/erasure", "/api/referrals/*/erasure").allow(DATA_PROTECTION_OFFICER);
        });
    }
}
