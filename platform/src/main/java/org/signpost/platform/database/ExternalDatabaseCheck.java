package org.signpost.platform.database;

import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import org.postgresql.Driver;
import org.signpost.platform.ConfigurationProblem;

/**
 * One connection to an external PostgreSQL before the pool and the migrations are made, so that
 * a host that refuses, a database that does not exist or a refused password is said as the
 * setting to correct, not as the pool's trace. No value of a password is ever in a message.
 */
public final class ExternalDatabaseCheck {

    private ExternalDatabaseCheck() {
    }

    /**
     * @param userSetting     the setting of the user, such as SIGNPOST_DB_USER
     * @param passwordSetting the setting of its password, such as SIGNPOST_DB_PASSWORD
     * @throws ConfigurationProblem naming the setting to correct
     */
    static void connect(String url, String user, String password, String userSetting, String passwordSetting) {
        Properties properties = new Properties();
        if (user != null) {
            properties.setProperty("user", user);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        properties.setProperty("connectTimeout", "5");
        properties.setProperty("loginTimeout", "10");
        try (Connection connection = new Driver().connect(url, properties)) {
            if (connection == null) {
                throw new ConfigurationProblem("SIGNPOST_DB_URL", "not a JDBC URL of PostgreSQL",
                        "Write it as jdbc:postgresql://HOST:PORT/DATABASE.");
            }
        } catch (SQLException e) {
            throw problem(e, url, user, userSetting, passwordSetting);
        }
    }

    /** The setting to correct for a connection the database refused (SIGNPOST_DB_URL for anything but a password). */
    public static ConfigurationProblem problem(SQLException e, String url, String user, String userSetting,
                                               String passwordSetting) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String where = hostAndPort(url);
        if (state.equals("28P01") || state.equals("28000")) {
            return new ConfigurationProblem(passwordSetting, "the database at " + where + " refused the password of user "
                    + user + " (" + userSetting + ")", "Give that user's password in " + passwordSetting
                    + ", or another user in " + userSetting + ".", e);
        }
        if (state.equals("3D000")) {
            return new ConfigurationProblem("SIGNPOST_DB_URL", "the database named in SIGNPOST_DB_URL does not exist at "
                    + where, "Correct the database's name at the end of SIGNPOST_DB_URL, or create it.", e);
        }
        if (state.startsWith("08")) {
            return new ConfigurationProblem("SIGNPOST_DB_URL", "no PostgreSQL answers at " + where + " ("
                    + firstLine(e.getMessage()) + ")", "Start the database, or correct the host and port in SIGNPOST_DB_URL"
                    + " (jdbc:postgresql://HOST:PORT/DATABASE); leave SIGNPOST_DB_URL unset for the embedded database.", e);
        }
        return new ConfigurationProblem("SIGNPOST_DB_URL", "could not connect to the database at " + where + " as "
                + user + " (" + firstLine(e.getMessage()) + ")",
                "Check SIGNPOST_DB_URL, " + userSetting + " and " + passwordSetting + ".", e);
    }

    /** host:port of a JDBC URL of PostgreSQL, for messages (never its parameters, which may hold a password). */
    static String hostAndPort(String url) {
        try {
            URI uri = URI.create(url.substring("jdbc:".length()));
            return (uri.getHost() == null ? "localhost" : uri.getHost()) + ":" + (uri.getPort() < 0 ? 5432 : uri.getPort());
        } catch (RuntimeException e) {
            return "the host of SIGNPOST_DB_URL";
        }
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }
}
