package org.signpost.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signpost.platform.ConfigurationProblem;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.security.crypto.bcrypt.BCrypt;

/** Where the service finds its users at start, what it says when it cannot, and the first user of a fresh home. */
class UsersFileStartupTest {

    private static final String HASH = "{bcrypt}$2a$10$MxsFaymcgPeXsp0dJDCeJuqes710sIfzY9woOFjM.gXNY.7I2sMOS";

    @TempDir
    Path directory;

    @Test
    void aUsersFileThatIsNotThereIsOneProblemNamingTheSetting() {
        Path missing = directory.resolve("users.yml");
        assertThatThrownBy(() -> start(new MockEnvironment().withProperty("signpost.users-file", missing.toString())))
                .isInstanceOfSatisfying(ConfigurationProblem.class, problem -> {
                    assertThat(problem.setting()).isEqualTo("SIGNPOST_USERS_FILE (" + missing + ")");
                    assertThat(problem.problem()).isEqualTo("there is no such file");
                    assertThat(problem.remedy()).contains("./signpost users add");
                });
    }

    @Test
    void eachMistakeInTheFileIsOneProblemSayingWhatIsWrong() throws Exception {
        String[][] mistakes = {
                {"users:\n  - username: a\n    passwordHash: '" + HASH + "'\n  role: [MANAGER", "not a users file"},
                {"users:\n\t- {username: a, passwordHash: '" + HASH + "', role: MANAGER}", "Line 2 is indented with a tab"},
                {"users: [{username: cara, passwordHash: '" + HASH + "', role: MANGER}]",
                        "User cara has the role \"MANGER\", which is none of COORDINATOR, LINK_WORKER"},
                {"users:\n  - username: a\n    passwordHash: " + HASH + "\n    role: MANAGER",
                        "Line 3 has a passwordHash without quotes"},
                {"users: [{username: cara, passwordHash: '" + HASH.substring(0, 40) + "', role: MANAGER}]",
                        "User cara's passwordHash is not a whole bcrypt hash"},
                {"users: [{username: cara, passwordHash: '" + HASH.replace("$10$", "$09$") + "', role: MANAGER}]",
                        "User cara's passwordHash has bcrypt cost 9"}};
        for (String[] mistake : mistakes) {
            Path file = Files.writeString(directory.resolve("users.yml"), mistake[0]);
            assertThatThrownBy(() -> start(new MockEnvironment().withProperty("signpost.users-file", file.toString())))
                    .as(mistake[1])
                    .isInstanceOfSatisfying(ConfigurationProblem.class, problem -> {
                        assertThat(problem.getMessage()).startsWith("SIGNPOST_USERS_FILE (" + file + "): ")
                                .contains(mistake[1]).doesNotContain(HASH.substring(15, 37));
                        assertThat(problem.remedy()).contains("double quotes");
                    });
        }
    }

    @Test
    void aFreshHomeGetsAPrivateUsersFileWithAFirstManagerWhosePasswordIsShownOnce() throws Exception {
        Path home = directory.resolve("home");
        UsersFileStartup startup = new UsersFileStartup();
        CurrentUsers users = startup.read(new MockEnvironment().withProperty("signpost.home", home.toString())
                .withProperty("signpost.first-user", "true"));

        Path file = home.resolve("users.yml");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        SignpostUser admin = users.get().find("admin").orElseThrow();
        assertThat(admin.role()).isEqualTo(Role.MANAGER);
        ByteArrayOutputStream terminal = new ByteArrayOutputStream();
        startup.firstUser().show(new PrintStream(terminal, true, StandardCharsets.UTF_8));
        startup.firstUser().show(new PrintStream(terminal, true, StandardCharsets.UTF_8));
        String shown = terminal.toString(StandardCharsets.UTF_8);
        Matcher password = Pattern.compile("password: (\\S+)").matcher(shown);
        assertThat(password.find()).as(shown).isTrue();
        String generated = password.group(1);
        assertThat(generated).hasSizeGreaterThanOrEqualTo(12);
        assertThat(BCrypt.checkpw(generated, admin.passwordHash().substring("{bcrypt}".length()))).isTrue();
        assertThat(password.find()).as("shown once").isFalse();
        assertThat(Files.readString(file)).doesNotContain(generated);

        UsersFileStartup again = new UsersFileStartup();
        again.read(new MockEnvironment().withProperty("signpost.home", home.toString())
                .withProperty("signpost.first-user", "true"));
        assertThat(again.firstUser()).as("made once only").isNull();
    }

    @Test
    void withoutFirstUsersAServiceWithNoUsersFileHasNoUsersAndMakesNoFile() {
        Path home = directory.resolve("home");
        CurrentUsers users = start(new MockEnvironment().withProperty("signpost.home", home.toString()));
        assertThat(users.get().size()).isZero();
        assertThat(home.resolve("users.yml")).doesNotExist();
    }

    @Test
    void theHomesUsersFileIsReadWhenNoneIsConfigured() throws Exception {
        Path home = directory.resolve("home");
        UsersFile.write(home.resolve("users.yml"), List.of(new SignpostUser("amir", HASH, Role.AUDITOR, null)));
        CurrentUsers users = start(new MockEnvironment().withProperty("signpost.home", home.toString())
                .withProperty("signpost.first-user", "true"));
        assertThat(users.get().find("amir")).isPresent();
        assertThat(users.get().find("admin")).isEmpty();
    }

    private static CurrentUsers start(MockEnvironment environment) {
        return new UsersFileStartup().read(environment);
    }
}
