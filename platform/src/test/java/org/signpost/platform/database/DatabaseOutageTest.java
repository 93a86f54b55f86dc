package org.signpost.platform.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.signpost.platform.testing.TestDatabase;

/**
 * A request that meets the database gone is answered 503, not 500, whichever statement of it
 * meets the loss first: also one that runs on a connection the pool closed after an earlier
 * statement lost it (the outage fault test saw a 500 for such a command).
 */
class DatabaseOutageTest {

    @Test
    void aStatementOnAConnectionThePoolClosedAfterALostOneIsAnOutage() throws Exception {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(TestDatabase.freshDataDirectory())) {
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(server.jdbcUrl());
            config.setUsername("postgres");
            config.setPassword(server.credentials().superuser());
            config.setMaximumPoolSize(1);
            try (HikariDataSource pool = new HikariDataSource(config); Connection connection = pool.getConnection();
                 Connection killer = server.superuserConnection(); Statement kill = killer.createStatement()) {
                int backend;
                try (Statement statement = connection.createStatement()) {
                    var pid = statement.executeQuery("SELECT pg_backend_pid()");
                    pid.next();
                    backend = pid.getInt(1);
                }
                kill.execute("SELECT pg_terminate_backend(" + backend + ")");

                Throwable lost = catchThrowable(() -> connection.createStatement().execute("SELECT 1"));
                Throwable afterwards = catchThrowable(() -> connection.createStatement().execute("SELECT 1"));

                assertThat(DatabaseOutage.causedBy(lost)).as(String.valueOf(lost)).isTrue();
                assertThat(afterwards).hasMessage("Connection is closed");
                assertThat(DatabaseOutage.causedBy(afterwards)).isTrue();
                assertThat(DatabaseOutage.causedBy(new SQLException("syntax error", "42601"))).isFalse();
            }
        }
    }
}
