package org.signpost.app.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.signpost.app.console.PageClient;
import org.signpost.platform.testing.Api;

/**
 * `./signpost start` as a newcomer runs it: no variables, a fresh home. It starts on this
 * machine's loopback, makes a first user whose password it prints once, ends with where it is
 * ready; users added with `./signpost users` may sign in at once. A broken users file is said in
 * one block before the database starts.
 */
class FirstStartIT {

    private final Path base = Path.of("target", "it-first-start", UUID.randomUUID().toString()).toAbsolutePath();
    private final Path home = base.resolve("home");

    @Test
    void aFreshHomeStartsWithAFirstUserAndTakesNewUsersWithoutARestart() throws Exception {
        int port = FreePorts.one();
        Path terminal = base.resolve("terminal.txt");
        Files.createDirectories(home);
        Process service = script(Map.of("SIGNPOST_PORT", Integer.toString(port)), "start")
                .redirectErrorStream(true).redirectOutput(terminal.toFile()).start();
        try {
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).until(() -> {
                assertThat(service.isAlive()).as("the service runs; see " + terminal).isTrue();
                return Files.readString(terminal).contains("Signpost is ready at ");
            });
            String shown = Files.readString(terminal);
            String ready = "Signpost is ready at http://127.0.0.1:" + port
                    + " (sign in as admin with the password printed above)";
            assertThat(shown).contains(ready);
            assertThat(shown.substring(shown.indexOf(ready)).lines().skip(1)).as("the start's last line")
                    .noneMatch(line -> line.contains(" main] "));
            Matcher printed = Pattern.compile("password: (\\S+)").matcher(shown);
            assertThat(printed.find()).as(shown).isTrue();
            String password = printed.group(1);
            assertThat(printed.find()).as("printed once").isFalse();

            Path signpostHome = home.resolve(".signpost");
            Path users = signpostHome.resolve("users.yml");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(users))).isEqualTo("rw-------");
            assertThat(Files.readString(users)).doesNotContain(password);
            assertThat(signpostHome.resolve("master-key")).as("the script's key, in the same home").exists();
            assertThat(home.resolve(".local/share/signpost/postgres/PG_VERSION")).as("the database under $HOME").exists();

            Api api = new Api(port);
            assertThat(api.as("admin", password).get("/api/caseloads").status()).isEqualTo(200);
            // The README's next step: the address in a browser, the console's sign-in, admin's first page.
            PageClient.Page inbox = new PageClient(port).signIn("admin", password);
            assertThat(inbox.h1()).isEqualTo("Referral inbox");
            // After the console's sign-in: a failure makes admin's next attempt wait a second (the
            // sign-in throttle's backoff), and CI once signed in within that second and was refused.
            assertThat(api.as("admin", "not-the-password").get("/api/caseloads").status()).isEqualTo(401);

            Process add = script(Map.of(), "users", "add", "ana", "--role", "ANALYST").redirectErrorStream(true).start();
            add.getOutputStream().write("correct horse battery\n".getBytes(StandardCharsets.UTF_8));
            add.getOutputStream().close();
            assertThat(add.waitFor(60, TimeUnit.SECONDS)).isTrue();
            String added = new String(add.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(add.exitValue()).as(added).isZero();
            assertThat(added).contains("Added ana (ANALYST) to " + users);

            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(250)).until(() ->
                    api.as("ana", "correct horse battery").get("/api/projections").status() == 200);
            assertThat(Files.readString(terminal)).contains("Users file reloaded: 2 users from " + users);

            Files.writeString(users, Files.readString(users).replace("  - ", "\t- "));
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(250)).until(() -> {
                api.as("nobody", "whatever").get("/api/caseloads");
                return Files.readString(terminal).contains("changed but cannot be read: Line ");
            });
            assertThat(api.as("admin", password).get("/api/caseloads").status()).as("the last good users stay")
                    .isEqualTo(200);
            assertThat(Files.readString(terminal)).doesNotContain("\tat ");
        } finally {
            service.destroy();
            assertThat(service.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void aBrokenUsersFileIsOneBlockBeforeTheDatabaseStartsAndNoTrace() throws Exception {
        Path users = Files.createDirectories(base).resolve("users.yml");
        Files.writeString(users, "users:\n  - username: cara\n    passwordHash: "
                + "\"{bcrypt}$2a$10$MxsFaymcgPeXsp0dJDCeJuqes710sIfzY9woOFjM.gXNY.7I2sMOS\"\n    role: MANGER\n");
        Path terminal = base.resolve("terminal.txt");
        Process service = script(Map.of("SIGNPOST_USERS_FILE", users.toString(), "SIGNPOST_PORT", Integer.toString(FreePorts.one())),
                "start").redirectErrorStream(true).redirectOutput(terminal.toFile()).start();
        assertThat(service.waitFor(2, TimeUnit.MINUTES)).as("it stops").isTrue();
        String shown = Files.readString(terminal);
        assertThat(service.exitValue()).as(shown).isNotZero();
        assertThat(shown).contains("SIGNPOST_USERS_FILE (" + users + "): User cara has the role \"MANGER\", which is "
                + "none of COORDINATOR, LINK_WORKER, MANAGER, ANALYST, AUDITOR, DATA_PROTECTION_OFFICER")
                .contains("Correct the file")
                .doesNotContain("\tat ", "Exception", "PostgreSQL started", "Migrating");
        assertThat(home.resolve(".local/share/signpost/postgres")).as("no database made").doesNotExist();
    }

    /** The script with a fresh $HOME and none of the settings a newcomer would not have set. */
    private ProcessBuilder script(Map<String, String> settings, String... args) {
        List<String> command = new ArrayList<>(List.of("bash", Path.of("..", "signpost").toAbsolutePath().normalize().toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(name -> name.startsWith("SIGNPOST_") || name.startsWith("XDG_"));
        builder.environment().put("HOME", home.toString());
        builder.environment().put("SIGNPOST_NO_BUILD", "1");
        builder.environment().putAll(settings);
        return builder;
    }
}
