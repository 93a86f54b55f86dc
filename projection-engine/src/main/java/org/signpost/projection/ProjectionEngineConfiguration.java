package org.signpost.projection;

import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/**
 * The projection engine's beans, for an application to import. It expects beside them the
 * {@link ReadModel}s, their {@link Projection}s, an {@link org.signpost.projection.store.EventSource}
 * and the {@link ProjectionGenerations}, whose tables' owner only the application knows.
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan
public class ProjectionEngineConfiguration {
}
