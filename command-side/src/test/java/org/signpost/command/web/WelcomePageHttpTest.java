package org.signpost.command.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.signpost.platform.testing.Api.Response;

/** A side of its own has no console: its address names the product and links to the API's documentation. */
class WelcomePageHttpTest extends CommandSideHttpTest {

    @Test
    void theAddressItselfNamesTheProductWithoutASignInPrompt() {
        Response page = api.anonymous().header("Accept", "text/html").get("/");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("WWW-Authenticate")).isNull();
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body()).contains("Signpost").contains("href=\"/swagger-ui.html\"")
                .contains("href=\"/actuator/health\"");
        assertThat(api.anonymous().get("/").status()).as("whatever the browser accepts").isEqualTo(200);
    }
}
