package org.signpost.command;

import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.signpost.command.referral.ParticipantIds;
import org.signpost.platform.database.SideMigrations;
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

    /** Tables of the command side's own, when it has some: its migrations (db/command), run after the platform's. */
    @Bean
    SideMigrations commandSideMigrations() {
        return new SideMigrations("command");
    }

    /** Each aggregate's commands find their target through it (Axon's configurer looks this component up). */
    @Bean
    CommandTargetResolver commandTargetResolver() {
        return new CommandTargets();
    }

    @Bean
    ParticipantIds participantIds() {
        return ParticipantIds.random();
    }
}
