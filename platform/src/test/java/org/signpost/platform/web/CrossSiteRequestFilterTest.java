package org.signpost.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.filter.ForwardedHeaderFilter;

/**
 * The service's own origin is the one it is reached at, as Spring's forwarded-header handling
 * (SERVER_FORWARD_HEADERS_STRATEGY) makes it out behind a proxy; every other origin is another
 * site. The HTTP tests (CrossSiteRequestHttpTest) run the filter in the whole service.
 */
class CrossSiteRequestFilterTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The status the request ends with: 204 if it reached the service, the filter's refusal otherwise. */
    private static int send(MockHttpServletRequest request, List<String> allowedOrigins, Filter... before) {
        HttpServlet service = new HttpServlet() {
            @Override
            protected void service(HttpServletRequest req, HttpServletResponse resp) {
                resp.setStatus(204);
            }
        };
        Filter[] filters = new Filter[before.length + 1];
        System.arraycopy(before, 0, filters, 0, before.length);
        filters[before.length] = new CrossSiteRequestFilter(allowedOrigins, JSON);
        MockHttpServletResponse response = new MockHttpServletResponse();
        try {
            new MockFilterChain(service, filters).doFilter(request, response);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return response.getStatus();
    }

    /** A POST as it reaches the service behind a TLS-terminating proxy at https://signpost.example.org. */
    private static MockHttpServletRequest behindTheProxy(Map<String, String> headers) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/referrals");
        request.setScheme("http");
        request.setServerName("10.0.0.5");
        request.setServerPort(8081);
        request.addHeader("X-Forwarded-Proto", "https");
        request.addHeader("X-Forwarded-Host", "signpost.example.org");
        request.addHeader("X-Forwarded-Port", "443");
        headers.forEach(request::addHeader);
        return request;
    }

    @Test
    void behindAProxyTheOwnOriginIsThePublicOneWhenForwardedHeadersAreHonoured() {
        Map<String, String> ownPage = Map.of("Origin", "https://signpost.example.org");
        assertThat(send(behindTheProxy(ownPage), List.of(), new ForwardedHeaderFilter())).isEqualTo(204);
        assertThat(send(behindTheProxy(Map.of("Origin", "https://evil.example")), List.of(),
                new ForwardedHeaderFilter())).isEqualTo(403);
        // Without them the service cannot know its public address, unless it is told.
        assertThat(send(behindTheProxy(ownPage), List.of())).isEqualTo(403);
        assertThat(send(behindTheProxy(ownPage), List.of("https://signpost.example.org"))).isEqualTo(204);
    }

    @Test
    void fetchMetadataDecidesBeforeOriginAndReadsAreNeverRefused() {
        MockHttpServletRequest sameOrigin = behindTheProxy(Map.of("Sec-Fetch-Site", "same-origin",
                "Origin", "https://signpost.example.org"));
        assertThat(send(sameOrigin, List.of())).isEqualTo(204);
        assertThat(send(behindTheProxy(Map.of("Sec-Fetch-Site", "cross-site")), List.of())).isEqualTo(403);
        assertThat(send(behindTheProxy(Map.of("Sec-Fetch-Site", "same-site")), List.of())).isEqualTo(403);
        assertThat(send(behindTheProxy(Map.of("Sec-Fetch-Site", "something-new")), List.of())).isEqualTo(403);
        assertThat(send(behindTheProxy(Map.of()), List.of())).as("neither header: not a browser").isEqualTo(204);
        MockHttpServletRequest read = behindTheProxy(Map.of("Sec-Fetch-Site", "cross-site",
                "Origin", "https://evil.example"));
        read.setMethod("GET");
        assertThat(send(read, List.of())).isEqualTo(204);
    }

    @Test
    void originsAreComparedAsBrowsersDo() {
        CrossSiteRequestFilter.Origin own = CrossSiteRequestFilter.Origin.parse("https://signpost.example.org").orElseThrow();
        assertThat(CrossSiteRequestFilter.Origin.parse("HTTPS://Signpost.Example.org:443")).contains(own);
        assertThat(CrossSiteRequestFilter.Origin.parse("https://signpost.example.org:8443")).isNotEqualTo(
                Optional.of(own));
        assertThat(CrossSiteRequestFilter.Origin.parse("http://signpost.example.org")).isNotEqualTo(
                Optional.of(own));
        assertThat(CrossSiteRequestFilter.Origin.parse("null")).isEmpty();
        assertThat(CrossSiteRequestFilter.Origin.parse("https://signpost.example.org/path")).isEmpty();
        assertThat(CrossSiteRequestFilter.Origin.parse("not an origin")).isEmpty();
        assertThat(CrossSiteRequestFilter.Origin.parse("http://[::1]:8080")).contains(
                new CrossSiteRequestFilter.Origin("http", "::1", 8080));
    }
}
