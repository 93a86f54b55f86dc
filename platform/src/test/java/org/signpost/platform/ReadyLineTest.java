package org.signpost.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReadyLineTest {

    @Test
    void theAddressToTypeIsTheOneListenedOnOrLocalhostForEveryInterface() {
        assertThat(ReadyLine.url("127.0.0.1", 8080)).isEqualTo("http://127.0.0.1:8080");
        assertThat(ReadyLine.url("::1", 8080)).isEqualTo("http://[::1]:8080");
        assertThat(ReadyLine.url("0.0.0.0", 8443)).isEqualTo("http://localhost:8443 (listening on every interface)");
        assertThat(ReadyLine.url(null, 8080)).isEqualTo("http://localhost:8080 (listening on every interface)");
    }
}
