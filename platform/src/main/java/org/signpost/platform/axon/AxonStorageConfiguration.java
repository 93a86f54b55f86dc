package org.signpost.platform.axon;

import java.util.Map;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.modelling.saga.repository.jdbc.PostgresSagaSqlSchema;
import org.axonframework.modelling.saga.repository.jdbc.SagaSchema;
import org.axonframework.modelling.saga.repository.jdbc.SagaSqlSchema;
import org.axonframework.serialization.Serializer;
import org.signpost.events.EventSerialization;
import org.signpost.platform.integrity.ChainKey;
import org.signpost.platform.integrity.RowMac;
import org.signpost.platform.privacy.PersonalDataKeys;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * Axon on PostgreSQL through JDBC. The JDBC engine writes exactly the columns Flyway created
 * (bytea, one-at-a-time global index) and none of Hibernate's mappings of Axon's entities are
 * involved, so no large objects and no pooled sequence can sneak in.
 */
@Configuration(proxyBeanMethods = false)
public class AxonStorageConfiguration {

    /**
     * Events, snapshots and their metadata: the stored format, independent of the web's JSON, with
     * every personal value encrypted by its young person's key.
     */
    @Bean
    @Qualifier("eventSerializer")
    Serializer eventSerializer(PersonalDataKeys keys) {
        return EventSerialization.serializer(keys);
    }

    /**
     * Tokens, dead-letter diagnostics and anything else Axon stores (no XStream). Personal data
     * never belongs there; should it ever reach one, it is encrypted or refused, never clear.
     */
    @Bean
    @Primary
    Serializer serializer(PersonalDataKeys keys) {
        return EventSerialization.serializer(keys);
    }

    @Bean
    @Qualifier("messageSerializer")
    Serializer messageSerializer(PersonalDataKeys keys) {
        return EventSerialization.serializer(keys);
    }

    /** A unique key violated by a write is a conflict the command side answers, not an internal error. */
    @Bean
    PersistenceExceptionResolver persistenceExceptionResolver() {
        return new DuplicateKeys();
    }

    @Bean
    EventSchema eventSchema() {
        return eventSchema("domain_event_entry");
    }

    /** The columns of the event table as Flyway created them, in a table of this name. */
    public static EventSchema eventSchema(String table) {
        return EventSchema.builder()
                .eventTable(table)
                .snapshotTable("snapshot_event_entry")
                .globalIndexColumn("global_index")
                .timestampColumn("time_stamp")
                .eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .typeColumn("type")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .build();
    }

    /** The positions of the events the store's reads for processors returned lately (see {@link PositionRememberingStorageEngine}). */
    @Bean
    RecentEventPositions recentEventPositions() {
        return new RecentEventPositions();
    }

    /**
     * The JDBC event store, as Axon's auto-configuration builds it but reading 1,000 events per
     * query instead of 100 (a replay of a large store needs ten times fewer round trips),
     * remembering the position of each event it reads for a processor, and writing each event with
     * its row MAC.
     */
    @Bean
    @ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false", matchIfMissing = true)
    EventStorageEngine eventStorageEngine(@Qualifier("eventSerializer") Serializer eventSerializer,
                                          Serializer snapshotSerializer,
                                          PersistenceExceptionResolver persistenceExceptionResolver,
                                          org.axonframework.config.Configuration configuration,
                                          ConnectionProvider connectionProvider, TransactionManager transactionManager,
                                          EventSchema eventSchema, RecentEventPositions positions, ChainKey chainKey,
                                          @Value("${signpost.event-store.batch-size:1000}") int batchSize) {
        JdbcEventStorageEngine.Builder builder = JdbcEventStorageEngine.builder()
                .snapshotSerializer(snapshotSerializer)
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .eventSerializer(eventSerializer)
                .snapshotFilter(configuration.snapshotFilter())
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(eventSchema)
                .batchSize(batchSize)
                .appendEvents(new EventAppendsWithRowMac(RowMac.events(chainKey)))
                .readEventDataWithGaps(new EventReadsWithGaps());
        return new PositionRememberingStorageEngine(builder, eventSchema, positions);
    }

    @Bean
    TokenSchema tokenSchema() {
        return TokenSchema.builder()
                .setTokenTable("token_entry")
                .setProcessorNameColumn("processor_name")
                .setSegmentColumn("segment")
                .setTokenColumn("token")
                .setTokenTypeColumn("token_type")
                .setTimestampColumn("timestamp")
                .setOwnerColumn("owner")
                .build();
    }

    @Bean
    DeadLetterSchema deadLetterSchema() {
        return DeadLetterSchema.builder()
                .deadLetterTable("dead_letter_entry")
                .deadLetterIdentifierColumn("dead_letter_id")
                .processingGroupColumn("processing_group")
                .sequenceIdentifierColumn("sequence_identifier")
                .sequenceIndexColumn("sequence_index")
                .messageTypeColumn("message_type")
                .eventIdentifierColumn("event_identifier")
                .timestampColumn("time_stamp")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .aggregateTypeColumn("type")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .tokenTypeColumn("token_type")
                .tokenColumn("token")
                .enqueuedAtColumn("enqueued_at")
                .lastTouchedColumn("last_touched")
                .processingStartedColumn("processing_started")
                .causeTypeColumn("cause_type")
                .causeMessageColumn("cause_message")
                .diagnosticsColumn("diagnostics")
                .build();
    }

    @Bean
    SagaSqlSchema sagaSqlSchema() {
        return new PostgresSagaSqlSchema(SagaSchema.builder()
                .sagaEntryTable("saga_entry")
                .revisionColumn("revision")
                .serializedSagaColumn("serialized_saga")
                .associationValueEntryTable("association_value_entry")
                .associationKeyColumn("association_key")
                .associationValueColumn("association_value")
                .sagaIdColumn("saga_id")
                .sagaTypeColumn("saga_type")
                .build());
    }

    /**
     * Every event carries who acted, in which role, and the correlation id of the HTTP request
     * that caused it, copied from the command's metadata. (Axon's MessageOriginProvider would
     * overwrite the correlation id with the command message's own id, so it is not used.)
     */
    @Bean
    CorrelationDataProvider requestCorrelationDataProvider() {
        SimpleCorrelationDataProvider fromCommand = new SimpleCorrelationDataProvider(MetaDataKeys.CORRELATION_ID,
                MetaDataKeys.ACTOR, MetaDataKeys.ROLE, MetaDataKeys.LINK_WORKER_ID);
        // Only commands cause events here; for the events a projection handles this would only
        // cost a deserialization of their metadata, for nothing.
        return message -> message instanceof CommandMessage<?> ? fromCommand.correlationDataFor(message) : Map.of();
    }
}
