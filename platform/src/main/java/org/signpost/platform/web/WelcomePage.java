package org.signpost.platform.web;

import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What a person who opens the service's address in a browser sees: the product's name and where
 * to go next (the API documentation, health), without a sign-in prompt, rather than a Basic
 * prompt and then a 404. It holds nothing but those links, so anyone may see it (docs/access.md).
 * Where the staff console runs in the same process (the all-in-one service), the console has this
 * address instead. Not an operation of the API: left out of the
 * OpenAPI document.
 */
@Hidden
@RestController
@ConditionalOnMissingClass("org.signpost.console.ConsoleApplication")
class WelcomePage {

    private final String page;

    WelcomePage(@Value("${springdoc.swagger-ui.enabled:true}") boolean apiDocs) {
        String docs = apiDocs ? """
                  <li><a href="/swagger-ui.html">API documentation</a> (Swagger UI; sign in with your Signpost \
                user, then press Authorize to try the operations) and the <a href="/v3/api-docs">OpenAPI \
                document</a></li>
                """ : "";
        this.page = """
                <!DOCTYPE html>
                <html lang="en">
                <head><meta charset="utf-8"><title>Signpost</title></head>
                <body>
                <h1>Signpost</h1>
                <p>Case records for youth social prescribing: referrals, link workers' support, caseloads,
                audit and evaluation metrics. This address serves Signpost's HTTP API.</p>
                <ul>
                """ + docs + """
                  <li><a href="/actuator/health">Health</a> (no sign-in)</li>
                </ul>
                </body>
                </html>
                """;
    }

    @GetMapping(path = "/", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> welcome() {
        return ResponseEntity.ok().cacheControl(CacheControl.noCache()).contentType(MediaType.TEXT_HTML).body(page);
    }
}
