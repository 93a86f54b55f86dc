package org.signpost.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.signpost.command.CommandSideApplication;
import org.signpost.platform.database.DatabaseRoles;
import org.signpost.platform.database.EmbeddedPostgresServer;
import org.signpost.platform.database.SchemaGrants;
import org.signpost.platform.testing.Api;
import org.signpost.platform.testing.Api.Response;
import org.signpost.platform.testing.Requests;
import org.signpost.platform.testing.TestDatabase;
import org.signpost.projection.ProjectionGenerations;
import org.signpost.projection.ReadModels;
import org.signpost.query.QuerySideApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

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
            // Each side knows only its own rows: the other side's requests are not found here, whoever asks,
            // but still need a signed-in caller; a path of neither side is refused as everywhere.
            Response elsewhere = commands.as("linkworker").get("/api/audit/events");
            assertThat(elsewhere.status()).isEqualTo(404);
            assertThat(elsewhere.text("detail")).isEqualTo("This process does not run the query side, which answers "
                    + "this request.");
            assertThat(commands.anonymous().get("/api/referrals/" + referralId + "/history").status()).isEqualTo(401);
            assertThat(queries.as("analyst").post("/api/referrals/" + referralId + "/triage", Map.of()).status())
                    .isEqualTo(404);
            assertThat(queries.anonymous().post("/api/referrals", Map.of()).status()).isEqualTo(401);
            assertThat(queries.as("coordinator").post("/api/nothing-here", Map.of()).status()).isEqualTo(403);
        }
    }

    /**
     * A query side started on a store that holds events already finds its read models far
     * behind (here by at least 20 events, the configured lag, and by all of the store): it
     * builds them by one scan into a new generation, hands them over to its processors, and
     * answers from them, complete, with its processors going on from there.
     */
    @Test
    void aQuerySideStartedOnAStoreWithEventsBuildsItsReadModelsByOneScan() throws Exception {
        try (EmbeddedPostgresServer external = EmbeddedPostgresServer.start(TestDatabase.freshDataDirectory());
             ConfigurableApplicationContext commandSide = start(CommandSideApplication.class, external)) {
            Api commands = api(commandSide);
            List<String> referrals = new ArrayList<>();
            for (int i = 0; i < 25; i++) {
                referrals.add(commands.as("coordinator").post("/api/referrals",
                        Requests.referral("Young", "Person" + i, 3)).text("referralId"));
            }
            try (ConfigurableApplicationContext querySide = start(QuerySideApplication.class, external,
                    "--signpost.projections.build-by-scan-lag=20")) {
                Api queries = api(querySide);
                ProjectionGenerations generations = querySide.getBean(ProjectionGenerations.class);
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() ->
                        querySide.getBean(ReadModels.class).names().stream().allMatch(name -> generations.rebuild(name).active() > 1
                                && !generations.rebuild(name).underWay()));
                await().atMost(Duration.ofSeconds(30)).until(() ->
                        queries.as("analyst").get("/api/projections").json().findValuesAsText("status").stream()
                                .allMatch("RUNNING"::equals));
                for (String referralId : referrals) {
                    assertThat(queries.as("auditor").get("/api/referrals/" + referralId + "/history").json()
                            .get(0).path("type").asText()).isEqualTo("ReferralReceived");
                }
                // The processors go on from where the build left them.
                String later = commands.as("coordinator").post("/api/referrals", Requests.referral("Later", "One", 1))
                        .text("referralId");
                Response history = await().atMost(Duration.ofSeconds(30)).until(
                        () -> queries.as("auditor").get("/api/referrals/" + later + "/history"),
                        response -> response.status() == 200);
                assertThat(history.json().size()).isEqualTo(1);
            }
        }
    }

    /**
     * A database migrated by the versions before the sides had migrations of their own (the
     * platform's alone, in flyway_schema_history): each side starts on it, with the platform's
     * history as it was (a side's own begins with its first migration: SideMigrationsTest).
     */
    @Test
    void eachSideStartsOnADatabaseMigratedBeforeTheSidesHadMigrationsOfTheirOwn() throws Exception {
        try (EmbeddedPostgresServer external = EmbeddedPostgresServer.start(TestDatabase.freshDataDirectory())) {
            JdbcTemplate owner = new JdbcTemplate(new DriverManagerDataSource(external.jdbcUrl(), DatabaseRoles.OWNER,
                    external.credentials().owner()));
            SchemaGrants.flyway(owner.getDataSource()).load().migrate();
            String history = "SELECT version || ' ' || checksum FROM flyway_schema_history ORDER BY installed_rank";
            List<String> before = owner.queryForList(history, String.class);

            try (ConfigurableApplicationContext commandSide = start(CommandSideApplication.class, external);
                 ConfigurableApplicationContext querySide = start(QuerySideApplication.class, external)) {
                assertThat(owner.queryForList(history, String.class)).isEqualTo(before);
                for (ConfigurableApplicationContext side : List.of(commandSide, querySide)) {
                    await().atMost(Duration.ofSeconds(30)).until(
                            () -> api(side).anonymous().get("/actuator/health/readiness").status() == 200);
                }
            }
        }
    }

    private static ConfigurableApplicationContext start(Class<?> application, EmbeddedPostgresServer database,
                                                        String... more) {
        List<String> args = new ArrayList<>(database.serviceArguments());
        args.addAll(List.of("--server.port=0",
                "--signpost.users-file=classpath:test-users.yml", "--signpost.master-key=" + TestDatabase.MASTER_KEY,
                "--signpost.integrity.key=" + TestDatabase.INTEGRITY_KEY, "--signpost.home=" + TestDatabase.freshHome()));
        args.addAll(List.of(more));
        return new SpringApplicationBuilder(application).run(args.toArray(String[]::new));
    }

    private static Api api(ConfigurableApplicationContext context) {
        return new Api(((WebServerApplicationContext) context).getWebServer().getPort());
    }
}
