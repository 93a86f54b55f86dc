package org.signpost.platform.security;

import org.signpost.platform.security.SignInThrottle.Refusal;
import org.signpost.platform.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.AuthenticationException;

/**
 * A sign-in refused before its password was checked, after too many failures: answered 429 with
 * {@code Retry-After} rather than 401, so that a client waits instead of retrying at once. It
 * says neither which limit refused it nor whether the name exists.
 */
public final class TooManyFailedSignIns extends AuthenticationException {

    private final transient Refusal refusal;

    public TooManyFailedSignIns(Refusal refusal) {
        super("Too many failed sign-ins");
        this.refusal = refusal;
    }

    public long retryAfterSeconds() {
        return refusal.retryAfterSeconds();
    }

    public ProblemDetail problem() {
        return Problems.problem(HttpStatus.TOO_MANY_REQUESTS, "too-many-failed-sign-ins", "Too many failed sign-ins",
                "Sign-ins with this name or from this address are paused after failed ones; try again in "
                        + retryAfterSeconds() + " s.");
    }
}
