package org.signpost.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;

class UsersFileTest {

    @Test
    void readsEveryUserWithRoleAndLinkWorkerId() throws Exception {
        UsersFile users = UsersFile.read(new ClassPathResource("test-users.yml"));
        assertThat(users.size()).isEqualTo(7);
        assertThat(users.find("linkworker")).hasValueSatisfying(user -> {
            assertThat(user.role()).isEqualTo(Role.LINK_WORKER);
            assertThat(user.linkWorkerId()).isEqualTo("lw-1");
        });
        assertThat(users.find("nobody")).isEmpty();
    }

    @Test
    void refusesAPlainTextPassword() {
        assertThatThrownBy(() -> read("users: [{username: a, passwordHash: secret, role: MANAGER}]"))
                .hasMessageContaining("{bcrypt}");
    }

    @Test
    void refusesALinkWorkerWithoutAnId() {
        assertThatThrownBy(() -> read("users: [{username: a, passwordHash: '{bcrypt}x', role: LINK_WORKER}]"))
                .hasMessageContaining("linkWorkerId");
    }

    @Test
    void refusesAUserWrittenTwice() {
        assertThatThrownBy(() -> read("""
                users:
                  - {username: a, passwordHash: '{bcrypt}x', role: MANAGER}
                  - {username: a, passwordHash: '{bcrypt}y', role: AUDITOR}"""))
                .hasMessageContaining("twice");
    }

    private static UsersFile read(String yaml) throws Exception {
        return UsersFile.read(new ByteArrayResource(yaml.getBytes(StandardCharsets.UTF_8)));
    }
}
