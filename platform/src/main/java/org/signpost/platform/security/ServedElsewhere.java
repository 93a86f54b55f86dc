package org.signpost.platform.security;

import org.springframework.security.authorization.AuthorizationDecision;

/** A refusal of a request of a side this process does not run: answered 404, since another process serves it. */
final class ServedElsewhere extends AuthorizationDecision {

    private static final long serialVersionUID = 1L;

    private final Side side;

    ServedElsewhere(Side side) {
        super(false);
        this.side = side;
    }

    Side side() {
        return side;
    }
}
