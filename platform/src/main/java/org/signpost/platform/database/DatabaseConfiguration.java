package org.signpost.platform.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One data source for everything: the event store, tokens, dead letters and read models share
 * a database, so a projection's rows and its token commit in one transaction.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DatabaseProperties.class)
public class DatabaseConfiguration {

    /** Null when an external PostgreSQL is configured. */
    @Bean(destroyMethod = "close")
    EmbeddedDatabase embeddedDatabase(DatabaseProperties properties) {
        return properties.external()
                ? new EmbeddedDatabase(null)
                : new EmbeddedDatabase(EmbeddedPostgresServer.start(properties.dataDirectoryOrDefault(), 0,
                        properties.sharedBuffersOrDefault()));
    }

    @Bean(destroyMethod = "close")
    DataSource dataSource(DatabaseProperties properties, EmbeddedDatabase embedded) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("signpost");
        if (properties.external()) {
            config.setJdbcUrl(properties.url());
            config.setUsername(properties.user());
            config.setPassword(properties.password());
        } else {
            config.setJdbcUrl(embedded.server().jdbcUrl());
            config.setUsername("postgres");
        }
        config.setMaximumPoolSize(properties.poolSizeOrDefault());
        // Fail fast when the database is gone instead of holding requests for half a minute.
        config.setConnectionTimeout(5_000);
        config.setValidationTimeout(2_000);
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        config.addDataSourceProperty("socketTimeout", "60");
        return new HikariDataSource(config);
    }

    /** Holder so that the embedded server's lifecycle is the context's, and stops after the pool. */
    public record EmbeddedDatabase(EmbeddedPostgresServer server) implements AutoCloseable {

        @Override
        public void close() throws Exception {
            if (server != null) {
                server.close();
            }
        }
    }
}
