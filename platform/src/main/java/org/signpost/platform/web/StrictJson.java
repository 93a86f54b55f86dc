package org.signpost.platform.web;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What clients send is read strictly, beyond the spring.jackson settings: a text field takes
 * only text (Jackson would turn {@code true} or {@code 12} into "true" or "12"), and a date only
 * {@code YYYY-MM-DD} (Jackson would take the day out of an instant, or count days from 1970 in a
 * number), and an id is never blank. A client's mistake is refused and named, never guessed at.
 * The stored event format has a mapper of its own and is not affected.
 */
@Configuration(proxyBeanMethods = false)
public class StrictJson {

    @Bean
    Jackson2ObjectMapperBuilderCustomizer strictClientJson() {
        return builder -> builder.postConfigurer(mapper -> {
            mapper.coercionConfigFor(LogicalType.Textual)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
            mapper.configOverride(LocalDate.class).setFormat(JsonFormat.Value.forLeniency(false));
            // An id of "" is no id: Jackson reads it as absent, and a client's own sessionId sent
            // blank got a new id drawn at every retry, each stored (a retry must store nothing).
            mapper.coercionConfigFor(UUID.class).setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        });
    }
}
