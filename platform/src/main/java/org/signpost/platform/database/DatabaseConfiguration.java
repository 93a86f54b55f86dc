package org.signpost.platform.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.api.FlywayException;
import org.postgresql.Driver;
import org.signpost.platform.SignpostHome;
import org.signpost.platform.StartupChecks.CheckedSettings;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.flyway.FlywayConfigurationCustomizer;
import org.springframework.boot.autoconfigure.flyway.FlywayDataSource;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationInitializer;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * One database for everything: the event store, tokens, dead letters and read models share it,
 * so a projection's rows and its token commit in one transaction. The service works through a
 * pool of connections as its own role, which owns nothing; only the migrations, at start, run
 * as the schema's owner ({@link DatabaseRoles}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DatabaseProperties.class)
public class DatabaseConfiguration {

    @Bean
    SignpostHome signpostHome(@Value("${signpost.home:}") String home) {
        return SignpostHome.of(home);
    }

    /**
     * Holds no server when an external PostgreSQL is configured; then it connects once as each
     * configured role, so that a database that refuses is said as the setting to correct before
     * the pool or the migrations (both of which need this bean) meet it.
     */
    @Bean(destroyMethod = "close")
    EmbeddedDatabase embeddedDatabase(DatabaseProperties properties, SignpostHome home,
                                      ObjectProvider<CheckedSettings> checkedFirst) {
        checkedFirst.getIfAvailable();
        if (properties.external()) {
            ExternalDatabaseCheck.connect(properties.url(), properties.user(), properties.password(),
                    "SIGNPOST_DB_USER", "SIGNPOST_DB_PASSWORD");
            if (properties.ownerConfigured()) {
                ExternalDatabaseCheck.connect(properties.url(), properties.ownerUser(), properties.ownerPassword(),
                        "SIGNPOST_DB_OWNER_USER", "SIGNPOST_DB_OWNER_PASSWORD");
            }
        }
        return properties.external()
                ? new EmbeddedDatabase(null)
                : new EmbeddedDatabase(EmbeddedPostgresServer.start(properties.dataDirectoryOrDefault(home), 0,
                        properties.sharedBuffersOrDefault(), home.databaseCredentials()));
    }

    @Bean(destroyMethod = "close")
    @Primary
    DataSource dataSource(DatabaseProperties properties, EmbeddedDatabase embedded) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("signpost");
        if (properties.external()) {
            config.setJdbcUrl(properties.url());
            config.setUsername(properties.user());
            config.setPassword(properties.password());
        } else {
            config.setJdbcUrl(embedded.server().jdbcUrl());
            config.setUsername(DatabaseRoles.SERVICE);
            config.setPassword(embedded.server().credentials().service());
        }
        config.setMaximumPoolSize(properties.poolSizeOrDefault());
        // Fail fast when the database is gone instead of holding requests for half a minute.
        config.setConnectionTimeout(5_000);
        config.setValidationTimeout(2_000);
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        config.addDataSourceProperty("socketTimeout", "60");
        return new HikariDataSource(config);
    }

    /**
     * The migrations' connections: as the schema's owner, a few at start and none after. Without
     * an owner configured for an external database, the service's own (it then only checks that
     * the schema is current, see {@link #migrations}).
     */
    @Bean
    @FlywayDataSource
    DataSource ownerDataSource(DatabaseProperties properties, EmbeddedDatabase embedded) {
        SimpleDriverDataSource owner = new SimpleDriverDataSource();
        owner.setDriverClass(Driver.class);
        if (!properties.external()) {
            owner.setUrl(embedded.server().jdbcUrl());
            owner.setUsername(DatabaseRoles.OWNER);
            owner.setPassword(embedded.server().credentials().owner());
        } else {
            owner.setUrl(properties.url());
            owner.setUsername(properties.ownerConfigured() ? properties.ownerUser() : properties.user());
            owner.setPassword(properties.ownerConfigured() ? properties.ownerPassword() : properties.password());
        }
        return owner;
    }

    @Bean
    FlywayConfigurationCustomizer grantsToTheService(DatabaseProperties properties) {
        String service = properties.external() ? properties.user() : DatabaseRoles.SERVICE;
        return configuration -> configuration.placeholders(
                SchemaGrants.placeholders(service, properties.maintainerRoleOrDefault()));
    }

    /**
     * Migrates as the owner, the platform's migrations first, then each side's here (SideMigrations);
     * with no owner to do it, refuses to run on a schema that is not current.
     */
    @Bean
    FlywayMigrationStrategy migrations(DatabaseProperties properties, ObjectProvider<SideMigrations> sides) {
        return platform -> {
            List<SideMigrations> here = sides.orderedStream().toList();
            if (!properties.external() || properties.ownerConfigured()) {
                SideMigrations.migrate(platform, here);
                return;
            }
            try {
                SideMigrations.validate(platform, here);
            } catch (FlywayException e) {
                throw new IllegalStateException("The database's schema is not the one this version needs, and no "
                        + "owner (SIGNPOST_DB_OWNER_USER, SIGNPOST_DB_OWNER_PASSWORD) is configured to migrate it: "
                        + e.getMessage(), e);
            }
        };
    }

    @Bean
    ServiceRole serviceRole(DataSource dataSource, DatabaseProperties properties,
                            FlywayMigrationInitializer migrated) {
        ServiceRole role = new ServiceRole(dataSource, properties.maintainerRoleOrDefault());
        role.verifyItCannotChangeTheRecord();
        return role;
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
