package org.signpost.app.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A setting the service cannot start with is said on the terminal as one block (the setting, what
 * is wrong, what to do) with no stack trace, and before the embedded PostgreSQL starts.
 */
class ConfigurationErrorsIT {

    private final Path data = Path.of("target", "it-postgres", "config-" + UUID.randomUUID()).toAbsolutePath();

    @Test
    void aMasterKeyFileNotInBase64() throws Exception {
        Path key = Files.createDirectories(data.resolveSibling(data.getFileName() + "-keys")).resolve("master-key");
        Files.writeString(key, "-----BEGIN PRIVATE KEY-----\n");
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
        List<String> output = refused("--signpost.master-key-file=" + key);
        assertThat(output).contains("SIGNPOST_MASTER_KEY_FILE: the master key in " + key + " is not base64 (32 random "
                + "bytes in base64, as head -c 32 /dev/urandom | base64 makes them)");
    }

    @Test
    void aDatabaseUrlWithoutJdbc() throws Exception {
        List<String> output = refused("--signpost.db.url=postgres://127.0.0.1:5432/signpost");
        assertThat(output).anySatisfy(line -> assertThat(line).startsWith("SIGNPOST_DB_URL: not a JDBC URL of PostgreSQL"));
        assertThat(output).noneMatch(line -> line.contains("No suitable driver"));
    }

    @Test
    void aDatabaseThatRefuses() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        List<String> output = refused("--signpost.db.url=jdbc:postgresql://127.0.0.1:" + port + "/signpost",
                "--signpost.db.user=signpost", "--signpost.db.password=not-shown");
        assertThat(output).anySatisfy(line -> assertThat(line)
                .startsWith("SIGNPOST_DB_URL: no PostgreSQL answers at 127.0.0.1:" + port));
        assertThat(output).noneMatch(line -> line.contains("not-shown"));
    }

    @Test
    void aPortInUse() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            List<String> output = refused("--server.port=" + taken.getLocalPort());
            assertThat(output).anySatisfy(line -> assertThat(line)
                    .startsWith("SIGNPOST_PORT: port " + taken.getLocalPort() + " is in use by another process"));
        }
    }

    /** The output of a start refused for a setting: one block, no trace, no database started. */
    private List<String> refused(String... settings) throws Exception {
        Path log = data.resolveSibling(data.getFileName() + ".log");
        try (ServiceProcess service = ServiceProcess.allInOne(data, log)) {
            int exit = service.startRefused(Duration.ofSeconds(240), settings);
            List<String> output = Files.readAllLines(log);
            assertThat(exit).as("exit code").isNotZero();
            assertThat(output).as("the block").contains("APPLICATION FAILED TO START", "Description:", "Action:");
            assertThat(output).as("no stack trace").noneMatch(line -> line.startsWith("\tat ") || line.startsWith("Caused by"));
            assertThat(output).as("checked before the database started")
                    .noneMatch(line -> line.contains("Embedded PostgreSQL started"));
            return output;
        }
    }
}
