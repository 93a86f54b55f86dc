package org.signpost.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.bcrypt.BCrypt;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Password sign-in against the users file: what an unknown name costs, what is counted, and
 * that a throttled attempt has no password checked (HTTP: SignInThrottleHttpTest in app).
 */
class PasswordSignInTest {

    /** Cost 11: not Spring Security's default of 10, so a dummy check at the default would show. */
    private static final String HASH = "{bcrypt}" + BCrypt.hashpw("correct horse battery", BCrypt.gensalt(11));

    /** The hashes bcrypt was asked to check against, in order. */
    private final List<String> checked = new CopyOnWriteArrayList<>();
    private final PasswordEncoder bcrypt = new PasswordEncoder() {
        private final PasswordEncoder delegate = PasswordEncoderFactories.createDelegatingPasswordEncoder();

        @Override
        public String encode(CharSequence raw) {
            return delegate.encode(raw);
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            checked.add(encoded);
            return delegate.matches(raw, encoded);
        }
    };
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final UsersFile users = read("""
            users:
              - {username: cara, passwordHash: '%1$s', role: COORDINATOR}
              - {username: lee, passwordHash: '%1$s', role: LINK_WORKER, linkWorkerId: lw-lee}""".formatted(HASH));
    private final PasswordSignIn signIn = new PasswordSignIn(CurrentUsers.fixed(users), new VerifiedPasswordCache(bcrypt, Duration.ofMinutes(5)),
            new SignInThrottle(new SignInLimits(3, 10, Duration.ofMinutes(15), Duration.ZERO)), meters);

    private Authentication signIn(String name, String password) {
        UsernamePasswordAuthenticationToken request = UsernamePasswordAuthenticationToken.unauthenticated(name, password);
        request.setDetails(new WebAuthenticationDetails("192.0.2.1", null));
        return signIn.authenticate(request);
    }

    @Test
    void anUnknownNameCostsOneBcryptCheckAtTheFilesCostAsAWrongPasswordDoes() {
        assertThat(signIn("cara", "correct horse battery").isAuthenticated()).isTrue();
        checked.clear();

        assertThatThrownBy(() -> signIn("nobody", "correct horse battery")).isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> signIn("cara", "wrong")).isInstanceOf(BadCredentialsException.class);
        assertThat(checked).hasSize(2);
        assertThat(checked.get(0)).as("the unknown name's check").startsWith("{bcrypt}$2a$11$")
                .isEqualTo(users.dummyPasswordHash());
        assertThat(checked.get(1)).as("the wrong password's check").startsWith("{bcrypt}$2a$11$");
    }

    @Test
    void aSignedInUserCarriesTheirRoleAndLinkWorkerIdButNoHash() {
        SignpostUser lee = (SignpostUser) signIn("lee", "correct horse battery").getPrincipal();
        assertThat(lee).isEqualTo(new SignpostUser("lee", null, Role.LINK_WORKER, "lw-lee"));
    }

    @Test
    void failuresAreCountedByReason() {
        assertThatThrownBy(() -> signIn("nobody", "x")).isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> signIn("cara", "x")).isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> signIn("lee", "x")).isInstanceOf(BadCredentialsException.class);
        assertThat(meters.get("signpost.signin.failures").tag("reason", "unknown_user").counter().count()).isEqualTo(1);
        assertThat(meters.get("signpost.signin.failures").tag("reason", "bad_password").counter().count()).isEqualTo(2);
    }

    @Test
    void aThrottledAttemptIsRefusedWithoutCheckingItsPasswordEvenTheRightOne() {
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> signIn("cara", "wrong")).isInstanceOf(BadCredentialsException.class);
        }
        checked.clear();
        assertThatThrownBy(() -> signIn("cara", "correct horse battery")).isInstanceOf(TooManyFailedSignIns.class)
                .satisfies(e -> assertThat(((TooManyFailedSignIns) e).retryAfterSeconds()).isEqualTo(900));
        assertThat(checked).isEmpty();
        assertThat(meters.get("signpost.signin.throttled").tag("limit", "user_name").counter().count()).isEqualTo(1);
        assertThat(signIn("lee", "correct horse battery").isAuthenticated()).as("another name").isTrue();
    }

    private static UsersFile read(String yaml) {
        try {
            return UsersFile.read(new ByteArrayResource(yaml.getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
