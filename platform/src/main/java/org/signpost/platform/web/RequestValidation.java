package org.signpost.platform.web;

import jakarta.validation.Path;
import jakarta.validation.TraversableResolver;
import java.lang.annotation.ElementType;
import org.springframework.boot.autoconfigure.validation.ValidationConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What Bean Validation checks here are request bodies (records), never JPA entities, so every
 * property is there to check. With JPA on the class path, Hibernate Validator would otherwise
 * ask JPA at every validated property whether it is loaded: a lookup of the persistence
 * providers (a scan of the class path for the first one, under a lock of the executable jar
 * that class loading takes too) and a loop over them, for an answer that is always "yes".
 */
@Configuration(proxyBeanMethods = false)
public class RequestValidation {

    @Bean
    ValidationConfigurationCustomizer everyPropertyIsReachable() {
        return configuration -> configuration.traversableResolver(new EveryPropertyReachable());
    }

    /** Every property of a validated object is loaded and may be validated and cascaded. */
    public static final class EveryPropertyReachable implements TraversableResolver {

        @Override
        public boolean isReachable(Object object, Path.Node property, Class<?> rootType, Path pathToProperty,
                                   ElementType elementType) {
            return true;
        }

        @Override
        public boolean isCascadable(Object object, Path.Node property, Class<?> rootType, Path pathToProperty,
                                    ElementType elementType) {
            return true;
        }
    }
}
