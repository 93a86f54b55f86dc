package org.signpost.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

class SessionTokensTest {

    private static final String HASH = "{bcrypt}$2a$10$MxsFaymcgPeXsp0dJDCeJuqes710sIfzY9woOFjM.gXNY.7I2sMOS";
    private static final SecretKeySpec KEY = new SecretKeySpec(new byte[32], "HmacSHA256");
    private static final SignpostUser LINK_WORKER = new SignpostUser("lee", HASH, Role.LINK_WORKER, "lw-9");
    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-02T09:00:00Z"));

    private SessionTokens tokens(List<SignpostUser> users) {
        return new SessionTokens(KEY, CurrentUsers.fixed(UsersFile.of(users)), Duration.ofMinutes(30),
                Duration.ofHours(12), clock);
    }

    @Test
    void aTokenIsGoodUntilItsExpiryAndNotAfter() {
        SessionTokens tokens = tokens(List.of(LINK_WORKER));
        String token = tokens.issue(LINK_WORKER).token();
        clock.move(Duration.ofMinutes(29));
        assertThat(tokens.decoder().decode(token).getSubject()).isEqualTo("lee");
        clock.move(Duration.ofMinutes(2));
        assertThatThrownBy(() -> tokens.decoder().decode(token)).isInstanceOf(JwtValidationException.class);
    }

    @Test
    void renewalsKeepTheSignInTimeAndStopAtTheSessionsMaximumAge() {
        SessionTokens tokens = tokens(List.of(LINK_WORKER));
        SessionTokens.Issued first = tokens.issue(LINK_WORKER);
        Jwt current = tokens.decoder().decode(first.token());
        for (int i = 0; i < 24; i++) {
            clock.move(Duration.ofMinutes(29));
            current = tokens.decoder().decode(tokens.renew(current, LINK_WORKER).orElseThrow().token());
        }
        // 11 h 36 min after the sign-in: the next token ends with the session, not 30 minutes later.
        SessionTokens.Issued last = tokens.renew(current, LINK_WORKER).orElseThrow();
        assertThat(last.expiresAt()).isEqualTo(first.sessionEndsAt()).isBefore(clock.instant().plus(Duration.ofMinutes(30)));
        clock.move(Duration.ofMinutes(24));
        Jwt atTheEnd = current;
        assertThat(tokens.renew(atTheEnd, LINK_WORKER)).isEmpty();
    }

    @Test
    void aUserRemovedOrGivenAnotherRoleIsSignedInByNoEarlierToken() {
        Jwt token = tokens(List.of(LINK_WORKER)).decoder().decode(tokens(List.of(LINK_WORKER)).issue(LINK_WORKER).token());
        assertThat(tokens(List.of(LINK_WORKER)).authentication(token).getName()).isEqualTo("lee");
        assertThatThrownBy(() -> tokens(List.of()).authentication(token)).isInstanceOf(InvalidBearerTokenException.class);
        SignpostUser nowACoordinator = new SignpostUser("lee", HASH, Role.COORDINATOR, null);
        assertThatThrownBy(() -> tokens(List.of(nowACoordinator)).authentication(token))
                .isInstanceOf(InvalidBearerTokenException.class);
        SignpostUser anotherCaseload = new SignpostUser("lee", HASH, Role.LINK_WORKER, "lw-10");
        assertThatThrownBy(() -> tokens(List.of(anotherCaseload)).authentication(token))
                .isInstanceOf(InvalidBearerTokenException.class);
    }

    @Test
    void theAuthenticationHoldsNoPassword() {
        SessionTokens tokens = tokens(List.of(LINK_WORKER));
        var authentication = tokens.authentication(tokens.decoder().decode(tokens.issue(LINK_WORKER).token()));
        assertThat(((SignpostUser) authentication.getPrincipal()).passwordHash()).isNull();
    }

    private static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void move(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
