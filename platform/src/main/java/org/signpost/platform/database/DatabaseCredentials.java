package org.signpost.platform.database;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;
import org.signpost.platform.PrivateFiles;

/**
 * The passwords of the embedded PostgreSQL's three login roles, generated on first start and
 * kept in a file only its owner can read: a local user who can reach the server's port still
 * needs one of them, and only the service's own is used once the server is set up.
 *
 * @param superuser PostgreSQL's superuser, used only to set the server up at each start
 * @param owner     the schema's owner, which runs the migrations
 * @param service   the role the service runs as, which owns nothing
 */
public record DatabaseCredentials(String superuser, String owner, String service) {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** Reads the file, or makes it with new passwords if there is none. */
    public static DatabaseCredentials readOrCreate(Path file) {
        try {
            if (Files.exists(file)) {
                return read(file);
            }
            DatabaseCredentials made = new DatabaseCredentials(password(), password(), password());
            made.write(file);
            return made;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read or write the database's passwords in " + file, e);
        }
    }

    /** Reads the file that a start of the embedded server made. */
    public static DatabaseCredentials readExisting(Path file) {
        if (!Files.exists(file)) {
            throw new IllegalStateException("No passwords of the embedded database in " + file
                    + ": is SIGNPOST_HOME the one the service runs with?");
        }
        try {
            return read(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the database's passwords in " + file, e);
        }
    }

    private static DatabaseCredentials read(Path file) throws IOException {
        PrivateFiles.requirePrivate(file);
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        DatabaseCredentials read = new DatabaseCredentials(properties.getProperty("superuser"),
                properties.getProperty("owner"), properties.getProperty("service"));
        if (blank(read.superuser) || blank(read.owner) || blank(read.service)) {
            throw new IllegalStateException(file + " must hold the passwords superuser=, owner= and service=");
        }
        return read;
    }

    private void write(Path file) throws IOException {
        PrivateFiles.createPrivateDirectories(file.getParent());
        Path temporary = Files.createTempFile(file.getParent(), ".credentials", ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Properties properties = new Properties();
        properties.setProperty("superuser", superuser);
        properties.setProperty("owner", owner);
        properties.setProperty("service", service);
        try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
            properties.store(writer, "Passwords of Signpost's embedded PostgreSQL, made on its first start. Keep private.");
        }
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
    }

    private static String password() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        // URL-safe base64: nothing that needs quoting in SQL or a connection string.
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    @Override
    public String toString() {
        return "DatabaseCredentials[passwords hidden]";
    }
}
