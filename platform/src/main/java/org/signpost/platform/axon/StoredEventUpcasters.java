package org.signpost.platform.axon;

import java.util.List;
import java.util.stream.Stream;
import org.axonframework.config.Configurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.signpost.events.EventRevisions;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The upcasters Axon's event store applies, for the readers that read the store's table
 * themselves (replays, "as of" figures): the product's own ({@link EventRevisions}) first, then
 * any upcaster bean, in the order Axon registers them. A scan of the table takes this list, so it
 * reads every event as the aggregates and live processors do.
 */
@Configuration(proxyBeanMethods = false)
public class StoredEventUpcasters {

    /** Ahead of Axon's own registration of upcaster beans, which is of the default order, 0. */
    private static final int BEFORE_UPCASTER_BEANS = -1;

    @Bean
    ConfigurerModule eventRevisions() {
        return new ConfigurerModule() {
            @Override
            public void configureModule(Configurer configurer) {
                EventRevisions.upcasters().forEach(upcaster -> configurer.registerEventUpcaster(c -> upcaster));
            }

            @Override
            public int order() {
                return BEFORE_UPCASTER_BEANS;
            }
        };
    }

    /** Every upcaster of the store, in the order Axon's chain applies them. */
    @Bean
    Upcasters storedEventUpcasterList(ObjectProvider<EventUpcaster> beans) {
        return new Upcasters(Stream.concat(EventRevisions.upcasters().stream(), beans.orderedStream()).toList());
    }

    /** The store's upcasters, in order. */
    public record Upcasters(List<EventUpcaster> inOrder) {
    }
}
