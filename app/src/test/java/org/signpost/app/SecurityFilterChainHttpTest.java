package org.signpost.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import jakarta.servlet.Filter;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.signpost.platform.testing.Api;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.web.servlet.handler.HandlerMappingIntrospector;

/**
 * The security filter chain the service runs is Spring Security's own, without the matching of
 * every request against Spring MVC's mappings that Spring Security 6 puts in front of it
 * (NoMvcIntrospectionBeforeSecurity), and it still decides who may do what.
 */
class SecurityFilterChainHttpTest extends AllInOneTest {

    @Autowired
    @Qualifier("springSecurityFilterChain")
    Filter springSecurityFilterChain;

    @Test
    void theFilterChainIsSpringSecuritysOwnWithNoMvcLookupInFrontOfIt() {
        // Spring Security's MVC configuration wraps the chain in a FilterChainProxy of its own whose
        // first filter is the MVC lookup; the chain proper (WebSecurityConfiguration's) is what is left.
        assertThat(springSecurityFilterChain).isInstanceOf(FilterChainProxy.class);
        assertThat(springSecurityFilterChain.getClass().getName())
                .as("the MVC configuration's wrapper is still there: a newer Spring Security wraps its chain "
                        + "in a way NoMvcIntrospectionBeforeSecurity does not know")
                .doesNotContain("WebMvcSecurityConfiguration");
    }

    @Test
    void requestsAreStillAuthenticatedAndAuthorizedByTheChain() {
        Api api = api();
        assertThat(api.anonymous().get("/api/referrals").status()).isEqualTo(401);
        assertThat(api.as("linkworker").post("/api/referrals", Map.of()).status()).isEqualTo(403);
        assertThat(api.as("coordinator").post("/api/referrals", Map.of()).status()).isEqualTo(400);
        assertThat(api.anonymous().get("/actuator/health").status()).isEqualTo(200);
    }

    /**
     * No access rule asks Spring MVC which mapping a request goes to: with the MVC lookup's cache
     * gone, such a rule would repeat the lookup on every request. Spring MVC logs each lookup done
     * without the cache at TRACE.
     */
    @Test
    void noAccessRuleLooksUpSpringMvcsMappings() {
        Logger introspector = (Logger) LoggerFactory.getLogger(HandlerMappingIntrospector.class);
        Level level = introspector.getLevel();
        ListAppender<ILoggingEvent> lookups = new ListAppender<>();
        lookups.start();
        introspector.addAppender(lookups);
        introspector.setLevel(Level.TRACE);
        try {
            Api api = api();
            assertThat(api.as("coordinator").post("/api/referrals", Map.of()).status()).isEqualTo(400);
            assertThat(api.as("analyst").get("/api/projections").status()).isEqualTo(200);
            assertThat(api.as("linkworker").get("/api/caseloads").status()).isEqualTo(200);
            assertThat(api.anonymous().get("/sign-in").status()).isEqualTo(200);
            assertThat(api.anonymous().get("/inbox").status()).isEqualTo(302);
        } finally {
            introspector.detachAppender(lookups);
            introspector.setLevel(level);
        }
        assertThat(lookups.list).extracting(ILoggingEvent::getFormattedMessage)
                .noneMatch(message -> message.contains("Cache miss"));
    }
}
