package org.signpost.platform.integrity;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The chains every process keeps over the shared database, sealed each second (by one process at
 * a time per chain) and checked on a schedule: the event store's, and the personal-data read
 * log's. The event store's is kept only when the events are in PostgreSQL; with Axon Server they
 * are not, and its event files are append-only.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class IntegrityConfiguration {

    @Bean
    ChainKey chainKey(@Value("${signpost.integrity.key:}") String key,
                      @Value("${signpost.integrity.key-file}") Path file) {
        return ChainKey.load(key, file);
    }

    @Bean
    ChainAnchor chainAnchor(@Value("${signpost.integrity.anchor-file}") Path file, ChainKey key) {
        return new ChainAnchor(file, key);
    }

    @Bean
    @ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false", matchIfMissing = true)
    LegacyEventChain legacyEventChain(JdbcTemplate jdbc, ChainKey key, Clock clock) {
        return new LegacyEventChain(jdbc, key, clock);
    }

    @Bean
    @ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false", matchIfMissing = true)
    ChainSealer eventChainSealer(ChainKey key, JdbcTemplate jdbc, PlatformTransactionManager transactionManager,
                                 @Value("${signpost.integrity.seal-grace:PT1S}") Duration grace, ChainAnchor anchor,
                                 LegacyEventChain legacy) {
        return new ChainSealer(Chain.events(key), jdbc, transactionManager, grace, anchor, legacy);
    }

    @Bean
    @ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false", matchIfMissing = true)
    ChainVerifier eventChainVerifier(ChainKey key, JdbcTemplate jdbc, PlatformTransactionManager transactionManager,
                                     ChainAnchor anchor, LegacyEventChain legacy, Clock clock) {
        return new ChainVerifier(Chain.events(key), jdbc, transactionManager, anchor, legacy, clock);
    }

    @Bean
    ChainSealer readLogSealer(ChainKey key, JdbcTemplate jdbc, PlatformTransactionManager transactionManager,
                              @Value("${signpost.integrity.seal-grace:PT1S}") Duration grace, ChainAnchor anchor) {
        return new ChainSealer(Chain.readLog(key), jdbc, transactionManager, grace, anchor, HandOver.NONE);
    }

    @Bean
    ChainVerifier readLogVerifier(ChainKey key, JdbcTemplate jdbc, PlatformTransactionManager transactionManager,
                                  ChainAnchor anchor, Clock clock) {
        return new ChainVerifier(Chain.readLog(key), jdbc, transactionManager, anchor, HandOver.NONE, clock);
    }
}
