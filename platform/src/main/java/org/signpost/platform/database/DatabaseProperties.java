package org.signpost.platform.database;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the data lives. With {@code url} unset (environment {@code SIGNPOST_DB_URL}) the service
 * starts its own PostgreSQL whose files stay in {@code dataDirectory} between runs.
 *
 * @param url           JDBC URL of an external PostgreSQL ({@code SIGNPOST_DB_URL})
 * @param user          its user ({@code SIGNPOST_DB_USER})
 * @param password      its password ({@code SIGNPOST_DB_PASSWORD})
 * @param dataDirectory files of the embedded PostgreSQL ({@code SIGNPOST_DB_DATA_DIRECTORY})
 * @param poolSize      connections in the pool ({@code SIGNPOST_DB_POOL_SIZE})
 */
@ConfigurationProperties(prefix = "signpost.db")
public record DatabaseProperties(String url, String user, String password, String dataDirectory, Integer poolSize) {

    public boolean external() {
        return url != null && !url.isBlank();
    }

    public Path dataDirectoryOrDefault() {
        return dataDirectory != null && !dataDirectory.isBlank()
                ? Path.of(dataDirectory).toAbsolutePath()
                : Path.of(System.getProperty("user.home"), ".signpost", "postgres");
    }

    public int poolSizeOrDefault() {
        return poolSize != null ? poolSize : 20;
    }
}
