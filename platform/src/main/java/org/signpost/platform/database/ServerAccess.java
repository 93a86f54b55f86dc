package org.signpost.platform.database;

import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who may connect to the embedded PostgreSQL: only clients on 127.0.0.1 that give a role's
 * password. The embedded binaries make every new data directory trust any local connection as
 * the superuser (initdb -A trust), and installations made before this class trusted them too:
 * before the server first starts without trust, the superuser gets its password in single-user
 * mode (no connection possible meanwhile), and pg_hba.conf is replaced.
 */
final class ServerAccess {

    private static final Logger log = LoggerFactory.getLogger(ServerAccess.class);
    static final String MARKER = "# Signpost: password (SCRAM) over 127.0.0.1 only; written at every start.";
    static final String RULES = MARKER + "\nhost all all 127.0.0.1/32 scram-sha-256\n";

    private ServerAccess() {
    }

    /** Runs with the server stopped, just before it starts. */
    static void closeToOthers(Path dataDirectory, Path binaries, String superuserPassword) {
        try {
            Path rules = dataDirectory.resolve("pg_hba.conf");
            if (Files.exists(rules) && Files.readString(rules).equals(RULES)) {
                return;
            }
            log.info("Closing the embedded PostgreSQL to other local users: a password for its superuser, "
                    + "connections from 127.0.0.1 only");
            setSuperuserPassword(dataDirectory, binaries, superuserPassword);
            Files.writeString(rules, RULES, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not close the embedded PostgreSQL in " + dataDirectory
                    + " to other users", e);
        }
    }

    private static void setSuperuserPassword(Path dataDirectory, Path binaries, String password) throws IOException {
        List<String> command = new ArrayList<>();
        // As the embedded binaries' own launcher does: PostgreSQL refuses to run as root.
        if (LinuxUtils.isUnshareAvailable()) {
            command.addAll(List.of("unshare", "-U"));
        }
        command.addAll(List.of(postgresBinary(binaries).toString(), "--single", "-D", dataDirectory.toString(), "-F",
                "-c", "listen_addresses=", "-c", "unix_socket_directories=",
                "-c", "password_encryption=scram-sha-256", "postgres"));
        Path output = Files.createTempFile(binaries, "single-user", ".log");
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).start();
            try (OutputStream input = process.getOutputStream()) {
                input.write(("ALTER ROLE postgres WITH PASSWORD '" + password + "';\n").getBytes(StandardCharsets.UTF_8));
            }
            int exit = process.waitFor();
            String printed = Files.readString(output);
            // Single-user mode reports a failed statement on its output and still exits 0.
            if (exit != 0 || printed.contains("ERROR:") || printed.contains("FATAL:")) {
                throw new IllegalStateException("PostgreSQL refused to set its superuser's password in "
                        + dataDirectory + " (exit " + exit + ")");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while setting the superuser's password", e);
        } finally {
            // It may quote the statement, password included.
            Files.deleteIfExists(output);
        }
    }

    /** The server binary the embedded library unpacked into this directory (the newest, if several versions). */
    private static Path postgresBinary(Path binaries) throws IOException {
        try (Stream<Path> unpacked = Files.list(binaries)) {
            return unpacked.filter(directory -> directory.getFileName().toString().startsWith("PG-"))
                    .map(directory -> directory.resolve("bin").resolve("postgres"))
                    .filter(Files::isExecutable)
                    .max(Comparator.comparing(ServerAccess::modified))
                    .orElseThrow(() -> new IllegalStateException("No PostgreSQL binaries unpacked in " + binaries));
        }
    }

    private static long modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }
}
