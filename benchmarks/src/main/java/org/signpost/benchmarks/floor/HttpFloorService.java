package org.signpost.benchmarks.floor;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.DispatcherServletAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.ServletWebServerFactoryAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

/**
 * The floor of the command benchmark (issue 23): what the same clients get from a Spring Boot
 * service that does nothing with their commands. Tomcat, Spring MVC, Jackson and Bean Validation
 * read and check the same five request bodies and answer with a fresh identifier; no security,
 * no Axon, no database, no metrics. No service on this stack can do more commands per second on
 * the same machine with the same load generator, so its rate bounds any goal set for the others.
 */
@SpringBootConfiguration
@ImportAutoConfiguration({PropertyPlaceholderAutoConfiguration.class, ServletWebServerFactoryAutoConfiguration.class,
        DispatcherServletAutoConfiguration.class, WebMvcAutoConfiguration.class, ErrorMvcAutoConfiguration.class,
        HttpMessageConvertersAutoConfiguration.class, JacksonAutoConfiguration.class,
        ValidationAutoConfiguration.class})
@Import(HttpFloorController.class)
public class HttpFloorService {

    /** Starts it on a port of its own, with the same kind of request threads as the services measured. */
    public static ConfigurableApplicationContext start(boolean virtualThreads) {
        return new SpringApplicationBuilder(HttpFloorService.class).run(
                "--spring.config.name=http-floor", "--server.port=0", "--spring.main.banner-mode=off",
                "--logging.level.root=WARN", "--logging.level.org.signpost.platform=ERROR",
                "--spring.threads.virtual.enabled=" + virtualThreads);
    }
}
