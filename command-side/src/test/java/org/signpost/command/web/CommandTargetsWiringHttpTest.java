package org.signpost.command.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.axonframework.config.Configuration;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.junit.jupiter.api.Test;
import org.signpost.command.CommandTargets;
import org.springframework.beans.factory.annotation.Autowired;

/** The aggregates' command handlers take their resolver from Axon's configuration: it is ours there. */
class CommandTargetsWiringHttpTest extends CommandSideHttpTest {

    @Autowired
    private Configuration axon;

    @Test
    void aggregatesFindTheirTargetsThroughCommandTargets() {
        assertThat(axon.getComponent(CommandTargetResolver.class)).isInstanceOf(CommandTargets.class);
    }
}
