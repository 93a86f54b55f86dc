package org.signpost.app.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.signpost.app.demo.DemoHistory;
import org.signpost.app.demo.DemoPlan;
import org.signpost.app.demo.DemoStep;
import org.signpost.platform.testing.Api;

/**
 * `./signpost demo` as a newcomer runs it, on an empty Signpost home: its history is made through
 * the API on the first start and every read model, metric, seal and the erasure log show it; a
 * second start reuses it, makes nothing new and prints the same sign-ins.
 */
class DemoScriptIT {

    private static final Pattern SIGN_IN = Pattern.compile("^  ([A-Z_]+)(?: \\(lw-\\d\\))?\\s+(\\S+)\\s+(\\S{16})$",
            Pattern.MULTILINE);

    @Test
    void theDemoMakesItsHistoryThroughTheServiceOnceAndEveryReadModelShowsIt() throws Exception {
        Path base = Path.of("target", "it-postgres", "demo-script-" + UUID.randomUUID()).toAbsolutePath();
        Path signpostHome = base.resolve("signpost-home");
        Path home = signpostHome.resolve("demo");
        Files.createDirectories(base);
        int port = FreePorts.one();
        Api api = new Api(port);

        String first = runDemo(base.resolve("first.log"), home, port, 7, Duration.ofMinutes(20), () -> {
            String note = Files.readString(home.resolve("history"));
            assertThat(note).startsWith("made seed=7 day=");
            DemoPlan plan = DemoHistory.plan(7, LocalDate.parse(field(note, "day")));
            Map<String, String> passwords = signIns(Files.readString(base.resolve("first.log")));
            assertThat(passwords).containsOnlyKeys("COORDINATOR", "LINK_WORKER", "MANAGER", "ANALYST", "AUDITOR",
                    "DATA_PROTECTION_OFFICER");
            String analyst = passwords.get("ANALYST");

            JsonNode year = api.as("analyst", analyst).get("/api/metrics/evaluation?from=" + plan.firstDay() + "&to="
                    + plan.today()).json();
            assertThat(year.path("referralsReceived").path("total").asLong()).isEqualTo(plan.referrals().size());
            assertThat(year.path("referralsReceived").path("bySource")).hasSize(9);
            assertThat(year.path("referralsReceived").path("byChannel")).hasSize(6);
            assertThat(year.path("triageOutcomes").path("total").asLong()).isEqualTo(plan.steps(DemoStep.Kind.TRIAGE).size());
            for (String outcome : List.of("ACCEPTED", "REDIRECTED", "DECLINED")) {
                assertThat(year.path("triageOutcomes").path("byOutcome").path(outcome).asLong()).as(outcome).isPositive();
            }
            assertThat(year.path("peopleSeen").asLong()).isPositive();
            assertThat(year.path("referredToVcse").asLong()).isPositive();
            assertThat(year.path("vcseUptake").path("attended").asLong()).isPositive();
            for (String instrument : List.of("SWEMWBS", "UCLA3")) {
                assertThat(year.path("outcomeChange").path(instrument).path("participants").asLong()).as(instrument).isPositive();
            }
            assertThat(year.path("outcomeChange").path("ONS4").path("anxious").path("participants").asLong()).isPositive();
            LocalDate quarter = plan.today().minusDays(90);
            assertThat(api.as("analyst", analyst).get("/api/metrics/evaluation?from=" + quarter + "&to=" + plan.today())
                    .json().path("referralsReceived").path("total").asLong())
                    .isEqualTo(plan.referralsReceivedBetween(quarter, plan.today()));

            long awaiting = plan.stories().values().stream().filter(story -> story.size() == 1).count();
            assertThat(api.as("coordinator", passwords.get("COORDINATOR")).get("/api/triage-queue").json())
                    .hasSize((int) awaiting);
            JsonNode caseloads = api.as("manager", passwords.get("MANAGER")).get("/api/caseloads").json();
            assertThat(caseloads).hasSize(4);
            long active = 0;
            for (JsonNode caseload : caseloads) {
                active += caseload.path("active").asLong();
            }
            assertThat(active).isEqualTo(plan.stories().values().stream().filter(story -> story.stream()
                    .anyMatch(step -> step.kind() == DemoStep.Kind.ASSIGN)
                    && story.stream().noneMatch(step -> step.kind() == DemoStep.Kind.DISCHARGE)).count());
            assertThat(api.as("linkworker1", passwords.get("LINK_WORKER")).get("/api/caseloads/lw-1").status()).isEqualTo(200);

            // The chain seals the history a grace period after it is written (ChainSealer), and the
            // demo is ready once its read models have it: the check covers all of it a moment later.
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                JsonNode integrity = api.as("auditor", passwords.get("AUDITOR")).get("/api/audit/integrity").json();
                assertThat(integrity.path("status").asText()).as(integrity.toString()).isEqualTo("INTACT");
                assertThat(integrity.path("verifiedEvents").asLong()).isGreaterThanOrEqualTo(plan.steps().size());
            });
            assertThat(api.as("dpo", passwords.get("DATA_PROTECTION_OFFICER")).get("/api/erasures").json()).hasSize(1);
            assertThat(api.as("auditor", passwords.get("AUDITOR")).get("/api/audit/events?actor=linkworker3").json())
                    .isNotEmpty();
        });
        assertThat(first).contains("Signpost demo ready at http://127.0.0.1:" + port);
        try (var files = Files.list(signpostHome)) {
            assertThat(files.map(file -> file.getFileName().toString())).as("the real installation's home is not used")
                    .containsExactly("demo");
        }
        assertThat(Files.readString(home.resolve("users.yml"))).doesNotContain(signIns(first).get("MANAGER"));

        String second = runDemo(base.resolve("second.log"), home, port, 8, Duration.ofMinutes(10), () -> {
            DemoPlan plan = DemoHistory.plan(7, LocalDate.parse(field(Files.readString(home.resolve("history")), "day")));
            assertThat(api.as("analyst", signIns(first).get("ANALYST")).get("/api/metrics/evaluation?from="
                    + plan.firstDay() + "&to=" + plan.today()).json().path("referralsReceived").path("total").asLong())
                    .as("nothing made again").isEqualTo(plan.referrals().size());
        });
        assertThat(second).doesNotContain("Making the demo's history").contains("the history made on its first start");
        assertThat(signIns(second)).isEqualTo(signIns(first));
    }

    @Test
    void aDemoStoppedWhileItsHistoryWasMadeIsRefusedInOneLineBeforeTheServiceStarts() throws Exception {
        Path home = Path.of("target", "it-postgres", "demo-begun-" + UUID.randomUUID()).toAbsolutePath();
        Files.createDirectories(home);
        Files.writeString(home.resolve("history"), "begun seed=19 day=2026-12-02 referrals=170 from=2025-12-03\n");
        ProcessBuilder builder = new ProcessBuilder("bash", Path.of("..", "signpost").toAbsolutePath().normalize().toString(),
                "demo").redirectErrorStream(true);
        builder.environment().put("SIGNPOST_NO_BUILD", "1");
        builder.environment().put("SIGNPOST_DEMO_HOME", home.toString());
        Process demo = builder.start();
        String output = new String(demo.getInputStream().readAllBytes());

        assertThat(demo.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(demo.exitValue()).isEqualTo(1);
        assertThat(output.strip()).hasLineCount(1).contains("stopped while its history was being made", "rm -r " + home);
        assertThat(home.resolve("postgres")).doesNotExist();
    }

    /** Runs `./signpost demo` until it prints its sign-ins, checks it, then stops it; its output. */
    private static String runDemo(Path log, Path home, int port, long seed, Duration limit, Check check) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("bash", Path.of("..", "signpost").toAbsolutePath().normalize().toString(),
                "demo", "--port=" + port, "--seed=" + seed).redirectErrorStream(true).redirectOutput(log.toFile());
        for (String setting : List.of("SIGNPOST_DEMO_HOME", "SIGNPOST_USERS_FILE", "SIGNPOST_MASTER_KEY",
                "SIGNPOST_MASTER_KEY_FILE", "SIGNPOST_DB_URL", "SIGNPOST_INTEGRITY_KEY_FILE")) {
            builder.environment().remove(setting);
        }
        builder.environment().put("SIGNPOST_NO_BUILD", "1");
        builder.environment().put("SIGNPOST_HOME", home.getParent().toString());
        Process demo = builder.start();
        try {
            await().atMost(limit).pollInterval(Duration.ofSeconds(1)).until(() -> {
                assertThat(demo.isAlive()).as("the demo runs; see " + log).isTrue();
                return Files.readString(log).contains("passwords in ");
            });
            check.run();
            return Files.readString(log);
        } finally {
            demo.destroy();
            assertThat(demo.waitFor(60, TimeUnit.SECONDS)).as("the demo stops on SIGTERM").isTrue();
        }
    }

    private static Map<String, String> signIns(String output) {
        Map<String, String> passwords = new HashMap<>();
        Matcher line = SIGN_IN.matcher(output);
        while (line.find()) {
            passwords.put(line.group(1), line.group(3));
        }
        return passwords;
    }

    private static String field(String note, String name) {
        Matcher value = Pattern.compile(name + "=(\\S+)").matcher(note);
        assertThat(value.find()).as(note).isTrue();
        return value.group(1);
    }

    @FunctionalInterface
    private interface Check {
        void run() throws IOException;
    }
}
