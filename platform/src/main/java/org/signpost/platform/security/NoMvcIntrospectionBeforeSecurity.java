package org.signpost.platform.security;

import java.util.List;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.config.ConstructorArgumentValues.ValueHolder;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.security.config.BeanIds;

/**
 * Takes away the filter Spring Security 6 puts in front of its filter chain whenever Spring MVC is
 * present: it matches every request against all of Spring MVC's mappings (HandlerMappingIntrospector's
 * cache) before the DispatcherServlet matches it again. That cache serves only MVC request matchers
 * and MVC's CORS configurations, and this service uses neither: its rules are path patterns
 * (PathPatternRequestMatcher, also for {@code requestMatchers("/path")}: SecurityConfiguration's
 * pathPatternRequestMatchers) and it answers no cross-origin requests. The lookup cost 6 % of the
 * CPU of a command (docs/benchmarks.md, "Where the time goes"); Spring Security 7 drops the filter.
 *
 * <p>Spring Security's registry post-processor replaces the {@code springSecurityFilterChain} bean
 * with a composite of the cache filter and the original chain; this puts the original back. If a
 * later version builds the composite differently, nothing is changed (SecurityFilterChainHttpTest
 * then fails, saying so).
 */
final class NoMvcIntrospectionBeforeSecurity implements BeanFactoryPostProcessor {

    private static final String FILTER_CHAIN = BeanIds.SPRING_SECURITY_FILTER_CHAIN;
    private static final String COMPOSITE = "WebMvcSecurityConfiguration$CompositeFilterChainProxy";
    private static final String CACHE_FILTER = "WebMvcSecurityConfiguration$HandlerMappingIntrospectorCacheFilterFactoryBean";

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        if (!(beanFactory instanceof BeanDefinitionRegistry registry) || !registry.containsBeanDefinition(FILTER_CHAIN)) {
            return;
        }
        BeanDefinition composite = registry.getBeanDefinition(FILTER_CHAIN);
        if (composite.getBeanClassName() == null || !composite.getBeanClassName().endsWith(COMPOSITE)) {
            return;
        }
        ValueHolder filters = composite.getConstructorArgumentValues().getIndexedArgumentValue(0, null);
        if (filters == null || !(filters.getValue() instanceof List<?> list) || list.size() != 2
                || !(list.get(0) instanceof BeanDefinition cache) || cache.getBeanClassName() == null
                || !cache.getBeanClassName().endsWith(CACHE_FILTER) || !(list.get(1) instanceof BeanDefinition chain)) {
            return;
        }
        registry.removeBeanDefinition(FILTER_CHAIN);
        registry.registerBeanDefinition(FILTER_CHAIN, chain);
    }
}
