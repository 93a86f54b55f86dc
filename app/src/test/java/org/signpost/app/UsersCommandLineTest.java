package org.signpost.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signpost.platform.security.Role;
import org.signpost.platform.security.SignpostUser;
import org.signpost.platform.security.UsersFile;
import org.springframework.security.crypto.bcrypt.BCrypt;

/** `./signpost users`, run in-process against a users file of its own (and once as a process, for its home). */
class UsersCommandLineTest {

    @TempDir
    Path directory;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Deque<String> typed = new ArrayDeque<>();

    @Test
    void addListPasswordRemove() throws Exception {
        Path file = directory.resolve("users.yml");
        typed.add("correct horse battery");
        assertThat(run("--file", file.toString(), "add", "amir", "--role", "manager")).isZero();
        typed.add("staple of the river");
        assertThat(run("--file", file.toString(), "add", "bea", "--role", "LINK_WORKER", "--link-worker-id", "lw-4"))
                .isZero();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(passwordOf(file, "amir")).satisfies(hash -> assertThat(BCrypt.checkpw("correct horse battery", hash)).isTrue());

        out.reset();
        assertThat(run("--file", file.toString(), "list")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("amir\tMANAGER\nbea\tLINK_WORKER\tlw-4\n")
                .doesNotContain("bcrypt");

        typed.add("a new password for amir");
        assertThat(run("--file", file.toString(), "password", "amir")).isZero();
        assertThat(BCrypt.checkpw("a new password for amir", passwordOf(file, "amir"))).isTrue();
        assertThat(users(file)).extracting(SignpostUser::role).containsExactly(Role.MANAGER, Role.LINK_WORKER);

        assertThat(run("--file", file.toString(), "remove", "bea")).isZero();
        assertThat(users(file)).extracting(SignpostUser::username).containsExactly("amir");
    }

    @Test
    void refusalsAreOneLineAndChangeNothing() throws Exception {
        Path file = directory.resolve("users.yml");
        typed.add("short");
        assertThat(run("--file", file.toString(), "add", "amir", "--role", "MANAGER")).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("Use a password of at least 12 characters.\n");
        assertThat(file).doesNotExist();

        err.reset();
        assertThat(run("--file", file.toString(), "add", "bea", "--role", "LINK_WORKER")).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("A LINK_WORKER needs --link-worker-id ID");

        err.reset();
        assertThat(run("--file", file.toString(), "add", "bea", "--role", "BOSS")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--role", "BOSS", "MANAGER")
                .contains("See ./signpost users add --help");

        typed.add("correct horse battery");
        run("--file", file.toString(), "add", "amir", "--role", "MANAGER");
        String before = Files.readString(file);
        err.reset();
        typed.add("correct horse battery");
        assertThat(run("--file", file.toString(), "add", "amir", "--role", "AUDITOR")).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("There is a user amir already");
        err.reset();
        assertThat(run("--file", file.toString(), "remove", "nobody")).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("There is no user nobody in ");
        assertThat(Files.readString(file)).isEqualTo(before);

        Files.writeString(file, before.replace("MANAGER", "MANGER"));
        err.reset();
        assertThat(run("--file", file.toString(), "list")).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo(file + ": User amir has the role \"MANGER\", which "
                + "is none of COORDINATOR, LINK_WORKER, MANAGER, ANALYST, AUDITOR, DATA_PROTECTION_OFFICER\n");
    }

    @Test
    void theHomesUsersFileIsTheDefault() throws Exception {
        Path home = directory.resolve("home");
        typed.add("correct horse battery");
        assertThat(run("--home", home.toString(), "add", "amir", "--role", "ANALYST")).isZero();
        assertThat(users(home.resolve("users.yml"))).extracting(SignpostUser::username).containsExactly("amir");
    }

    /**
     * Java finds the home where the launcher does, from $HOME, not from the passwd entry's home
     * that Java's user.home holds: with HOME changed (sudo, CI, containers) they differ.
     */
    @Test
    void withHomeChangedTheJavaSideUsesTheLaunchersHome() throws Exception {
        Path home = directory.resolve("someone");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // user.home, as Java finds it in the passwd entry, elsewhere than $HOME.
                "-Duser.home=" + directory.resolve("passwd-home"),
                "-cp", System.getProperty("java.class.path"), SignpostApplication.class.getName(), "users", "add",
                "amir", "--role", "AUDITOR")
                .redirectErrorStream(true);
        builder.environment().remove("SIGNPOST_HOME");
        builder.environment().remove("SIGNPOST_USERS_FILE");
        builder.environment().put("HOME", home.toString());
        Process process = builder.start();
        process.getOutputStream().write("correct horse battery\n".getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains(home.resolve(".signpost").resolve("users.yml").toString());
        assertThat(users(home.resolve(".signpost").resolve("users.yml"))).extracting(SignpostUser::username)
                .containsExactly("amir");
    }

    private int run(String... args) {
        return UsersCommandLine.commandLine(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), prompt -> typed.poll()).execute(args);
    }

    private static List<SignpostUser> users(Path file) throws Exception {
        return UsersFile.parse(Files.readString(file));
    }

    private static String passwordOf(Path file, String name) throws Exception {
        return users(file).stream().filter(user -> user.username().equals(name)).findFirst().orElseThrow()
                .passwordHash().substring("{bcrypt}".length());
    }
}
