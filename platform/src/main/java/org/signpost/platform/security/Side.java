package org.signpost.platform.security;

import static org.signpost.platform.security.AccessTable.posts;
import static org.signpost.platform.security.AccessTable.reads;

import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The service's two sides, and roughly which requests are whose: the layout a proxy in front of a
 * split deployment routes by (docs/operations.md), reads to a query side and commands to the
 * command side. A process that does not run a side answers that side's requests "not found" to a
 * signed-in caller: served elsewhere, not refused; which role may send them only the side knows.
 */
public enum Side {
    COMMAND(posts("/api/referrals/**", "/api/participants/**")),
    QUERY(new OrRequestMatcher(reads("/api/**"), posts("/api/projections/**", "/api/people/**")));

    private final RequestMatcher requests;

    Side(RequestMatcher requests) {
        this.requests = requests;
    }

    /** The side's requests, whether or not its rows name them. */
    RequestMatcher requests() {
        return requests;
    }
}
