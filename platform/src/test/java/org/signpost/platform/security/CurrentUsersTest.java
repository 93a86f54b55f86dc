package org.signpost.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A users file changed under a running service: read again when it changes, the last good one kept when broken. */
class CurrentUsersTest {

    private static final String HASH = "{bcrypt}$2a$10$MxsFaymcgPeXsp0dJDCeJuqes710sIfzY9woOFjM.gXNY.7I2sMOS";

    private final MovableClock clock = new MovableClock();

    @Test
    void aUserAddedToTheFileIsKnownAtTheNextLookAfterASecond(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("users.yml");
        UsersFile.write(file, List.of(new SignpostUser("amir", HASH, Role.MANAGER, null)));
        CurrentUsers users = CurrentUsers.watching(file, clock);

        UsersFile.write(file, List.of(new SignpostUser("amir", HASH, Role.MANAGER, null),
                new SignpostUser("bea", HASH, Role.LINK_WORKER, "lw-3")));
        assertThat(users.get().find("bea")).as("looked at once a second at most").isEmpty();
        clock.advance(Duration.ofSeconds(1));

        assertThat(users.get().find("bea")).isPresent();
        assertThat(users.get().linkWorkerIds()).containsExactly("lw-3");
    }

    @Test
    void aBrokenEditKeepsTheUsersReadBefore(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("users.yml");
        UsersFile.write(file, List.of(new SignpostUser("amir", HASH, Role.MANAGER, null)));
        CurrentUsers users = CurrentUsers.watching(file, clock);

        Files.writeString(file, Files.readString(file).replace("MANAGER", "MANGER"));
        clock.advance(Duration.ofSeconds(2));
        assertThat(users.get().find("amir")).hasValueSatisfying(user -> assertThat(user.role()).isEqualTo(Role.MANAGER));

        Files.delete(file);
        clock.advance(Duration.ofSeconds(2));
        assertThat(users.get().find("amir")).as("a file gone keeps them too").isPresent();

        UsersFile.write(file, List.of(new SignpostUser("bea", HASH, Role.ANALYST, null)));
        clock.advance(Duration.ofSeconds(2));
        assertThat(users.get().find("amir")).isEmpty();
        assertThat(users.get().find("bea")).isPresent();
    }

    private static final class MovableClock extends Clock {

        private Instant now = Instant.parse("2026-03-02T10:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneOffset getZone() {
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
