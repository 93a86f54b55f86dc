package org.signpost.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.monitoring.MessageMonitor;
import org.junit.jupiter.api.Test;

/** The processors' latency gauge follows the newest monitor Axon asked for, not the first one it made. */
class MessageMetricsTest {

    @Test
    void aProcessorWhoseMonitorsAreAskedForTwiceHasOneLatencyGaugeThatFollowsEveryMessage() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        Configurer configurer = DefaultConfigurer.defaultConfiguration();
        new MessageMetrics().messageMetricsWithoutCapacity(registry).configureModule(configurer);
        Configuration configuration = configurer.buildConfiguration();

        monitor(configuration).onMessageIngested(eventOf(Instant.now().minusSeconds(600))).reportSuccess();
        // A processor built again (a replay's new generation, a restart of its segments) gets its monitors anew.
        monitor(configuration).onMessageIngested(eventOf(Instant.now())).reportSuccess();

        assertThat(registry.find("eventProcessor.latency").gauges()).hasSize(1);
        Gauge latency = registry.get("eventProcessor.latency").tag("processorName", "audit-trail").gauge();
        assertThat(latency.value()).as("milliseconds behind the newest message").isLessThan(60_000);
    }

    @SuppressWarnings("unchecked")
    private static MessageMonitor<EventMessage<?>> monitor(Configuration configuration) {
        return (MessageMonitor<EventMessage<?>>) (MessageMonitor<?>) configuration.messageMonitor(EventProcessor.class, "audit-trail");
    }

    private static EventMessage<String> eventOf(Instant timestamp) {
        return new GenericEventMessage<>(UUID.randomUUID().toString(), "event", Map.of(), timestamp);
    }
}
