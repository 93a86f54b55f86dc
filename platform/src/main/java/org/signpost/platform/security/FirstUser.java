package org.signpost.platform.security;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;

/**
 * The first user of a fresh installation: a MANAGER named {@value #NAME} with a generated
 * password, written to the users file of the Signpost home when the service starts with no users
 * file at all, so that a newcomer can sign in without preparing anything. The password is shown
 * once, on the terminal, never through the log.
 */
public final class FirstUser {

    public static final String NAME = "admin";
    /** No 0/O, 1/l/I: read off a screen and typed again without a doubt. */
    private static final String LETTERS = "abcdefghijkmnpqrstuvwxyz23456789";

    private final Path file;
    private final String password;
    private boolean shown;

    private FirstUser(Path file, String password) {
        this.file = file;
        this.password = password;
    }

    /** Makes the users file with the first user in it (readable by its owner only). */
    static FirstUser make(Path file) throws IOException {
        String password = password(new SecureRandom());
        UsersFile.write(file, List.of(new SignpostUser(NAME, UsersFile.hash(password), Role.MANAGER, null)));
        return new FirstUser(file, password);
    }

    /** Four groups of four letters (80 bits), e.g. k7rw-2mqf-x9tz-p4hd. */
    static String password(SecureRandom random) {
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            if (i > 0 && i % 4 == 0) {
                password.append('-');
            }
            password.append(LETTERS.charAt(random.nextInt(LETTERS.length())));
        }
        return password.toString();
    }

    /** Says the name and password, the first time only: printed straight to the terminal, not logged. */
    public synchronized void show(PrintStream terminal) {
        if (shown) {
            return;
        }
        shown = true;
        terminal.printf("%n  A first user was made in %s (readable by you only):%n"
                + "      name:     %s%n"
                + "      password: %s%n"
                + "  This password is shown only this once: keep it in a password manager.%n"
                + "  Add users with ./signpost users add NAME --role ROLE (./signpost --help).%n%n",
                file, NAME, password);
        terminal.flush();
    }
}
