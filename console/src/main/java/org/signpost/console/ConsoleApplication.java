package org.signpost.console;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The console as a process of its own, in front of a Signpost service elsewhere
 * (SIGNPOST_CONSOLE_API_URL): it holds no data and no keys, only its people's sessions.
 */
@SpringBootApplication
public class ConsoleApplication {

    public static void main(String[] args) {
        System.setProperty("spring.config.import", "classpath:signpost-console.yml");
        SpringApplication.run(ConsoleApplication.class, args);
    }
}
