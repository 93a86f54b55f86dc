package org.signpost.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import org.axonframework.axonserver.connector.event.axon.AxonServerEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.signpost.command.CommandSideApplication;
import org.signpost.platform.integrity.Chain;
import org.signpost.platform.integrity.ChainVerifier;
import org.signpost.platform.testing.Api;
import org.signpost.platform.testing.TestDatabase;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The `axonserver` profile's wiring, without an Axon Server (none can run on these machines; the
 * connector is pointed at a closed port): the command side's events go to Axon Server's event
 * store and nowhere else, the hash chain of the PostgreSQL store is not kept (the read log's is), and the process
 * says it is not ready while its event store cannot be reached. (A query side does not finish
 * starting without its event store: Axon's processors wait for it to place their first tokens.
 * How a query side reads Axon Server is tested on PostgreSQL: StreamSourceReplayAndMetricsTest.)
 */
class AxonServerProfileTest {

    @Test
    void theAxonServerProfileStoresEventsInAxonServerOnly() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(CommandSideApplication.class)
                .profiles("axonserver")
                .run("--server.port=0", "--signpost.db.url=",
                        "--signpost.db.data-directory=" + TestDatabase.freshDataDirectory(),
                        "--signpost.users-file=classpath:test-users.yml", "--signpost.master-key=" + TestDatabase.MASTER_KEY,
                        "--signpost.integrity.key=" + TestDatabase.INTEGRITY_KEY, "--signpost.home=" + TestDatabase.freshHome(),
                        "--axon.axonserver.servers=localhost:" + closedPort)) {
            assertThat(context.getBean(EventStore.class)).isInstanceOf(AxonServerEventStore.class);
            assertThat(context.getBeansOfType(EventStorageEngine.class)).as("no JDBC event store").isEmpty();
            assertThat(context.getBeansOfType(ChainVerifier.class).values()).extracting(verifier -> verifier.chain().name())
                    .as("no event chain; the read log's is kept").containsExactly(Chain.READ_LOG);

            Api api = new Api(((WebServerApplicationContext) context).getWebServer().getPort());
            assertThat(api.anonymous().get("/actuator/health/readiness").status())
                    .as("not ready while Axon Server cannot be reached").isEqualTo(503);
            assertThat(api.anonymous().get("/actuator/health/liveness").status()).isEqualTo(200);
        }
    }
}
