package org.signpost.platform.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.signpost.platform.ConfigurationProblem;
import org.signpost.platform.testing.TestDatabase;

/**
 * A data directory has one server at a time, and the first keeps serving when a second start is
 * refused; an external database that refuses is named as the setting to correct.
 */
class DataDirectoryAndConnectionTest {

    private static Path data;
    private static EmbeddedPostgresServer server;

    @BeforeAll
    static void start() {
        data = TestDatabase.freshDataDirectory();
        server = EmbeddedPostgresServer.start(data);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void aSecondServerOnADirectoryInUseIsRefusedAndTheFirstKeepsServing() throws Exception {
        ConfigurationProblem problem = catchThrowableOfType(ConfigurationProblem.class,
                () -> EmbeddedPostgresServer.start(data));
        assertThat(problem).isNotNull();
        assertThat(problem.setting()).isEqualTo("SIGNPOST_DB_DATA_DIRECTORY");
        assertThat(problem.getMessage()).contains(data.toString(),
                "in use by another Signpost process (pid " + ProcessHandle.current().pid() + ")");
        try (Connection connection = server.superuserConnection(); Statement sql = connection.createStatement();
             ResultSet one = sql.executeQuery("SELECT 1")) {
            assertThat(one.next()).isTrue();
        }
    }

    /** A test's finally block closes a server it already closed; the second close must not hide why the test failed. */
    @Test
    void aServerClosedTwiceIsClosedOnceAndItsDirectoryIsFreeAgain() throws Exception {
        Path other = TestDatabase.freshDataDirectory();
        EmbeddedPostgresServer first = EmbeddedPostgresServer.start(other);
        first.close();
        first.close();
        try (EmbeddedPostgresServer again = EmbeddedPostgresServer.start(other)) {
            assertThat(again.jdbcUrl()).startsWith("jdbc:postgresql://");
        }
    }

    @Test
    void aRefusedPortNamesSIGNPOST_DB_URLAndTheHostAndPort() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        int closed = port;
        ConfigurationProblem problem = catchThrowableOfType(ConfigurationProblem.class, () -> ExternalDatabaseCheck.connect(
                "jdbc:postgresql://127.0.0.1:" + closed + "/signpost", "signpost", "x", "SIGNPOST_DB_USER",
                "SIGNPOST_DB_PASSWORD"));
        assertThat(problem).isNotNull();
        assertThat(problem.setting()).isEqualTo("SIGNPOST_DB_URL");
        assertThat(problem.getMessage()).contains("no PostgreSQL answers at 127.0.0.1:" + closed);
    }

    @Test
    void aWrongPasswordNamesThePasswordsSettingAndNeverThePassword() {
        ConfigurationProblem problem = catchThrowableOfType(ConfigurationProblem.class, () -> ExternalDatabaseCheck.connect(
                server.jdbcUrl(), DatabaseRoles.SERVICE, "not-the-password", "SIGNPOST_DB_USER", "SIGNPOST_DB_PASSWORD"));
        assertThat(problem).isNotNull();
        assertThat(problem.setting()).isEqualTo("SIGNPOST_DB_PASSWORD");
        assertThat(problem.getMessage()).contains("refused the password of user " + DatabaseRoles.SERVICE)
                .doesNotContain("not-the-password");
        ExternalDatabaseCheck.connect(server.jdbcUrl(), DatabaseRoles.SERVICE, server.credentials().service(),
                "SIGNPOST_DB_USER", "SIGNPOST_DB_PASSWORD");
    }

    @Test
    void aDatabaseThatDoesNotExistNamesSIGNPOST_DB_URL() {
        ConfigurationProblem problem = catchThrowableOfType(ConfigurationProblem.class, () -> ExternalDatabaseCheck.connect(
                server.jdbcUrl().replaceFirst("/postgres$", "/nowhere"), DatabaseRoles.SERVICE,
                server.credentials().service(), "SIGNPOST_DB_USER", "SIGNPOST_DB_PASSWORD"));
        assertThat(problem).isNotNull();
        assertThat(problem.setting()).isEqualTo("SIGNPOST_DB_URL");
    }
}
