package org.signpost.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.signpost.platform.security.SignInThrottle.Attempt;
import org.signpost.platform.security.SignInThrottle.Limit;
import org.signpost.platform.security.SignInThrottle.Refusal;

/** The throttle's rules, on a clock the test moves (the HTTP side: SignInThrottleHttpTest in app). */
class SignInThrottleTest {

    private static final SignInLimits DEFAULTS = new SignInLimits(20, 10, Duration.ofMinutes(15), Duration.ofSeconds(1));

    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    private SignInThrottle throttle(SignInLimits limits) {
        return new SignInThrottle(limits, now::get);
    }

    private void pass(Duration time) {
        now.addAndGet(time.toNanos());
    }

    private static void fail(SignInThrottle throttle, String name, String address) {
        Attempt attempt = throttle.attempt(name, address);
        assertThat(attempt.refusal()).as("%s from %s admitted", name, address).isEmpty();
        attempt.failed();
    }

    @Test
    void aNamesFailuresInARowMakeItWaitLongerEachTimeThenLockIt() {
        SignInThrottle throttle = throttle(new SignInLimits(5, 100, Duration.ofMinutes(15), Duration.ofSeconds(1)));
        for (int failure = 1; failure < 5; failure++) {
            fail(throttle, "cara", "10.0.0." + failure);
            Duration wait = Duration.ofSeconds(1L << (failure - 1));
            assertThat(throttle.attempt("cara", "10.0.0.99").refusal()).as("after failure %d", failure)
                    .contains(new Refusal(Limit.USER_NAME, wait));
            pass(wait);
        }
        fail(throttle, "cara", "10.0.0.5");
        assertThat(throttle.attempt("cara", "10.0.0.99").refusal())
                .contains(new Refusal(Limit.USER_NAME, Duration.ofMinutes(15)));
        pass(Duration.ofMinutes(15).minusSeconds(1));
        assertThat(throttle.attempt("cara", "10.0.0.99").refusal().map(Refusal::retryAfterSeconds)).contains(1L);
        assertThat(throttle.attempt("lee", "10.0.0.99").refusal()).as("another name").isEmpty();

        pass(Duration.ofSeconds(1));
        fail(throttle, "cara", "10.0.0.6");
        assertThat(throttle.attempt("cara", "10.0.0.99").refusal()).as("a new count after the lock")
                .contains(new Refusal(Limit.USER_NAME, Duration.ofSeconds(1)));
    }

    @Test
    void theBackoffStopsGrowingAt32TimesItsStart() {
        SignInThrottle throttle = throttle(DEFAULTS);
        List<Long> waits = new ArrayList<>();
        for (int failure = 1; failure <= 8; failure++) {
            fail(throttle, "cara", "10.0.0." + failure);
            Duration wait = throttle.attempt("cara", "10.0.0.99").refusal().orElseThrow().retryAfter();
            waits.add(wait.toSeconds());
            pass(wait);
        }
        assertThat(waits).containsExactly(1L, 2L, 4L, 8L, 16L, 32L, 32L, 32L);
    }

    @Test
    void theRightPasswordStartsTheNamesCountAgain() {
        SignInThrottle throttle = throttle(new SignInLimits(3, 100, Duration.ofMinutes(15), Duration.ZERO));
        fail(throttle, "cara", "10.0.0.1");
        fail(throttle, "cara", "10.0.0.1");
        throttle.attempt("cara", "10.0.0.1").succeeded();
        fail(throttle, "cara", "10.0.0.1");
        fail(throttle, "cara", "10.0.0.1");
        assertThat(throttle.attempt("cara", "10.0.0.1").refusal()).isEmpty();
    }

    @Test
    void anAddressIsLockedAfterItsFailuresWhateverTheNamesAndASuccessDoesNotClearIt() {
        SignInThrottle throttle = throttle(DEFAULTS);
        for (int name = 1; name <= 9; name++) {
            fail(throttle, "name" + name, "203.0.113.7");
            throttle.attempt("analyst", "203.0.113.7").succeeded();
        }
        fail(throttle, "name10", "203.0.113.7");
        assertThat(throttle.attempt("analyst", "203.0.113.7").refusal())
                .contains(new Refusal(Limit.ADDRESS, Duration.ofMinutes(15)));
        assertThat(throttle.attempt("analyst", "198.51.100.1").refusal()).as("another address").isEmpty();
    }

    @Test
    void oneAttackerAtOneAddressIsStoppedBeforeTheNameTheyGuessAtIsLocked() {
        SignInThrottle throttle = throttle(DEFAULTS);
        for (int guess = 1; guess <= 10; guess++) {
            fail(throttle, "cara", "203.0.113.7");
            if (guess < 10) {
                pass(throttle.attempt("cara", "198.51.100.1").refusal().orElseThrow().retryAfter());
            }
        }
        assertThat(throttle.attempt("cara", "203.0.113.7").refusal()).map(Refusal::limit).contains(Limit.ADDRESS);
        // Cara herself, elsewhere, waits at most the longest backoff.
        Duration wait = throttle.attempt("cara", "198.51.100.1").refusal().orElseThrow().retryAfter();
        assertThat(wait).isEqualTo(Duration.ofSeconds(32));
        pass(wait);
        Attempt cara = throttle.attempt("cara", "198.51.100.1");
        assertThat(cara.refusal()).isEmpty();
        cara.succeeded();
        assertThat(throttle.attempt("cara", "203.0.113.7").refusal()).as("the attacker's address stays locked")
                .map(Refusal::limit).contains(Limit.ADDRESS);
    }

    @Test
    void onceANameHasFailedItsAttemptsInFlightCountAgainstItsLimit() {
        SignInThrottle throttle = throttle(new SignInLimits(3, 100, Duration.ofMinutes(15), Duration.ZERO));
        List<Attempt> burst = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            burst.add(throttle.attempt("cara", "10.0.0.1"));
        }
        assertThat(burst).as("a name that has not failed is never held back").allMatch(a -> a.refusal().isEmpty());
        burst.forEach(Attempt::succeeded);

        fail(throttle, "lee", "10.0.0.1");
        Attempt second = throttle.attempt("lee", "10.0.0.1");
        Attempt third = throttle.attempt("lee", "10.0.0.1");
        assertThat(second.refusal()).isEmpty();
        assertThat(third.refusal()).isEmpty();
        assertThat(throttle.attempt("lee", "10.0.0.1").refusal()).as("a fourth while two are in flight")
                .contains(new Refusal(Limit.USER_NAME, Duration.ofSeconds(1)));
        second.succeeded();
        assertThat(throttle.attempt("lee", "10.0.0.1").refusal()).as("after the right password").isEmpty();
    }

    @Test
    void aRefusalsWaitIsGivenInWholeSecondsRoundedUp() {
        assertThat(new Refusal(Limit.ADDRESS, Duration.ofMillis(200)).retryAfterSeconds()).isEqualTo(1);
        assertThat(new Refusal(Limit.ADDRESS, Duration.ofMillis(1001)).retryAfterSeconds()).isEqualTo(2);
        assertThat(new Refusal(Limit.ADDRESS, Duration.ofMinutes(15)).retryAfterSeconds()).isEqualTo(900);
    }
}
