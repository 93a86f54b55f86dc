package org.signpost.platform.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many failed password sign-ins {@link SignInThrottle} allows before it makes the next ones
 * wait. One attacker at one address reaches the address's limit well before a user name's, so
 * they cannot lock a colleague out by name; a user name's own limit is for guesses spread over
 * many addresses.
 *
 * @param maxFailuresPerUser    SIGNPOST_SIGNIN_MAX_FAILURES_PER_USER: failures in a row for one
 *                              user name (known or not) that lock it
 * @param maxFailuresPerAddress SIGNPOST_SIGNIN_MAX_FAILURES_PER_ADDRESS: failures from one client
 *                              address, whatever the names, that lock it
 * @param lock                  SIGNPOST_SIGNIN_LOCK: how long a lock lasts; a name's or address's
 *                              failures are also forgotten this long after its last one
 * @param backoff               SIGNPOST_SIGNIN_BACKOFF: after a user name's first failure its next
 *                              attempt waits this long, doubled with each further failure up to
 *                              32 times as long (never longer than the lock); zero for none
 */
@ConfigurationProperties("signpost.signin")
public record SignInLimits(@DefaultValue("20") int maxFailuresPerUser, @DefaultValue("10") int maxFailuresPerAddress,
                           @DefaultValue("PT15M") Duration lock, @DefaultValue("PT1S") Duration backoff) {

    public SignInLimits {
        if (maxFailuresPerUser < 1 || maxFailuresPerAddress < 1) {
            throw new IllegalArgumentException("SIGNPOST_SIGNIN_MAX_FAILURES_PER_USER and _PER_ADDRESS must be at least 1");
        }
        if (lock == null || lock.isNegative() || lock.isZero()) {
            throw new IllegalArgumentException("SIGNPOST_SIGNIN_LOCK must be longer than zero");
        }
        if (backoff == null || backoff.isNegative()) {
            throw new IllegalArgumentException("SIGNPOST_SIGNIN_BACKOFF must not be negative");
        }
    }

    /** The wait after a user name's {@code failures}-th failure in a row, below its limit. */
    Duration backoffAfter(int failures) {
        Duration wait = backoff.multipliedBy(1L << Math.min(failures - 1, 5));
        return wait.compareTo(lock) > 0 ? lock : wait;
    }
}
