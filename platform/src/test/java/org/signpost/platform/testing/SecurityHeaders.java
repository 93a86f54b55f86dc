package org.signpost.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.signpost.platform.testing.Api.Response;

/** The headers every answer of the service carries, refusals and errors included. */
public final class SecurityHeaders {

    private SecurityHeaders() {
    }

    public static void assertPresent(Response answer) {
        assertThat(answer.header("Content-Security-Policy")).isEqualTo("default-src 'none'; frame-ancestors 'none'");
        assertThat(answer.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(answer.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(answer.header("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(answer.header("Strict-Transport-Security")).startsWith("max-age=31536000");
        assertThat(answer.header("Cache-Control")).contains("no-store");
    }
}
