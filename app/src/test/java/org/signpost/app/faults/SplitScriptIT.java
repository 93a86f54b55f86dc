package org.signpost.app.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.signpost.app.console.PageClient;
import org.signpost.platform.database.DatabaseRoles;
import org.signpost.platform.database.EmbeddedPostgresServer;
import org.signpost.platform.testing.Api;
import org.signpost.platform.testing.Api.Response;
import org.signpost.platform.testing.Requests;
import org.signpost.platform.testing.TestDatabase;

/**
 * `./signpost split` as docs/operations.md tells it: one command side, two query sides and the
 * staff console on one external PostgreSQL; what the command side stores both query sides answer,
 * they share every projection's segments, the console signs in and shows a page through them, and
 * a SIGTERM to the script stops all four.
 */
class SplitScriptIT {

    @Test
    void theSplitScriptRunsOneCommandSideAndTwoQuerySidesSharingTheSegments() throws Exception {
        Path base = Path.of("target", "it-postgres", "split-script-" + UUID.randomUUID()).toAbsolutePath();
        Path users = Files.createTempFile("signpost-users", ".yml");
        try (InputStream in = SplitScriptIT.class.getResourceAsStream("/test-users.yml")) {
            Files.write(users, in.readAllBytes());
        }
        try (EmbeddedPostgresServer database = EmbeddedPostgresServer.start(base.resolve("postgres"))) {
            // Chosen once the database listens: chosen before, its port was once the one it then took.
            int firstPort = FreePorts.consecutive(4);
            ProcessBuilder builder = new ProcessBuilder("bash", Path.of("..", "signpost").toAbsolutePath().normalize().toString(),
                    "split", "--signpost.users-file=" + users)
                    .redirectErrorStream(true).redirectOutput(base.resolve("script.log").toFile());
            builder.environment().putAll(Map.of("SIGNPOST_DB_URL", database.jdbcUrl(),
                    "SIGNPOST_DB_USER", DatabaseRoles.SERVICE, "SIGNPOST_DB_PASSWORD", database.credentials().service(),
                    "SIGNPOST_DB_OWNER_USER", DatabaseRoles.OWNER, "SIGNPOST_DB_OWNER_PASSWORD", database.credentials().owner(),
                    "SIGNPOST_MASTER_KEY_FILE", TestDatabase.masterKeyFile(base.resolve("home")).toString(),
                    "SIGNPOST_NO_BUILD", "1", "SIGNPOST_HOME", base.resolve("home").toString(),
                    "SIGNPOST_LOG_DIR", base.resolve("logs").toString(),
                    "SIGNPOST_SPLIT_FIRST_PORT", Integer.toString(firstPort)));
            Process script = builder.start();
            try {
                List<Api> sides = List.of(new Api(firstPort), new Api(firstPort + 1), new Api(firstPort + 2));
                // Three JVMs start at once on two cores: as ServiceProcess, allow a loaded machine four minutes.
                for (Api side : sides) {
                    await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(500)).until(() -> {
                        assertThat(script.isAlive()).as(() -> "the script runs; see " + base + logs(base)).isTrue();
                        try {
                            return side.anonymous().get("/actuator/health/liveness").status() == 200;
                        } catch (UncheckedIOException e) {
                            return false;
                        }
                    });
                }
                Response received = sides.get(0).as("coordinator").post("/api/referrals", Requests.referral("Donna", "Noble", 1));
                assertThat(received.status()).isEqualTo(201);
                for (Api querySide : sides.subList(1, 3)) {
                    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> querySide
                            .as("auditor").get("/api/referrals/" + received.text("referralId") + "/history").status() == 200);
                }
                await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                        assertThat(owners(Database.of(database))).hasSize(Convergence.PROJECTIONS.size())
                                .allSatisfy((projection, owners) -> assertThat(owners).hasSize(2)));
                // The staff console, a process of its own: signs in through the command side, reads from a query side.
                PageClient console = new PageClient(firstPort + 3);
                await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(500)).until(() -> {
                    try {
                        return console.get("/sign-in").status() == 200;
                    } catch (UncheckedIOException e) {
                        return false;
                    }
                });
                PageClient.Page caseload = console.signIn("linkworker", Api.PASSWORD);
                assertThat(caseload.status()).isEqualTo(200);
                assertThat(caseload.h1()).isEqualTo("My caseload");
            } finally {
                script.destroy();
                assertThat(script.waitFor(60, TimeUnit.SECONDS)).as("the script and its four processes stop").isTrue();
            }
            for (int port = firstPort; port < firstPort + 4; port++) {
                int closed = port;
                await().atMost(Duration.ofSeconds(30)).until(() -> {
                    try (Socket socket = new Socket("127.0.0.1", closed)) {
                        return false;
                    } catch (IOException e) {
                        return true;
                    }
                });
            }
        }
    }

    /** Per projection, the distinct processes that hold its segments. */
    private static Map<String, Set<String>> owners(Database database) throws Exception {
        Map<String, Set<String>> owners = new HashMap<>();
        try (Connection db = database.superuser();
             ResultSet rs = db.createStatement().executeQuery("SELECT processor_name, owner FROM token_entry WHERE owner IS NOT NULL")) {
            while (rs.next()) {
                owners.computeIfAbsent(rs.getString(1), p -> new HashSet<>()).add(rs.getString(2));
            }
        }
        return owners;
    }

    /** What the script and each process last wrote, for a failure's message: CI keeps no files. */
    private static String logs(Path base) {
        StringBuilder tails = new StringBuilder();
        try (Stream<Path> files = Stream.concat(Stream.of(base.resolve("script.log")),
                Files.isDirectory(base.resolve("logs")) ? Files.list(base.resolve("logs")).sorted() : Stream.empty())) {
            for (Path file : files.toList()) {
                List<String> lines = Files.isRegularFile(file) ? Files.readAllLines(file) : List.of();
                tails.append("\n--- ").append(file.getFileName()).append(" (last 40 lines)\n")
                        .append(String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size())));
            }
        } catch (IOException e) {
            tails.append("\n(logs not read: ").append(e).append(')');
        }
        return tails.toString();
    }
}
