package org.signpost.app;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.Filter;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.signpost.platform.testing.Api;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.security.web.FilterChainProxy;

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
}
