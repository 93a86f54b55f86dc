package org.signpost.platform;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.signpost.platform.database.DatabaseProperties;
import org.signpost.platform.integrity.ChainKey;
import org.signpost.platform.privacy.MasterKeys;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.boot.env.OriginTrackedMapPropertySource;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;

/**
 * The settings that can be checked before the database starts, checked then: a mistake in a key
 * file, the database's URL or the port is said in one block at once, not after PostgreSQL has
 * started and the migrations have run ({@link org.signpost.platform.database.DatabaseConfiguration}
 * asks for {@link CheckedSettings} before it starts anything).
 */
@Configuration(proxyBeanMethods = false)
public class StartupChecks {

    /** Proof that the settings were checked; the database's beans ask for it first. */
    public record CheckedSettings() {
    }

    @Bean
    CheckedSettings checkedSettings(ObjectProvider<MasterKeys> masterKeys, ObjectProvider<ChainKey> chainKey,
                                    DatabaseProperties database, Environment environment, ApplicationContext context) {
        // Made now, each reading and checking its file.
        masterKeys.getIfAvailable();
        chainKey.getIfAvailable();
        checkUrl(database);
        if (environment instanceof ConfigurableEnvironment configurable) {
            checkNumbersAndDurations(configurable);
        }
        if (context instanceof WebServerApplicationContext) {
            checkPortIsFree(environment);
        }
        return new CheckedSettings();
    }

    /**
     * Each setting the configuration files give as {@code ${SIGNPOST_...:default}} whose default
     * is a whole number or a duration must be one too: otherwise the bean that reads it fails,
     * later and in a trace that never names the variable.
     */
    static void checkNumbersAndDurations(ConfigurableEnvironment environment) {
        for (PropertySource<?> source : environment.getPropertySources()) {
            if (!(source instanceof OriginTrackedMapPropertySource file)) {
                continue;
            }
            for (String name : file.getPropertyNames()) {
                Matcher declared = SETTING.matcher(String.valueOf(file.getProperty(name)));
                if (!declared.matches()) {
                    continue;
                }
                String setting = declared.group(1);
                String example = declared.group(2);
                String value;
                try {
                    value = environment.getProperty(name);
                } catch (IllegalArgumentException e) {
                    continue;
                }
                if (value == null || value.isBlank()) {
                    continue;
                }
                checkValue(setting, example, value.strip());
            }
        }
    }

    private static final Pattern SETTING = Pattern.compile("^\\$\\{(SIGNPOST_[A-Z0-9_]+):([^$}]*)}$");

    static void checkValue(String setting, String example, String value) {
        if (example.matches("-?\\d+") && !value.matches("-?\\d{1,9}")) {
            throw new ConfigurationProblem(setting, "'" + value + "' is not a whole number",
                    "Give a whole number in " + setting + ", such as " + example + ".");
        }
        if (example.startsWith("PT")) {
            try {
                DurationStyle.detectAndParse(value);
            } catch (IllegalArgumentException e) {
                throw new ConfigurationProblem(setting, "'" + value + "' is not a duration",
                        "Give a duration in " + setting + " as ISO-8601 (such as " + example + ") or as 10s, 15m, 2h.");
            }
        }
    }

    /** A URL of PostgreSQL's own form (postgres://...) or any other driver's finds no driver. */
    static void checkUrl(DatabaseProperties database) {
        if (database.external()) {
            checkUrl(database.url());
        }
    }

    /** @throws ConfigurationProblem naming SIGNPOST_DB_URL if this is not a JDBC URL of PostgreSQL */
    public static void checkUrl(String url) {
        if (url.startsWith("jdbc:postgresql:")) {
            return;
        }
        url = url.strip();
        int scheme = url.indexOf("://");
        // Only the scheme: the rest may carry a password.
        String given = scheme > 0 && scheme < 20 ? "it starts with " + url.substring(0, scheme + 3) : "it is not a URL";
        throw new ConfigurationProblem("SIGNPOST_DB_URL", "not a JDBC URL of PostgreSQL (" + given
                + "); it must be jdbc:postgresql://HOST:PORT/DATABASE",
                "Write it as jdbc:postgresql://HOST:PORT/DATABASE (for postgres://HOST:PORT/DATABASE, put jdbc:postgresql:// "
                        + "in front of HOST), with the user and password in SIGNPOST_DB_USER and SIGNPOST_DB_PASSWORD.");
    }

    /** The web server binds its port last of all; one in use is found out here, before anything starts. */
    static void checkPortIsFree(Environment environment) {
        Integer port = environment.getProperty("server.port", Integer.class, 8080);
        if (port <= 0) {
            return;
        }
        String address = environment.getProperty("server.address");
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(address == null || address.isBlank() ? new InetSocketAddress(port)
                    : new InetSocketAddress(InetAddress.getByName(address), port));
        } catch (IOException e) {
            throw new ConfigurationProblem("SIGNPOST_PORT", "port " + port + " is in use by another process ("
                    + e.getMessage() + ")", "Stop the process that listens on port " + port + " (ss -ltnp 'sport = :"
                    + port + "' shows it), or give another port in SIGNPOST_PORT.", e);
        }
    }
}
