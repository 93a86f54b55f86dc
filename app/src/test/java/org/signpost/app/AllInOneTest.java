package org.signpost.app;

import org.signpost.platform.testing.Api;
import org.signpost.platform.testing.RealServiceTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The whole service on one port, as `./signpost start` runs it, on a real PostgreSQL. All
 * subclasses share one context, database and server.
 */
@SpringBootTest(classes = SignpostApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "signpost.allowed-origins=" + AllInOneTest.PUBLIC_ORIGIN)
abstract class AllInOneTest extends RealServiceTest {

    /** The service's address as a proxy in front of it would publish it (CrossSiteRequestHttpTest). */
    static final String PUBLIC_ORIGIN = "https://signpost.example.org";

    @Autowired
    JdbcTemplate jdbc;

    Api api() {
        return new Api(port);
    }

    /** Until every projection has applied every stored event and none is being rebuilt. */
    static void awaitProjections(Api api) {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60))
                .pollInterval(java.time.Duration.ofMillis(100)).until(() -> {
                    for (var projection : api.as("analyst").get("/api/projections").json()) {
                        if (projection.path("position").asLong() < projection.path("headPosition").asLong()
                                || !projection.path("status").asText().equals("RUNNING")) {
                            return false;
                        }
                    }
                    return true;
                });
    }
}
