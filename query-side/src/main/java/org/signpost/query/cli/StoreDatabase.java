package org.signpost.query.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.signpost.platform.SignpostHome;
import org.signpost.platform.StartupChecks;
import org.signpost.platform.database.DatabaseCredentials;
import org.signpost.platform.database.DatabaseRoles;
import org.signpost.platform.database.EmbeddedPostgresServer;
import org.signpost.platform.database.ExternalDatabaseCheck;
import picocli.CommandLine.Option;

/**
 * The database of the command lines, as the service's own role: an external PostgreSQL given by
 * URL, else the embedded one of a data directory, through the service's server if it runs, else
 * by starting it for as long as the command needs it.
 */
final class StoreDatabase implements AutoCloseable {

    /** Where the database is, as every command line takes it ({@code @Mixin}). */
    static final class Options {

        @Option(names = "--db-url", defaultValue = "${env:SIGNPOST_DB_URL}",
                description = "JDBC URL of the database (default: SIGNPOST_DB_URL, else the embedded one).")
        String url;

        @Option(names = "--db-user", defaultValue = "${env:SIGNPOST_DB_USER}")
        String user;

        @Option(names = "--db-password", defaultValue = "${env:SIGNPOST_DB_PASSWORD}")
        String password;

        @Option(names = "--data-directory", defaultValue = "${env:SIGNPOST_DB_DATA_DIRECTORY}",
                description = "Files of the embedded database (default: ~/.local/share/signpost/postgres).")
        Path dataDirectory;

        @Option(names = "--home", defaultValue = "${env:SIGNPOST_HOME}",
                description = "The Signpost home, where the embedded database's passwords are (default: ~/.signpost).")
        String home;

        StoreDatabase open() throws Exception {
            return StoreDatabase.open(url, user, password, dataDirectory, home);
        }
    }

    private final EmbeddedPostgresServer startedHere;
    private final Connection connection;

    private StoreDatabase(EmbeddedPostgresServer startedHere, Connection connection) {
        this.startedHere = startedHere;
        this.connection = connection;
    }

    static StoreDatabase open(String url, String user, String password, Path dataDirectory, String home)
            throws Exception {
        if (url != null && !url.isBlank()) {
            StartupChecks.checkUrl(url);
            try {
                return new StoreDatabase(null, DriverManager.getConnection(url, user, password));
            } catch (SQLException e) {
                throw ExternalDatabaseCheck.problem(e, url, user, "SIGNPOST_DB_USER", "SIGNPOST_DB_PASSWORD");
            }
        }
        SignpostHome signpostHome = SignpostHome.of(home);
        Path directory = dataDirectory != null ? dataDirectory : signpostHome.defaultDataDirectory();
        Integer runningPort = RunningServer.port(directory);
        if (runningPort != null) {
            DatabaseCredentials credentials = DatabaseCredentials.readExisting(signpostHome.databaseCredentials());
            return new StoreDatabase(null, DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + runningPort
                    + "/postgres", DatabaseRoles.SERVICE, credentials.service()));
        }
        if (!Files.exists(directory.resolve("PG_VERSION"))) {
            throw new IllegalStateException("No Signpost database in " + directory + "; give --db-url or --data-directory");
        }
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(directory, 0, "128MB",
                signpostHome.databaseCredentials());
        try {
            return new StoreDatabase(server, DriverManager.getConnection(server.jdbcUrl(), DatabaseRoles.SERVICE,
                    server.credentials().service()));
        } catch (SQLException e) {
            server.close();
            throw e;
        }
    }

    Connection connection() {
        return connection;
    }

    @Override
    public void close() throws Exception {
        try {
            connection.close();
        } finally {
            if (startedHere != null) {
                startedHere.close();
            }
        }
    }
}
