package org.signpost.platform.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops password guessing: failed sign-ins are counted per user name (known or not, so that the
 * answer tells nothing about which names exist) and per client address, and an attempt over a
 * limit is refused before its password is checked, so that it costs no bcrypt time and learns
 * nothing (the right password waits too). Any password sign-in uses it: HTTP Basic, and a form.
 *
 * <p>A user name's failures in a row make its next attempt wait, longer after each failure
 * ({@link SignInLimits#backoff()}), and lock it for {@link SignInLimits#lock()} at its limit; a
 * success starts its count again. An address's failures, whatever the names, lock it at its
 * own, lower limit. The trade-off: one attacker at one address is stopped by the address's lock
 * long before any colleague's name is locked (their name waits at most a backoff), whereas
 * guesses spread over many addresses still lock the name they aim at, for a while, since
 * leaving them unbounded would be worse. An address's count is not cleared by a success (a
 * user with a valid password could otherwise clear it between guesses), so colleagues behind
 * one address share its limit; it forgets failures a lock's length after the last one.
 *
 * <p>Once a name or address has failed, its attempts in flight count against its limit until
 * they are answered, so parallel guesses cannot overrun it; attempts of a name or address that
 * has not failed are never held back, so a client's burst of correct sign-ins is never refused.
 * The address is the TCP peer's ({@code request.getRemoteAddr()}): behind a proxy, set
 * {@code server.forward-headers-strategy} so that it is the client's and not the proxy's.
 */
public final class SignInThrottle {

    private static final Logger log = LoggerFactory.getLogger(SignInThrottle.class);
    private static final int REMEMBERED = 50_000;

    /** Which count refused an attempt. */
    public enum Limit {
        USER_NAME, ADDRESS
    }

    /** An attempt refused: which limit, and how long until the next one may be checked. */
    public record Refusal(Limit limit, Duration retryAfter) {

        /** For a Retry-After header: whole seconds, rounded up, at least one. */
        public long retryAfterSeconds() {
            return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        }
    }

    /** A name's or address's failures in a row, its attempts being checked, and its times (ticker nanos). */
    private record Failures(int count, int inFlight, long blockedUntil, long forgetAt) {
    }

    private final SignInLimits limits;
    private final Ticker ticker;
    private final Cache<String, Failures> byUserName;
    private final Cache<String, Failures> byAddress;

    public SignInThrottle(SignInLimits limits) {
        this(limits, Ticker.systemTicker());
    }

    SignInThrottle(SignInLimits limits, Ticker ticker) {
        this.limits = limits;
        this.ticker = ticker;
        this.byUserName = cache(ticker);
        this.byAddress = cache(ticker);
    }

    private static Cache<String, Failures> cache(Ticker ticker) {
        return Caffeine.newBuilder().ticker(ticker).maximumSize(REMEMBERED).expireAfter(new Expiry<String, Failures>() {
            @Override
            public long expireAfterCreate(String key, Failures failures, long currentTime) {
                return Math.max(0, failures.forgetAt() - currentTime);
            }

            @Override
            public long expireAfterUpdate(String key, Failures failures, long currentTime, long currentDuration) {
                return Math.max(0, failures.forgetAt() - currentTime);
            }

            @Override
            public long expireAfterRead(String key, Failures failures, long currentTime, long currentDuration) {
                return currentDuration;
            }
        }).build();
    }

    /**
     * A sign-in as {@code userName} from {@code address} about to have its password checked:
     * refused, or admitted, and then the caller says how it went, once.
     */
    public Attempt attempt(String userName, String address) {
        Attempt attempt = new Attempt(key(userName), key(address));
        attempt.admit(ticker.read());
        return attempt;
    }

    /** One sign-in attempt: {@link #refusal()} if refused, else {@link #succeeded()} or {@link #failed()} once. */
    public final class Attempt {

        private final String userName;
        private final String address;
        private Refusal refusal;
        private boolean userNameHeld;
        private boolean addressHeld;

        private Attempt(String userName, String address) {
            this.userName = userName;
            this.address = address;
        }

        public Optional<Refusal> refusal() {
            return Optional.ofNullable(refusal);
        }

        private void admit(long now) {
            Hold address = hold(byAddress, this.address, limits.maxFailuresPerAddress(), Limit.ADDRESS, now);
            refusal = address.refusal();
            addressHeld = address.counted();
            if (refusal == null) {
                Hold userName = hold(byUserName, this.userName, limits.maxFailuresPerUser(), Limit.USER_NAME, now);
                refusal = userName.refusal();
                userNameHeld = userName.counted();
                if (refusal != null && addressHeld) {
                    release(byAddress, this.address);
                    addressHeld = false;
                }
            }
        }

        /** The right password: the user name's count starts again; the address's does not. */
        public void succeeded() {
            admitted();
            byUserName.invalidate(userName);
            if (addressHeld) {
                release(byAddress, address);
            }
        }

        public void failed() {
            admitted();
            long now = ticker.read();
            fail(byAddress, address, addressHeld, limits.maxFailuresPerAddress(), false, now)
                    .ifPresent(count -> log.warn("Sign-ins from {} are refused for {} after {} failures",
                            UserNames.forLog(address), limits.lock(), count));
            fail(byUserName, userName, userNameHeld, limits.maxFailuresPerUser(), true, now)
                    .ifPresent(count -> log.warn("Sign-ins as {} are refused for {} after {} failures in a row",
                            UserNames.forLog(userName), limits.lock(), count));
        }

        private void admitted() {
            if (refusal != null) {
                throw new IllegalStateException("A refused attempt has no outcome");
            }
        }
    }

    /** What {@link #hold} did: refused the attempt, or counted it in flight, or neither. */
    private record Hold(Refusal refusal, boolean counted) {
    }

    /**
     * The refusal of a name or address that is waiting or at its limit, counting attempts in
     * flight; else, if it has failed before, one more attempt in flight.
     */
    private static Hold hold(Cache<String, Failures> cache, String key, int max, Limit limit, long now) {
        Refusal[] refusal = {null};
        boolean[] counted = {false};
        cache.asMap().computeIfPresent(key, (k, failures) -> {
            if (failures.forgetAt() <= now) {
                return null;
            }
            if (failures.blockedUntil() > now) {
                refusal[0] = new Refusal(limit, Duration.ofNanos(failures.blockedUntil() - now));
                return failures;
            }
            if (failures.count() + failures.inFlight() >= max) {
                // Attempts in flight will be answered within a bcrypt check or so.
                refusal[0] = new Refusal(limit, Duration.ofSeconds(1));
                return failures;
            }
            counted[0] = true;
            return new Failures(failures.count(), failures.inFlight() + 1, failures.blockedUntil(), failures.forgetAt());
        });
        return new Hold(refusal[0], counted[0]);
    }

    private static void release(Cache<String, Failures> cache, String key) {
        cache.asMap().computeIfPresent(key, (k, failures) -> new Failures(failures.count(),
                Math.max(0, failures.inFlight() - 1), failures.blockedUntil(), failures.forgetAt()));
    }

    /** Counts a failure; the count if it has just reached the limit (a lock starts). */
    private Optional<Integer> fail(Cache<String, Failures> cache, String key, boolean wasHeld, int max,
                                   boolean backoff, long now) {
        int[] locked = {0};
        cache.asMap().compute(key, (k, before) -> {
            Failures current = before == null || before.forgetAt() <= now ? null : before;
            int count = current == null ? 1 : current.count() + 1;
            int inFlight = current == null ? 0 : Math.max(0, current.inFlight() - (wasHeld ? 1 : 0));
            if (count >= max) {
                // The count is forgotten when the lock ends: the next failures start a new count.
                long until = now + limits.lock().toNanos();
                if (current == null || current.count() < max) {
                    locked[0] = count;
                }
                return new Failures(count, inFlight, until, until);
            }
            long until = backoff ? now + limits.backoffAfter(count).toNanos() : now;
            return new Failures(count, inFlight, until, now + limits.lock().toNanos());
        });
        return locked[0] > 0 ? Optional.of(locked[0]) : Optional.empty();
    }

    /** Kept to one character more than a user's name may have: a flood of long names takes little memory. */
    private static String key(String nameOrAddress) {
        if (nameOrAddress == null) {
            return "";
        }
        return nameOrAddress.length() > UserNames.MAX_LENGTH ? nameOrAddress.substring(0, UserNames.MAX_LENGTH + 1)
                : nameOrAddress;
    }
}
