package org.signpost.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signpost.platform.database.DatabaseProperties;
import org.signpost.platform.privacy.MasterKeys;
import org.springframework.boot.env.OriginTrackedMapPropertySource;
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

    @Test
    void aNumberOrDurationSettingThatIsNotOneNamesTheVariable() {
        MockEnvironment environment = new MockEnvironment();
        environment.getPropertySources().addFirst(new OriginTrackedMapPropertySource("signpost-platform.yml", Map.of(
                "signpost.signin.lock", "${SIGNPOST_SIGNIN_LOCK:PT15M}",
                "signpost.db.pool-size", "${SIGNPOST_DB_POOL_SIZE:20}",
                "signpost.users-file", "${SIGNPOST_USERS_FILE:}")));
        StartupChecks.checkNumbersAndDurations(environment);

        environment.setProperty("SIGNPOST_SIGNIN_LOCK", "15 minutes");
        ConfigurationProblem duration = problem(() -> StartupChecks.checkNumbersAndDurations(environment));
        assertThat(duration.setting()).isEqualTo("SIGNPOST_SIGNIN_LOCK");
        assertThat(duration.getMessage()).contains("'15 minutes' is not a duration");

        environment.setProperty("SIGNPOST_SIGNIN_LOCK", "15m");
        environment.setProperty("SIGNPOST_DB_POOL_SIZE", "twenty");
        ConfigurationProblem number = problem(() -> StartupChecks.checkNumbersAndDurations(environment));
        assertThat(number.setting()).isEqualTo("SIGNPOST_DB_POOL_SIZE");
        assertThat(number.getMessage()).contains("'twenty' is not a whole number");
    }

    private static DatabaseProperties database(String url) {
        return new DatabaseProperties(url, "signpost", "x", null, null, null, null, null, null);
    }
}
