package org.signpost.command.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.signpost.command.CommandSideApplication;
import org.signpost.platform.testing.Api;
import org.signpost.platform.testing.Api.Response;
import org.signpost.platform.testing.TestDatabase;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The service stopped and started again on the same data directory: its embedded PostgreSQL
 * comes back with the data, and aggregates load with their whole history.
 */
class RestartTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/London"));

    @Test
    void aggregatesLoadTheirFullHistoryAfterARestart() {
        Path dataDirectory = TestDatabase.freshDataDirectory();
        String referralId;
        String participant;
        Map<String, Object> session = Map.of("sessionId", "5f0c1c8e-2a56-4b8e-9a0e-6b5f3d1e2c11",
                "heldOn", TODAY.minusDays(100).toString(), "durationMinutes", 45, "location", "HOME",
                "accompaniedBy", "PARENT_CARER");
        Response firstSession;
        long eventsBeforeStop;

        try (ConfigurableApplicationContext first = start(dataDirectory)) {
            Api api = api(first);
            referralId = api.as("coordinator").post("/api/referrals", CommandSideHttpTest.with(
                    CommandSideHttpTest.referralForm(), "receivedOn", TODAY.minusDays(120).toString())).text("referralId");
            assertThat(api.as("coordinator").post("/api/referrals/" + referralId + "/triage",
                    Map.of("outcome", "ACCEPTED", "triagedOn", TODAY.minusDays(110).toString())).status()).isEqualTo(200);
            participant = "/api/participants/" + api.as("coordinator").post("/api/referrals/" + referralId + "/assignment",
                    Map.of("linkWorkerId", "lw-1", "assignedOn", TODAY.minusDays(105).toString())).text("participantId");
            firstSession = api.as("linkworker").post(participant + "/sessions", session);
            assertThat(firstSession.status()).isEqualTo(201);
            eventsBeforeStop = events(first);
        }

        try (ConfigurableApplicationContext second = start(dataDirectory)) {
            Api api = api(second);
            assertThat(events(second)).isEqualTo(eventsBeforeStop);

            Response secondTriage = api.as("coordinator").post("/api/referrals/" + referralId + "/triage",
                    Map.of("outcome", "DECLINED", "triagedOn", TODAY.toString()));
            assertThat(secondTriage.status()).isEqualTo(409);

            Response retriedSession = api.as("linkworker").post(participant + "/sessions", session);
            assertThat(retriedSession.status()).isEqualTo(201);
            assertThat(retriedSession.json()).isEqualTo(firstSession.json());
            assertThat(retriedSession.header("ETag")).isEqualTo(firstSession.header("ETag"));

            Response lateSession = api.as("linkworker").post(participant + "/sessions", Map.of(
                    "heldOn", TODAY.minusDays(100 - 84).toString(), "durationMinutes", 30, "location", "SCHOOL",
                    "accompaniedBy", "NONE"));
            assertThat(lateSession.status()).isEqualTo(201);
            assertThat(lateSession.json().get("beyondEntitlement").asBoolean())
                    .as("12 weeks after the first session recorded before the restart").isTrue();
            assertThat(lateSession.header("ETag")).isEqualTo("\"2\"");
            assertThat(events(second)).isEqualTo(eventsBeforeStop + 1);
        }
    }

    private static ConfigurableApplicationContext start(Path dataDirectory) {
        return new SpringApplicationBuilder(CommandSideApplication.class).run(
                "--server.port=0",
                "--signpost.db.url=",
                "--signpost.db.data-directory=" + dataDirectory,
                "--signpost.users-file=classpath:test-users.yml", "--signpost.master-key=" + TestDatabase.MASTER_KEY,
                "--signpost.integrity.key=" + TestDatabase.INTEGRITY_KEY,
                "--signpost.home=" + dataDirectory.resolveSibling(dataDirectory.getFileName() + "-home"));
    }

    private static Api api(ConfigurableApplicationContext context) {
        return new Api(((WebServerApplicationContext) context).getWebServer().getPort());
    }

    private static long events(ConfigurableApplicationContext context) {
        return context.getBean(JdbcTemplate.class).queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
    }
}
