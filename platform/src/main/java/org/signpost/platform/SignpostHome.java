package org.signpost.platform;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a local installation keeps its secrets and settings: the master key, the chain key, the
 * users file, the embedded database's passwords ({@code SIGNPOST_HOME}, default
 * {@code $HOME/.signpost}, as the launcher makes it). The
 * embedded database's files are elsewhere by default, so that a copy of the database never
 * carries the key that opens it.
 */
public record SignpostHome(Path directory) {

    public static SignpostHome of(String configured) {
        return new SignpostHome(configured == null || configured.isBlank()
                ? userHome().resolve(".signpost")
                : Path.of(configured).toAbsolutePath());
    }

    /**
     * {@code $HOME}, as the launcher reads it, before Java's {@code user.home} (the passwd entry's
     * home): with HOME changed (sudo, CI, containers) the two differ, and a key made in one home
     * must never be paired with a database found in the other.
     */
    public static Path userHome() {
        String home = System.getenv("HOME");
        return Path.of(home != null && !home.isBlank() ? home : System.getProperty("user.home")).toAbsolutePath();
    }

    public Path resolve(String name) {
        return directory.resolve(name);
    }

    /** The master keys' file of a local installation, made by the launcher on the first start. */
    public Path masterKey() {
        return resolve("master-key");
    }

    /** The users file of a local installation when SIGNPOST_USERS_FILE names none. */
    public Path usersFile() {
        return resolve("users.yml");
    }

    /** The passwords of the embedded database's roles, made on its first start. */
    public Path databaseCredentials() {
        return resolve("database.credentials");
    }

    /**
     * The embedded database's default directory: {@code $XDG_DATA_HOME/signpost/postgres} (by
     * default {@code ~/.local/share/signpost/postgres}), or, for an installation made before the
     * two were apart, {@code postgres} in this home if a database is there.
     */
    public Path defaultDataDirectory() {
        Path earlier = resolve("postgres");
        if (Files.exists(earlier.resolve("PG_VERSION"))) {
            return earlier;
        }
        String dataHome = System.getenv("XDG_DATA_HOME");
        Path base = dataHome != null && !dataHome.isBlank() ? Path.of(dataHome)
                : userHome().resolve(".local").resolve("share");
        return base.resolve("signpost").resolve("postgres");
    }
}
