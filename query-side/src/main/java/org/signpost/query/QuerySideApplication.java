package org.signpost.query;

import org.signpost.platform.Startup;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The query side alone: projections, read models and query endpoints. */
@SpringBootApplication(scanBasePackages = {"org.signpost.platform", "org.signpost.query"})
public class QuerySideApplication {

    public static void main(String[] args) {
        Startup.quietAndPrivate();
        SpringApplication.run(QuerySideApplication.class, args);
    }
}
