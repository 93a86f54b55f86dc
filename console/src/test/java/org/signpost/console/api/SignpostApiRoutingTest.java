package org.signpost.console.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.StandardEnvironment;

/**
 * A console in front of a command side and a query side of their own (compose, `./signpost
 * split`): each request goes to the side that answers it, over real HTTP to two small servers
 * standing in for the sides, each noting what it was asked.
 */
class SignpostApiRoutingTest {

    private final Side commandSide = new Side();
    private final Side querySide = new Side();
    private SignpostApi api;
    private final ConsoleUser coordinator = new ConsoleUser("coordinator", "COORDINATOR", null, "token",
            Instant.now().plus(1, ChronoUnit.HOURS));

    @BeforeEach
    void start() throws IOException {
        commandSide.start();
        querySide.start();
        api = new SignpostApi(new ObjectMapper(), new StandardEnvironment(), "", commandSide.url(), querySide.url());
    }

    @AfterEach
    void stop() {
        commandSide.stop();
        querySide.stop();
    }

    @Test
    void aSearchForAPersonGoesToTheQuerySideThoughItIsAPost() {
        api.post(coordinator, "/api/people/search", Map.of("nhsNumber", "9434765919"));
        assertThat(querySide.asked).containsExactly("POST /api/people/search");
        assertThat(commandSide.asked).isEmpty();
    }

    @Test
    void commandsGoToTheCommandSideAndReadsToTheQuerySide() {
        api.post(coordinator, "/api/referrals", Map.of());
        api.get(coordinator, "/api/caseloads");
        api.post(coordinator, "/api/projections/caseload/replay", Map.of());
        assertThat(commandSide.asked).containsExactly("POST /api/referrals");
        assertThat(querySide.asked).containsExactly("GET /api/caseloads", "POST /api/projections/caseload/replay");
    }

    /** A side: answers every request 200 with an empty JSON object, and notes it. */
    private static final class Side {

        final List<String> asked = new CopyOnWriteArrayList<>();
        private HttpServer server;

        void start() throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                asked.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath());
                byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        void stop() {
            server.stop(0);
        }
    }
}
