package org.signpost.app;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ValidatorFactory;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.signpost.platform.testing.Api;
import org.signpost.platform.web.RequestValidation;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Request bodies are validated without asking JPA whether their properties are loaded (they are
 * records, not entities); a missing field is still refused and named.
 */
class RequestValidationTest extends AllInOneTest {

    @Autowired
    ValidatorFactory validatorFactory;

    @Test
    void theValidatorTakesEveryPropertyAsLoaded() {
        assertThat(validatorFactory.getTraversableResolver())
                .isInstanceOf(RequestValidation.EveryPropertyReachable.class);
    }

    @Test
    void aMissingFieldIsStillRefusedByName() {
        Api.Response refused = api().as("coordinator").post("/api/referrals/" + UUID.randomUUID()
                + "/triage", "{\"triagedOn\":\"2026-10-01\"}");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("outcome");
    }
}
