package org.signpost.app;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import org.signpost.platform.SignpostHome;
import org.signpost.platform.security.Role;
import org.signpost.platform.security.SignpostUser;
import org.signpost.platform.security.UsersFile;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code ./signpost users}: the users file changed without writing YAML or hashes by hand. It acts
 * on the file the service reads ({@code SIGNPOST_USERS_FILE}, or {@code users.yml} in the
 * Signpost home), which a running service reads again when it changes.
 */
@Command(name = "signpost users", mixinStandardHelpOptions = true,
        description = "Add, list and remove the users who sign in with a password, and change their passwords.",
        subcommands = {UsersCommandLine.Add.class, UsersCommandLine.ListUsers.class, UsersCommandLine.Remove.class,
                UsersCommandLine.Password.class})
public final class UsersCommandLine implements Callable<Integer> {

    /** A password's least length; bcrypt reads no further than 72 bytes. */
    static final int MINIMUM_PASSWORD = 12;
    private static final int MAXIMUM_PASSWORD_BYTES = 72;

    /** Asks for a password: on a terminal without echo, or else reads a line of standard input. */
    interface Passwords {
        String read(String prompt);
    }

    @Option(names = "--file", defaultValue = "${env:SIGNPOST_USERS_FILE}",
            description = "The users file (default: SIGNPOST_USERS_FILE, else users.yml in the Signpost home).")
    String file;

    @Option(names = "--home", defaultValue = "${env:SIGNPOST_HOME}",
            description = "The Signpost home (default: SIGNPOST_HOME, else ~/.signpost).")
    String home;

    private final PrintStream out;
    private final Passwords passwords;

    UsersCommandLine(PrintStream out, Passwords passwords) {
        this.out = out;
        this.passwords = passwords;
    }

    public static void main(String[] args) {
        System.exit(commandLine(System.out, System.err, terminalOrStandardInput(System.console(), System.in))
                .execute(args));
    }

    static CommandLine commandLine(PrintStream out, PrintStream err, Passwords passwords) {
        CommandLine commandLine = new CommandLine(new UsersCommandLine(out, passwords))
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true));
        // A mistake is one line and a pointer to the help, not the whole usage.
        commandLine.setParameterExceptionHandler((e, args) -> {
            err.println(e.getMessage());
            err.println("See ./" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help");
            return 2;
        });
        commandLine.setExecutionExceptionHandler((e, parsed, result) -> {
            if (e instanceof Refused refused) {
                err.println(refused.getMessage());
                return 1;
            }
            throw e;
        });
        return commandLine;
    }

    @Override
    public Integer call() {
        out.println("Say what to do: ./signpost users add|list|remove|password (./signpost users --help)");
        return 2;
    }

    /** The users file this command acts on. */
    Path file() {
        if (file != null && !file.isBlank()) {
            if (file.startsWith("classpath:")) {
                throw new Refused("SIGNPOST_USERS_FILE names " + file + ", which is inside the jar: name a file");
            }
            return Path.of(file.startsWith("file:") ? file.substring("file:".length()) : file).toAbsolutePath();
        }
        return SignpostHome.of(home).usersFile();
    }

    /** The users now in the file; none when it does not exist yet. */
    List<SignpostUser> users() {
        Path path = file();
        if (!Files.exists(path)) {
            return List.of();
        }
        try {
            return UsersFile.parse(Files.readString(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalArgumentException e) {
            throw new Refused(path + ": " + e.getMessage());
        }
    }

    void write(List<SignpostUser> users) {
        try {
            UsersFile.write(file(), users);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String newPassword(String name) {
        String password = passwords.read("Password for " + name + ": ");
        if (password == null || password.length() < MINIMUM_PASSWORD) {
            throw new Refused("Use a password of at least " + MINIMUM_PASSWORD + " characters.");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAXIMUM_PASSWORD_BYTES) {
            throw new Refused("Use a password of at most " + MAXIMUM_PASSWORD_BYTES + " bytes: bcrypt reads no further.");
        }
        return password;
    }

    SignpostUser existing(List<SignpostUser> users, String name) {
        return users.stream().filter(user -> user.username().equals(name)).findFirst()
                .orElseThrow(() -> new Refused("There is no user " + name + " in " + file()));
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Add a user; asks for the password "
            + "(at least " + MINIMUM_PASSWORD + " characters; read from standard input when it is not a terminal).")
    static final class Add implements Callable<Integer> {

        @ParentCommand
        UsersCommandLine users;

        @Parameters(paramLabel = "NAME", description = "The name the user signs in with.")
        String name;

        @Option(names = "--role", required = true, paramLabel = "ROLE", description = "One of: ${COMPLETION-CANDIDATES}.")
        Role role;

        @Option(names = "--link-worker-id", paramLabel = "ID",
                description = "For a LINK_WORKER: the id their participants are assigned to.")
        String linkWorkerId;

        @Override
        public Integer call() {
            if (role == Role.LINK_WORKER && (linkWorkerId == null || linkWorkerId.isBlank())) {
                throw new Refused("A LINK_WORKER needs --link-worker-id ID (the id their participants are assigned to).");
            }
            if (role != Role.LINK_WORKER && linkWorkerId != null) {
                throw new Refused("Only a LINK_WORKER has a --link-worker-id.");
            }
            List<SignpostUser> all = new ArrayList<>(users.users());
            if (all.stream().anyMatch(user -> user.username().equals(name))) {
                throw new Refused("There is a user " + name + " already: ./signpost users password " + name
                        + " changes their password.");
            }
            all.add(new SignpostUser(name, UsersFile.hash(users.newPassword(name)), role, linkWorkerId));
            try {
                users.write(all);
            } catch (IllegalArgumentException e) {
                throw new Refused(e.getMessage());
            }
            users.out.printf("Added %s (%s) to %s.%n", name, role, users.file());
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the users: names and roles.")
    static final class ListUsers implements Callable<Integer> {

        @ParentCommand
        UsersCommandLine users;

        @Override
        public Integer call() {
            List<SignpostUser> all = users.users();
            if (all.isEmpty()) {
                users.out.printf("No users in %s: add one with ./signpost users add NAME --role ROLE%n", users.file());
            }
            all.stream().sorted(Comparator.comparing(SignpostUser::username)).forEach(user ->
                    users.out.println(user.username() + "\t" + user.role()
                            + (user.linkWorkerId() == null ? "" : "\t" + user.linkWorkerId())));
            return 0;
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove a user.")
    static final class Remove implements Callable<Integer> {

        @ParentCommand
        UsersCommandLine users;

        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        public Integer call() {
            List<SignpostUser> all = new ArrayList<>(users.users());
            all.remove(users.existing(all, name));
            users.write(all);
            users.out.printf("Removed %s from %s.%n", name, users.file());
            return 0;
        }
    }

    @Command(name = "password", mixinStandardHelpOptions = true,
            description = "Give a user a new password (asked for as by add).")
    static final class Password implements Callable<Integer> {

        @ParentCommand
        UsersCommandLine users;

        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        public Integer call() {
            List<SignpostUser> all = new ArrayList<>(users.users());
            SignpostUser user = users.existing(all, name);
            all.set(all.indexOf(user), new SignpostUser(name, UsersFile.hash(users.newPassword(name)), user.role(),
                    user.linkWorkerId()));
            users.write(all);
            users.out.printf("Changed the password of %s in %s.%n", name, users.file());
            return 0;
        }
    }

    /** What the user asked cannot be done: said in one line, exit code 1. */
    static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }

    /** On a terminal: asked twice, not echoed. Otherwise the first line of standard input. */
    static Passwords terminalOrStandardInput(Console console, InputStream in) {
        if (console != null) {
            return prompt -> {
                char[] first = console.readPassword("%s", prompt);
                char[] again = console.readPassword("Again: ");
                if (first == null || again == null || !Arrays.equals(first, again)) {
                    throw new Refused("The two passwords differ; nothing was changed.");
                }
                return new String(first);
            };
        }
        return prompt -> {
            try {
                String line = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
                return line == null ? null : line.strip();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }
}
