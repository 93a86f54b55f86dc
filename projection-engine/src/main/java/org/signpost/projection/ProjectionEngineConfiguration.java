package org.signpost.projection;

import java.time.Duration;
import java.util.List;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The projection engine's beans, for an application to import. It expects beside them the
 * {@link ReadModel}s, their {@link Projection}s, an {@link org.signpost.projection.store.EventSource}
 * and the {@link ProjectionGenerations}, whose tables' owner only the application knows.
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan
public class ProjectionEngineConfiguration {

    /** Each read model's processor commits its batches without waiting for the disk (see {@link ReadModelCommits}). */
    @Bean
    ConfigurerModule readModelCommits(List<ReadModel> readModels, JdbcTemplate jdbc) {
        return configurer -> configurer.eventProcessing(processing -> readModels.forEach(model ->
                processing.registerTransactionManager(model.name(),
                        axon -> new ReadModelCommits(axon.getComponent(TransactionManager.class), jdbc))));
    }

    /** Axon's JDBC token store as its auto-configuration builds it, but storing only under a claim held. */
    @Bean
    TokenStore claimedTokenStore(ConnectionProvider connections, Serializer serializer, TokenSchema schema,
                                 @Value("${axon.eventhandling.tokenstore.claim-timeout:10s}") Duration claimTimeout) {
        return new ClaimedTokenStore(JdbcTokenStore.builder().connectionProvider(connections).serializer(serializer)
                .schema(schema).claimTimeout(claimTimeout));
    }
}
