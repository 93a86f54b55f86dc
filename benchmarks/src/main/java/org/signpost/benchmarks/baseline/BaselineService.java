package org.signpost.benchmarks.baseline;

import org.signpost.platform.database.EmbeddedPostgresServer;
import org.springframework.boot.actuate.autoconfigure.security.servlet.ManagementWebSecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.security.oauth2.resource.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The plain Axon service the command benchmark measures Signpost against (issue 23): Axon 4.13's
 * Spring Boot starter on a JPA event store (tables made by Hibernate), no aggregate cache, no
 * snapshots, no security, no read model, no audit, nothing sealed. It shares the benchmark jar's
 * class path with Signpost, so what Signpost brings that a plain service would not have is left
 * out by name: its security and migrations (auto-configurations) and its settings (its own
 * {@code baseline.yml} instead of {@code application.yml}).
 */
@SpringBootApplication(exclude = {SecurityAutoConfiguration.class, SecurityFilterAutoConfiguration.class,
        UserDetailsServiceAutoConfiguration.class, OAuth2ResourceServerAutoConfiguration.class,
        ManagementWebSecurityAutoConfiguration.class, FlywayAutoConfiguration.class})
public class BaselineService {

    /** Starts it on a port of its own, on {@code database} (as its superuser: a plain service's one user). */
    public static ConfigurableApplicationContext start(EmbeddedPostgresServer database, boolean virtualThreads) {
        return new SpringApplicationBuilder(BaselineService.class).run(
                "--spring.config.name=baseline", "--server.port=0",
                "--spring.datasource.url=" + database.jdbcUrl(), "--spring.datasource.username=postgres",
                "--spring.datasource.password=" + database.credentials().superuser(),
                "--spring.threads.virtual.enabled=" + virtualThreads);
    }
}
