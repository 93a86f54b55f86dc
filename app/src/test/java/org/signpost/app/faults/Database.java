package org.signpost.app.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import org.signpost.platform.database.DatabaseCredentials;
import org.signpost.platform.database.DatabaseRoles;
import org.signpost.platform.database.EmbeddedPostgresServer;

/** A PostgreSQL the processes under test use, and the passwords of its roles. */
record Database(String url, DatabaseCredentials credentials) {

    static Database of(EmbeddedPostgresServer server) {
        return new Database(server.jdbcUrl(), server.credentials());
    }

    /** The embedded PostgreSQL of an all-in-one service, while it runs, from the files it keeps. */
    static Database ofAllInOne(Path dataDirectory, Path home) throws IOException {
        List<String> pid = Files.readAllLines(dataDirectory.resolve("postmaster.pid"));
        return new Database("jdbc:postgresql://127.0.0.1:" + pid.get(3).strip() + "/postgres",
                DatabaseCredentials.readExisting(home.resolve("database.credentials")));
    }

    /** As a process of Signpost uses it: its own role, and the owner for the migrations. */
    List<String> serviceArguments() {
        return List.of("--signpost.db.url=" + url, "--signpost.db.user=" + DatabaseRoles.SERVICE,
                "--signpost.db.password=" + credentials.service(), "--signpost.db.owner-user=" + DatabaseRoles.OWNER,
                "--signpost.db.owner-password=" + credentials.owner());
    }

    /** For checks that read everything, whatever the service's role may. */
    Connection superuser() throws SQLException {
        return DriverManager.getConnection(url, "postgres", credentials.superuser());
    }
}
