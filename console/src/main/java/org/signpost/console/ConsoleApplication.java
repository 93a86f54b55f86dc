package org.signpost.console;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The console as a process of its own, in front of a Signpost service elsewhere
 * (SIGNPOST_CONSOLE_API_URL): it holds no data and no keys, only its people's sessions.
 */
@SpringBootApplication
public class ConsoleApplication {

    public static void main(String[] args) {
        SpringApplication console = new SpringApplication(ConsoleApplication.class);
        // As the service's own processes: the loopback address unless told otherwise, port 8080.
        console.setDefaultProperties(Map.of(
                "spring.config.import", "classpath:signpost-console.yml",
                "spring.application.name", "signpost-console",
                "server.address", "${SIGNPOST_ADDRESS:127.0.0.1}",
                "server.port", "${SIGNPOST_PORT:8080}"));
        console.run(args);
    }
}
