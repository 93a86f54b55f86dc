package org.signpost.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import org.junit.jupiter.api.Test;
import org.signpost.platform.testing.Api;
import org.slf4j.LoggerFactory;

/**
 * Nothing stands in front of the loggers' level checks: a turbo filter on the logging context
 * (Micrometer's count of log events puts one there) runs at every check of every logger, also
 * at the trace and debug checks a request makes by the hundred that log nothing.
 */
class LogLevelChecksTest extends AllInOneTest {

    @Test
    void theLoggingContextHasNoTurboFilter() {
        Api api = api();
        assertThat(api.anonymous().get("/actuator/health").status()).isEqualTo(200);
        LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
        assertThat(logging.getTurboFilterList()).isEmpty();
        String metrics = api.as("analyst").header("Accept", "text/plain").get("/actuator/prometheus").body();
        assertThat(metrics).contains("http_server_requests_seconds_count").doesNotContain("logback_events");
    }
}
