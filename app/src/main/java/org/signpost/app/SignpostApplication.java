package org.signpost.app;

import org.signpost.platform.Startup;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The whole service in one process: command side and query side on one port. */
@SpringBootApplication(scanBasePackages = {"org.signpost.platform", "org.signpost.command", "org.signpost.query"})
public class SignpostApplication {

    public static void main(String[] args) {
        Startup.quietAndPrivate();
        SpringApplication.run(SignpostApplication.class, args);
    }
}
