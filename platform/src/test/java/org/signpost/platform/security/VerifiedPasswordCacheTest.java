package org.signpost.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

class VerifiedPasswordCacheTest {

    private final AtomicInteger bcryptChecks = new AtomicInteger();
    private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(4);
    private final PasswordEncoder counting = new PasswordEncoder() {
        @Override
        public String encode(CharSequence raw) {
            return bcrypt.encode(raw);
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            bcryptChecks.incrementAndGet();
            return bcrypt.matches(raw, encoded);
        }
    };
    private final VerifiedPasswordCache cache = new VerifiedPasswordCache(counting, Duration.ofMinutes(5));
    private final String hash = bcrypt.encode("correct horse battery staple");

    @Test
    void aVerifiedPasswordIsNotCheckedWithBcryptAgain() {
        assertThat(cache.matches("correct horse battery staple", hash)).isTrue();
        assertThat(cache.matches("correct horse battery staple", hash)).isTrue();
        assertThat(bcryptChecks).hasValue(1);
    }

    @Test
    void aWrongPasswordIsNeverRememberedAndAlwaysChecked() {
        assertThat(cache.matches("correct horse battery staple", hash)).isTrue();
        assertThat(cache.matches("wrong", hash)).isFalse();
        assertThat(cache.matches("wrong", hash)).isFalse();
        assertThat(bcryptChecks).hasValue(3);
    }

    @Test
    void theRightPasswordForAnotherHashDoesNotMatch() {
        String otherHash = bcrypt.encode("another password");
        assertThat(cache.matches("correct horse battery staple", hash)).isTrue();
        assertThat(cache.matches("correct horse battery staple", otherHash)).isFalse();
    }
}
