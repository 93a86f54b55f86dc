package org.signpost.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses state-changing requests that a page of another site made a browser send: browsers
 * resend cached Basic credentials with them, so a plain form elsewhere could otherwise erase a
 * child's data. A browser says where a request comes from in {@code Sec-Fetch-Site}, or, older
 * ones, in {@code Origin}; clients that are not browsers send neither and pass. Runs before
 * authentication, so such a request never reaches a handler whoever's credentials it carries.
 */
public class CrossSiteRequestFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(CrossSiteRequestFilter.class);
    private static final Set<String> STATE_CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final Set<Origin> allowedOrigins;
    private final ObjectMapper objectMapper;

    /**
     * @param allowedOrigins origins besides the service's own whose pages may send these requests
     *                       (scheme://host[:port]), e.g. its public address behind a proxy that
     *                       does not pass the original host on
     */
    public CrossSiteRequestFilter(Collection<String> allowedOrigins, ObjectMapper objectMapper) {
        this.allowedOrigins = allowedOrigins.stream().filter(o -> !o.isBlank()).map(o -> Origin.parse(o.trim())
                        .orElseThrow(() -> new IllegalArgumentException("Not an origin (scheme://host[:port]): " + o)))
                .collect(Collectors.toUnmodifiableSet());
        this.objectMapper = objectMapper;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (STATE_CHANGING.contains(request.getMethod()) && crossSite(request)) {
            log.info("Cross-site {} {} refused (Sec-Fetch-Site {}, Origin {})", request.getMethod(),
                    request.getRequestURI(), printable(request.getHeader("Sec-Fetch-Site")),
                    printable(request.getHeader("Origin")));
            response.setStatus(HttpStatus.FORBIDDEN.value());
            response.setContentType(Problems.PROBLEM_JSON.toString());
            objectMapper.writeValue(response.getOutputStream(), Problems.problem(HttpStatus.FORBIDDEN,
                    "cross-site-request", "Cross-site request refused",
                    "A request that changes data must come from this service's own pages or from a client "
                            + "that is not a browser, not from another site."));
            return;
        }
        chain.doFilter(request, response);
    }

    private boolean crossSite(HttpServletRequest request) {
        String origin = request.getHeader("Origin");
        if (origin != null && allowed(origin)) {
            return false;
        }
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null) {
            // "none" is the user's own doing (typed, bookmarked); anything but these two comes from elsewhere.
            return !site.equals("same-origin") && !site.equals("none");
        }
        // "Origin: null" is a sandboxed, file or privacy-redirected page: never this service's own.
        return origin != null && !Origin.parse(origin).equals(Optional.of(Origin.of(request)));
    }

    private boolean allowed(String origin) {
        return Origin.parse(origin).filter(allowedOrigins::contains).isPresent();
    }

    /** A header's value for the log: it is the client's, so no line breaks and no length beyond reason. */
    private static String printable(String value) {
        if (value == null) {
            return "absent";
        }
        String flat = value.replaceAll("\\p{Cntrl}", "?");
        return flat.length() > 100 ? flat.substring(0, 100) + "..." : flat;
    }

    /** Scheme, host and port, as browsers compare them; the port explicit even where it is the default. */
    record Origin(String scheme, String host, int port) {

        static Optional<Origin> parse(String text) {
            try {
                URI uri = new URI(text);
                boolean bare = uri.getRawPath() == null || uri.getRawPath().isEmpty();
                if (uri.getScheme() == null || uri.getHost() == null || !bare || uri.getRawQuery() != null
                        || uri.getRawUserInfo() != null) {
                    return Optional.empty();
                }
                return Optional.of(of(uri.getScheme(), uri.getHost(), uri.getPort()));
            } catch (URISyntaxException e) {
                return Optional.empty();
            }
        }

        /** The service's own origin as this request reached it (after any forwarded headers were applied). */
        static Origin of(HttpServletRequest request) {
            return of(request.getScheme(), request.getServerName(), request.getServerPort());
        }

        private static Origin of(String scheme, String host, int port) {
            String s = scheme.toLowerCase(Locale.ROOT);
            String h = host.toLowerCase(Locale.ROOT);
            if (h.startsWith("[") && h.endsWith("]")) {
                h = h.substring(1, h.length() - 1);
            }
            return new Origin(s, h, port >= 0 ? port : s.equals("https") ? 443 : s.equals("http") ? 80 : -1);
        }
    }
}
