package org.signpost.platform.security;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.signpost.platform.security.SignInThrottle.Attempt;
import org.signpost.platform.security.SignInThrottle.Limit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Signs users of the users file in by password (HTTP Basic, or any form that makes a
 * {@link UsernamePasswordAuthenticationToken}), throttled by {@link SignInThrottle}. Every
 * failure is logged (name and address, never the password) and counted in
 * {@code signpost_signin_failures_total}; every refusal in {@code signpost_signin_throttled_total}.
 *
 * <p>A known name and an unknown one cost the same time: either way one bcrypt check runs at
 * the users file's cost, the unknown one against {@link UsersFile#dummyPasswordHash()}. The
 * {@link VerifiedPasswordCache} in front of bcrypt makes no difference between them, since it
 * only shortens checks of a password that matched, which an unknown name never has.
 */
public final class PasswordSignIn implements AuthenticationProvider {

    private static final Logger log = LoggerFactory.getLogger(PasswordSignIn.class);

    /** Why a sign-in failed: for operators (log, metrics), never for the client. */
    enum Failure {
        UNKNOWN_USER("unknown_user", "no such user"), BAD_PASSWORD("bad_password", "wrong password");

        private final String tag;
        private final String said;

        Failure(String tag, String said) {
            this.tag = tag;
            this.said = said;
        }
    }

    private final CurrentUsers users;
    private final PasswordEncoder passwords;
    private final SignInThrottle throttle;
    private final Map<Failure, Counter> failures = new EnumMap<>(Failure.class);
    private final Map<Limit, Counter> refusals = new EnumMap<>(Limit.class);

    public PasswordSignIn(CurrentUsers users, PasswordEncoder passwords, SignInThrottle throttle, MeterRegistry meters) {
        this.users = users;
        this.passwords = passwords;
        this.throttle = throttle;
        for (Failure failure : Failure.values()) {
            failures.put(failure, Counter.builder("signpost.signin.failures")
                    .description("Failed password sign-ins, by reason").tag("reason", failure.tag).register(meters));
        }
        for (Limit limit : Limit.values()) {
            refusals.put(limit, Counter.builder("signpost.signin.throttled")
                    .description("Password sign-ins refused unchecked after too many failures, by the limit reached")
                    .tag("limit", limit.name().toLowerCase()).register(meters));
        }
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String name = authentication.getName();
        String address = authentication.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress() : null;
        Attempt attempt = throttle.attempt(name, address);
        Optional<SignInThrottle.Refusal> refusal = attempt.refusal();
        if (refusal.isPresent()) {
            refusals.get(refusal.get().limit()).increment();
            throw new TooManyFailedSignIns(refusal.get());
        }
        Object credentials = authentication.getCredentials();
        String password = credentials == null ? "" : credentials.toString();
        UsersFile current = users.get();
        Optional<SignpostUser> user = current.find(name);
        boolean matches = passwords.matches(password, user.map(SignpostUser::passwordHash)
                .orElse(current.dummyPasswordHash()));
        if (user.isPresent() && matches) {
            attempt.succeeded();
            SignpostUser signedIn = user.get();
            SignpostUser principal = new SignpostUser(signedIn.username(), null, signedIn.role(), signedIn.linkWorkerId());
            return UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities());
        }
        Failure failure = user.isPresent() ? Failure.BAD_PASSWORD : Failure.UNKNOWN_USER;
        failures.get(failure).increment();
        log.warn("Failed sign-in as {} from {}: {}", UserNames.forLog(name), UserNames.forLog(address), failure.said);
        attempt.failed();
        throw new BadCredentialsException("Bad credentials");
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
