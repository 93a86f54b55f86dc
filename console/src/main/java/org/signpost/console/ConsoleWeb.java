package org.signpost.console;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/** How the console's pages are served. */
@Configuration(proxyBeanMethods = false)
class ConsoleWeb {

    /**
     * No rewriting of a page's links into versioned resource URLs. Spring Boot puts that filter in
     * front of Thymeleaf wherever a resource chain is on (the WebJars locator that Swagger UI
     * brings turns it on), and it then looks every link of a page up on the classpath, in the
     * jar's nested jars, before it writes it: 100 ms of a caseload page of 100 participants
     * (docs/benchmarks.md). The console's files have fixed names and no versions to add. Registered
     * and disabled, so that Boot's own is not registered.
     */
    @Bean
    FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilter() {
        FilterRegistrationBean<ResourceUrlEncodingFilter> registration =
                new FilterRegistrationBean<>(new ResourceUrlEncodingFilter());
        registration.setEnabled(false);
        return registration;
    }
}
