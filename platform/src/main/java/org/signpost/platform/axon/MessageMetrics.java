package org.signpost.platform.axon;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.messaging.Message;
import org.axonframework.micrometer.EventProcessorLatencyMonitor;
import org.axonframework.micrometer.MessageCountingMonitor;
import org.axonframework.micrometer.MessageTimerMonitor;
import org.axonframework.micrometer.TagsUtil;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.monitoring.MultiMessageMonitor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Axon's metrics of the command bus and of the event processors, the same names and tags as
 * its dimensional defaults ({@code commandBus*}, {@code eventProcessor*} with
 * {@code processorName} and {@code payloadType}) but without its capacity monitor. That monitor
 * keeps every message handled in the last ten minutes in a sorted map: after the first build of
 * four read models from a store of a million events it held four million entries (350 MB), and
 * the young collections that followed paused every request for 50 to 130 ms. Capacity is the
 * rate of the timers' sum, which a dashboard computes from what is kept here.
 */
@Configuration(proxyBeanMethods = false)
public class MessageMetrics {

    @Bean
    ConfigurerModule messageMetricsWithoutCapacity(MeterRegistry registry) {
        LatencyMonitors latency = new LatencyMonitors(registry);
        return configurer -> configurer
                .configureMessageMonitor(EventProcessor.class, (config, type, processor) -> {
                    Function<Message<?>, Iterable<Tag>> byType = message -> Tags.of(
                            TagsUtil.PROCESSOR_NAME_TAG, processor,
                            TagsUtil.PAYLOAD_TYPE_TAG, message.getPayloadType().getSimpleName());
                    return forEvents(new MultiMessageMonitor<EventMessage<?>>(
                            MessageTimerMonitor.buildMonitor("eventProcessor", registry, byType),
                            MessageCountingMonitor.buildMonitor("eventProcessor", registry, byType),
                            latency.of(processor)));
                })
                .configureMessageMonitor(CommandBus.class, (config, type, name) -> {
                    Function<Message<?>, Iterable<Tag>> byType = message -> Tags.of(
                            TagsUtil.PAYLOAD_TYPE_TAG, message.getPayloadType().getSimpleName());
                    return new MultiMessageMonitor<>(
                            MessageTimerMonitor.buildMonitor("commandBus", registry, byType),
                            MessageCountingMonitor.buildMonitor("commandBus", registry, byType));
                });
    }

    /**
     * One latency monitor per processor name, however often Axon asks for a processor's monitors. A
     * monitor registers its gauge with the value it holds; a second monitor of the same name (a
     * processor built again) was refused by Micrometer with a warning at each start, and its
     * gauge then showed the first monitor's value, which no longer moved.
     */
    static final class LatencyMonitors {
        private final MeterRegistry registry;
        private final Map<String, EventProcessorLatencyMonitor> byProcessor = new ConcurrentHashMap<>();

        LatencyMonitors(MeterRegistry registry) {
            this.registry = registry;
        }

        EventProcessorLatencyMonitor of(String processor) {
            return byProcessor.computeIfAbsent(processor, name -> EventProcessorLatencyMonitor.builder()
                    .meterNamePrefix("eventProcessor")
                    .meterRegistry(registry)
                    .tagsBuilder(message -> Tags.of(TagsUtil.PROCESSOR_NAME_TAG, name))
                    .build());
        }
    }

    /** An event processor is only ever given events; Axon's factories are typed for any message. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static MessageMonitor<Message<?>> forEvents(MessageMonitor<EventMessage<?>> monitor) {
        return (MessageMonitor) monitor;
    }
}
