package org.signpost.command;

import org.signpost.platform.Startup;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The command side alone: command endpoints, aggregates, the event store. */
@SpringBootApplication(scanBasePackages = {"org.signpost.platform", "org.signpost.command"})
public class CommandSideApplication {

    public static void main(String[] args) {
        Startup.quietAndPrivate();
        SpringApplication.run(CommandSideApplication.class, args);
    }
}
