package org.signpost.command;

import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.signpost.command.referral.ParticipantIds;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class CommandSideConfiguration {

    /**
     * Aggregates stay in memory between commands instead of being replayed from their events
     * each time. Safe with several command-side processes: a stale copy fails on the event
     * store's unique (aggregate, sequence) key, is evicted, and the command is tried again.
     */
    @Bean
    Cache referralCache() {
        return new WeakReferenceCache();
    }

    /** One cache per aggregate type: entries are found by id alone, and ids of both kinds are UUIDs. */
    @Bean
    Cache participantCache() {
        return new WeakReferenceCache();
    }

    @Bean
    ParticipantIds participantIds() {
        return ParticipantIds.random();
    }
}
