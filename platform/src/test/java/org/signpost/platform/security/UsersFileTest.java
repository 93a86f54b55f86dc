package org.signpost.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.security.crypto.bcrypt.BCrypt;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

class UsersFileTest {

    /** "secret" at cost 10, and a hash of it at cost 11 (made once: each takes a while). */
    private static final String COST_10 = "{bcrypt}$2a$10$MxsFaymcgPeXsp0dJDCeJuqes710sIfzY9woOFjM.gXNY.7I2sMOS";
    private static final String COST_11 = "{bcrypt}" + BCrypt.hashpw("secret", BCrypt.gensalt(11));

    @Test
    void readsEveryUserWithRoleAndLinkWorkerId() throws Exception {
        UsersFile users = UsersFile.read(new ClassPathResource("test-users.yml"));
        assertThat(users.size()).isEqualTo(9);
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
    void refusesAHashBelowCost10NamingTheUserButNotTheHash() {
        String cost4 = "{bcrypt}$2a$04$iF.RJHUv7rBm9Bt5u16mH.RhoZdzoLWAvWwhtHynf8ZhtE5g/1cBu";
        assertThatThrownBy(() -> read("users: [{username: cara, passwordHash: '" + cost4 + "', role: MANAGER}]"))
                .hasMessage("User cara's passwordHash has bcrypt cost 4: it must be 10 to 31 "
                        + "(./signpost hash-password makes 12)");
    }

    @Test
    void refusesATruncatedOrMalformedHashNamingTheUserButNotTheHash() {
        for (String hash : new String[] {COST_10.substring(0, COST_10.length() - 1), COST_10 + "x", "{bcrypt}x",
                COST_10.replace("$2a$10$", "$2a$1$"), COST_10.replace("$2a$", "$3a$"),
                COST_10.substring(0, 30) + "!" + COST_10.substring(31)}) {
            assertThatThrownBy(() -> read("users: [{username: cara, passwordHash: '" + hash + "', role: MANAGER}]"))
                    .as(hash)
                    .hasMessageStartingWith("User cara's passwordHash is not a whole bcrypt hash")
                    .hasMessageNotContaining(COST_10.substring(15, 37));
        }
    }

    @Test
    void theDummyHashHasTheCostOfMostOfTheFilesHashes() throws Exception {
        UsersFile mostlyCost11 = read("""
                users:
                  - {username: a, passwordHash: '%1$s', role: MANAGER}
                  - {username: b, passwordHash: '%2$s', role: AUDITOR}
                  - {username: c, passwordHash: '%2$s', role: ANALYST}""".formatted(COST_10, COST_11));
        assertThat(cost(mostlyCost11.dummyPasswordHash())).isEqualTo(11);
        UsersFile cost10 = UsersFile.read(new ClassPathResource("test-users.yml"));
        assertThat(cost(cost10.dummyPasswordHash())).isEqualTo(10);
        assertThat(new BCryptPasswordEncoder()
                .matches("secret", cost10.dummyPasswordHash().substring("{bcrypt}".length()))).isFalse();
    }

    @Test
    void refusesANameThatCouldPassForABearerTokensUserOrBreakALogLine() {
        assertThatThrownBy(() -> read("users: [{username: 'idp:cara', passwordHash: '" + COST_10 + "', role: MANAGER}]"))
                .hasMessageContaining("':'");
        assertThatThrownBy(() -> read("users: [{username: \"cara\\r\\nforged\", passwordHash: '" + COST_10
                + "', role: MANAGER}]"))
                .hasMessage("The username \"cara??forged\" holds a line break, a control or a text-direction character");
        assertThatThrownBy(() -> read("users: [{username: ' cara', passwordHash: '" + COST_10 + "', role: MANAGER}]"))
                .hasMessageContaining("starts or ends with a space");
    }

    @Test
    void refusesALinkWorkerWithoutAnId() {
        assertThatThrownBy(() -> read("users: [{username: a, passwordHash: '" + COST_10 + "', role: LINK_WORKER}]"))
                .hasMessageContaining("linkWorkerId");
    }

    @Test
    void refusesAUserWrittenTwice() {
        assertThatThrownBy(() -> read("""
                users:
                  - {username: a, passwordHash: '%1$s', role: MANAGER}
                  - {username: a, passwordHash: '%1$s', role: AUDITOR}""".formatted(COST_10)))
                .hasMessageContaining("twice");
    }

    @Test
    void aTabInTheIndentationIsNamedByItsLine() {
        assertThatThrownBy(() -> read("users:\n\t- {username: a, passwordHash: '" + COST_10 + "', role: MANAGER}"))
                .hasMessage("Line 2 is indented with a tab: YAML takes spaces only");
    }

    @Test
    void aHashWithoutQuotesIsNamedByItsLineAndNotQuoted() {
        assertThatThrownBy(() -> read("users:\n  - username: a\n    passwordHash: " + COST_10 + "\n    role: MANAGER"))
                .hasMessageStartingWith("Line 3 has a passwordHash without quotes: write it in double quotes")
                .hasMessageNotContaining(COST_10.substring(15, 37));
    }

    @Test
    void anUnknownRoleNamesTheUserAndListsTheRoles() {
        assertThatThrownBy(() -> read("users: [{username: cara, passwordHash: '" + COST_10 + "', role: MANGER}]"))
                .hasMessage("User cara has the role \"MANGER\", which is none of COORDINATOR, LINK_WORKER, MANAGER, "
                        + "ANALYST, AUDITOR, DATA_PROTECTION_OFFICER");
    }

    @Test
    void aYamlSyntaxErrorIsOneLineWithItsLineNumberAndNoneOfTheFile() {
        assertThatThrownBy(() -> read("users:\n  - username: a\n    passwordHash: '" + COST_10 + "'\n  role: [MANAGER"))
                .hasMessageStartingWith("Line ")
                .hasMessageContaining("not a users file")
                .hasMessageNotContaining("\n")
                .hasMessageNotContaining(COST_10.substring(15, 37));
    }

    @Test
    void aMisspelledKeyIsNamed() {
        assertThatThrownBy(() -> read("users: [{username: a, passwordHash: '" + COST_10 + "', rol: MANAGER}]"))
                .hasMessage("Line 1: \"rol\" is not a key of the users file: a user has username, passwordHash, role "
                        + "and linkWorkerId");
    }

    @Test
    void whatIsWrittenIsReadBackPrivateAndWithItsHashesQuoted(@TempDir Path directory)
            throws Exception {
        Path file = directory.resolve("home").resolve("users.yml");
        UsersFile.write(file, List.of(new SignpostUser("zoe", COST_10, Role.LINK_WORKER, "lw-9"),
                new SignpostUser("amir", COST_10, Role.AUDITOR, null)));
        String text = Files.readString(file);
        assertThat(text).contains("passwordHash: \"" + COST_10 + "\"").doesNotContain("linkWorkerId: null");
        assertThat(UsersFile.parse(text)).containsExactly(new SignpostUser("amir", COST_10, Role.AUDITOR, null),
                new SignpostUser("zoe", COST_10, Role.LINK_WORKER, "lw-9"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(Files.list(file.getParent())).containsExactly(file);
    }

    private static int cost(String hash) {
        return Integer.parseInt(hash.substring("{bcrypt}$2a$".length(), "{bcrypt}$2a$".length() + 2));
    }

    private static UsersFile read(String yaml) throws Exception {
        return UsersFile.read(new ByteArrayResource(yaml.getBytes(StandardCharsets.UTF_8)));
    }
}
