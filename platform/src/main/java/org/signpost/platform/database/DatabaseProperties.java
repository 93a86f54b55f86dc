package org.signpost.platform.database;

import java.nio.file.Path;
import org.signpost.platform.SignpostHome;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the data lives and who the service is there. With {@code url} unset (environment
 * {@code SIGNPOST_DB_URL}) the service starts its own PostgreSQL whose files stay in
 * {@code dataDirectory} between runs, and makes its roles itself ({@link DatabaseRoles}).
 *
 * @param url            JDBC URL of an external PostgreSQL ({@code SIGNPOST_DB_URL})
 * @param user           the role the service runs as there, which owns nothing ({@code SIGNPOST_DB_USER})
 * @param password       its password ({@code SIGNPOST_DB_PASSWORD})
 * @param ownerUser      the schema's owner, which runs the migrations ({@code SIGNPOST_DB_OWNER_USER});
 *                       unset: the service only checks that the schema is current
 * @param ownerPassword  its password ({@code SIGNPOST_DB_OWNER_PASSWORD})
 * @param maintainerRole the role (no login) that owns the read models and keys, of which the
 *                       service is a member ({@code SIGNPOST_DB_MAINTAINER_ROLE})
 * @param dataDirectory  files of the embedded PostgreSQL ({@code SIGNPOST_DB_DATA_DIRECTORY})
 * @param poolSize       connections in the pool ({@code SIGNPOST_DB_POOL_SIZE})
 * @param sharedBuffers  the embedded PostgreSQL's cache ({@code SIGNPOST_DB_SHARED_BUFFERS}, e.g. 512MB)
 */
@ConfigurationProperties(prefix = "signpost.db")
public record DatabaseProperties(String url, String user, String password, String ownerUser, String ownerPassword,
                                 String maintainerRole, String dataDirectory, Integer poolSize, String sharedBuffers) {

    public boolean external() {
        return url != null && !url.isBlank();
    }

    public boolean ownerConfigured() {
        return ownerUser != null && !ownerUser.isBlank();
    }

    public String maintainerRoleOrDefault() {
        return maintainerRole != null && !maintainerRole.isBlank() ? maintainerRole : DatabaseRoles.MAINTAINER;
    }

    public Path dataDirectoryOrDefault(SignpostHome home) {
        return dataDirectory != null && !dataDirectory.isBlank()
                ? Path.of(dataDirectory).toAbsolutePath()
                : home.defaultDataDirectory();
    }

    /**
     * {@value EmbeddedPostgresServer#DEFAULT_SHARED_BUFFERS} unless configured. PostgreSQL's default (128MB) left a caseload's rows of 100,000
     * participants to the operating system's page cache, from which this machine's memory
     * reclaimer drops pages that are not touched for a while: reads then waited on the disk.
     */
    public String sharedBuffersOrDefault() {
        return sharedBuffers != null && !sharedBuffers.isBlank() ? sharedBuffers
                : EmbeddedPostgresServer.DEFAULT_SHARED_BUFFERS;
    }

    public int poolSizeOrDefault() {
        return poolSize != null ? poolSize : 20;
    }
}
