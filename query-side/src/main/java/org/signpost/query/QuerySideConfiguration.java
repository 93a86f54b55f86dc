package org.signpost.query;

import javax.sql.DataSource;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.signpost.events.EventSerialization;
import org.signpost.platform.axon.RecentEventPositions;
import org.signpost.platform.axon.StoredEventUpcasters;
import org.signpost.platform.database.ServiceRole;
import org.signpost.platform.database.SideMigrations;
import org.signpost.projection.EventPositions;
import org.signpost.projection.ProjectionEngineConfiguration;
import org.signpost.projection.ProjectionGenerations;
import org.signpost.projection.ReadModels;
import org.signpost.projection.store.EventSource;
import org.signpost.projection.store.EventStoreScan;
import org.signpost.projection.store.JdbcEventSource;
import org.signpost.projection.store.StreamEventSource;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The query side: the projection engine fed with its read models. It checks on its replays and
 * its share of segments on a schedule.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@Import(ProjectionEngineConfiguration.class)
public class QuerySideConfiguration {

    /** The query side's new tables and changes to its read models: its migrations (db/query), run after the platform's. */
    @Bean
    SideMigrations querySideMigrations() {
        return new SideMigrations("query");
    }

    /** The read models' generations; their tables are owned, and rebuilt ones made, by the maintainer role. */
    @Bean
    ProjectionGenerations projectionGenerations(JdbcTemplate jdbc, ReadModels readModels, ServiceRole serviceRole) {
        return new ProjectionGenerations(jdbc, readModels, serviceRole.maintainerRole());
    }

    /** The positions the event store's reads remembered, for the read models that key rows by position. */
    @Bean
    EventPositions.Remembered rememberedEventPositions(RecentEventPositions positions) {
        return positions::of;
    }

    /**
     * How replays and "as of" figures read the store: PostgreSQL's table directly (one snapshot,
     * several times faster), or, with Axon Server, its event stream.
     */
    @Bean
    @Primary
    EventSource eventSource(@Value("${axon.axonserver.enabled:false}") boolean axonServer,
                            @Value("${signpost.event-source:table}") String source, DataSource dataSource,
                            @Qualifier("eventSerializer") Serializer eventSerializer, EventStore eventStore,
                            StoredEventUpcasters.Upcasters upcasters) {
        // "stream" on PostgreSQL: the Axon Server way of reading, for tests of it without Axon Server.
        return axonServer || source.equals("stream") ? new StreamEventSource(eventStore, axonServer)
                : new JdbcEventSource(dataSource, new EventStoreScan(eventSerializer, upcasters.inOrder()));
    }

    /**
     * What "as of" figures read: the same store, but from the table without any key, since the
     * metrics use no personal data: nothing to decrypt, nothing personal held in memory.
     */
    @Bean
    @Qualifier("metricsEventSource")
    EventSource metricsEventSource(EventSource eventSource, DataSource dataSource,
                                   StoredEventUpcasters.Upcasters upcasters) {
        return eventSource instanceof JdbcEventSource
                ? new JdbcEventSource(dataSource, new EventStoreScan(EventSerialization.serializer(), upcasters.inOrder()))
                : eventSource;
    }
}
