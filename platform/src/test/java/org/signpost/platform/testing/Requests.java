package org.signpost.platform.testing;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Bodies of commands as clients send them, for tests that need a valid one and no particular one. */
public final class Requests {

    private Requests() {
    }

    /**
     * A referral of a 15-year-old with anxiety, received that many days ago, that passes triage's
     * inclusion criteria; a mutable map, so that a test can add or change a field.
     */
    public static Map<String, Object> referral(String firstName, String lastName, int receivedDaysAgo) {
        LocalDate today = LocalDate.now();
        Map<String, Object> referral = new LinkedHashMap<>();
        referral.put("source", "GP");
        referral.put("channel", "EMAIL");
        referral.put("receivedOn", today.minusDays(receivedDaysAgo).toString());
        referral.put("youngPerson", Map.of("firstName", firstName, "lastName", lastName,
                "dateOfBirth", today.minusYears(15).toString()));
        referral.put("reasons", List.of("ANXIETY"));
        referral.put("needs", List.of("ANXIETY"));
        referral.put("consentGivenBy", "YOUNG_PERSON");
        return referral;
    }
}
