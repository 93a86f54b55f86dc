package org.signpost.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signpost.platform.database.DatabaseProperties;
import org.signpost.platform.privacy.MasterKeys;
import org.springframework.mock.env.MockEnvironment;

/** Each setting checked before the database starts is refused as a ConfigurationProblem that names it. */
class StartupChecksTest {

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

    @TempDir
    Path directory;

    private Path file(String content, String permissions) throws Exception {
        Path file = directory.resolve("master-key");
        Files.writeString(file, content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
        return file;
    }

    private static ConfigurationProblem problem(Runnable check) {
        ConfigurationProblem problem = catchThrowableOfType(ConfigurationProblem.class, check::run);
        assertThat(problem).as("a ConfigurationProblem").isNotNull();
        assertThat(problem.getMessage()).doesNotContain("\n");
        assertThat(problem.remedy()).isNotBlank();
        return problem;
    }

    @Test
    void aMasterKeyFileNotInBase64NamesTheSettingAndTheFile() throws Exception {
        Path file = file("-----BEGIN KEY-----\n", "rw-------");
        ConfigurationProblem problem = problem(() -> MasterKeys.fromFile(file));
        assertThat(problem.setting()).isEqualTo("SIGNPOST_MASTER_KEY_FILE");
        assertThat(problem.getMessage()).contains(file.toString(), "not base64").doesNotContain("character 2d");
    }

    @Test
    void aMasterKeyFileOfTheWrongLengthNamesTheSetting() throws Exception {
        Path file = file(Base64.getEncoder().encodeToString(new byte[16]), "rw-------");
        ConfigurationProblem problem = problem(() -> MasterKeys.fromFile(file));
        assertThat(problem.setting()).isEqualTo("SIGNPOST_MASTER_KEY_FILE");
        assertThat(problem.getMessage()).contains("must be 32 bytes (256 bits), not 16");
    }

    @Test
    void aMasterKeyFileMissingOrReadableByOthersNamesTheSetting() throws Exception {
        Path missing = directory.resolve("none");
        assertThat(problem(() -> MasterKeys.fromFile(missing)).setting()).isEqualTo("SIGNPOST_MASTER_KEY_FILE");
        Path open = file(KEY, "rw-r--r--");
        ConfigurationProblem problem = problem(() -> MasterKeys.fromFile(open));
        assertThat(problem.setting()).isEqualTo("SIGNPOST_MASTER_KEY_FILE");
        assertThat(problem.getMessage()).contains("chmod 600 " + open);
    }

    @Test
    void aMasterKeyGivenItselfThatIsNotAKeyNamesSIGNPOST_MASTER_KEY() {
        ConfigurationProblem problem = problem(() -> MasterKeys.fromText("not-a-key", "SIGNPOST_MASTER_KEY"));
        assertThat(problem.setting()).isEqualTo("SIGNPOST_MASTER_KEY");
        assertThat(problem.getMessage()).doesNotContain("not-a-key");
    }

    @Test
    void aDatabaseUrlWithoutJdbcIsRefusedWithoutShowingItsPassword() {
        ConfigurationProblem problem = problem(() -> StartupChecks.checkUrl(database(
                "postgres://signpost:secret-password@db.example:5432/signpost")));
        assertThat(problem.setting()).isEqualTo("SIGNPOST_DB_URL");
        assertThat(problem.getMessage()).contains("postgres://", "jdbc:postgresql://HOST:PORT/DATABASE")
                .doesNotContain("secret-password");
        StartupChecks.checkUrl(database("jdbc:postgresql://db.example:5432/signpost"));
        StartupChecks.checkUrl(database(""));
    }

    @Test
    void aPortInUseNamesSIGNPOST_PORTBeforeAnythingStarts() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            MockEnvironment environment = new MockEnvironment().withProperty("server.port",
                    String.valueOf(taken.getLocalPort()));
            ConfigurationProblem problem = problem(() -> StartupChecks.checkPortIsFree(environment));
            assertThat(problem.setting()).isEqualTo("SIGNPOST_PORT");
            assertThat(problem.getMessage()).contains("port " + taken.getLocalPort() + " is in use");
        }
        StartupChecks.checkPortIsFree(new MockEnvironment().withProperty("server.port", "0"));
    }

    private static DatabaseProperties database(String url) {
        return new DatabaseProperties(url, "signpost", "x", null, null, null, null, null, null);
    }
}
