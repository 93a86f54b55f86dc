package org.signpost.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.signpost.command.CommandSideApplication;
import org.signpost.platform.database.EmbeddedPostgresServer;
import org.signpost.platform.testing.Api;
import org.signpost.platform.testing.Api.Response;
import org.signpost.platform.testing.Requests;
import org.signpost.platform.testing.TestDatabase;
import org.signpost.query.QuerySideApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The command side and the query side as two applications on one external PostgreSQL: each
 * answers its own paths, and what one writes the other reads.
 */
class SplitProcessesTest {

    @Test
    void commandAndQuerySidesRunApartOnOneExternalDatabase() throws Exception {
        try (EmbeddedPostgresServer external = EmbeddedPostgresServer.start(TestDatabase.freshDataDirectory());
             ConfigurableApplicationContext commandSide = start(CommandSideApplication.class, external);
             ConfigurableApplicationContext querySide = start(QuerySideApplication.class, external)) {
            Api commands = api(commandSide);
            Api queries = api(querySide);

            Response received = commands.as("coordinator").post("/api/referrals", Requests.referral("Clara", "Oswald", 3));
            assertThat(received.status()).as(received.toString()).isEqualTo(201);
            String referralId = received.text("referralId");

            // Reads are eventually consistent: the query side catches up within moments.
            Response history = await().atMost(Duration.ofSeconds(30)).until(
                    () -> queries.as("auditor").get("/api/referrals/" + referralId + "/history"),
                    response -> response.status() == 200);
            assertThat(history.json().get(0).path("type").asText()).isEqualTo("ReferralReceived");
            assertThat(history.json().get(0).path("actor").asText()).isEqualTo("coordinator");

            assertThat(commands.as("auditor").get("/api/referrals/" + referralId + "/history").status()).isEqualTo(404);
            assertThat(queries.as("coordinator").post("/api/referrals", Map.of()).status()).isIn(404, 405);
        }
    }

    private static ConfigurableApplicationContext start(Class<?> application, EmbeddedPostgresServer database) {
        return new SpringApplicationBuilder(application).run(
                "--server.port=0",
                "--signpost.db.url=" + database.jdbcUrl(),
                "--signpost.db.user=postgres",
                "--signpost.db.password=",
                "--signpost.users-file=classpath:test-users.yml", "--signpost.master-key=" + TestDatabase.MASTER_KEY);
    }

    private static Api api(ConfigurableApplicationContext context) {
        return new Api(((WebServerApplicationContext) context).getWebServer().getPort());
    }
}
