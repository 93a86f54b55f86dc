package org.signpost.command.web;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.signpost.platform.BusinessCalendar;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;

/**
 * An example body for each command that the rules accept, so that a client (or Swagger UI's "Try
 * it out") starts from something that works: one young person's story, dated back from the day
 * the document is made (a person of 15 referred 20 days ago, triaged, assigned, seen, discharged
 * yesterday), never a date in the future or a person outside the ages served. The generated
 * samples did neither (a date of birth of today, a phone number made from the pattern).
 */
@Component
class CommandExamples implements OperationCustomizer {

    /** The id the erasure examples name twice: in the path and in {@code confirm}. */
    static final String ERASED_ID = "3f2c8a4e-6b1d-4c7a-9e5f-2a8b7c6d5e4f";

    private final Map<String, Function<LocalDate, Map<String, Object>>> bodies = new LinkedHashMap<>();
    private final Clock clock;

    CommandExamples(Clock clock) {
        this.clock = clock;
        bodies.put("receive", today -> body("source", "SCHOOL", "channel", "EMAIL",
                "receivedOn", today.minusDays(20),
                "youngPerson", body("firstName", "Amira", "lastName", "Okafor", "dateOfBirth", today.minusYears(15)
                                .minusDays(40), "nhsNumber", "943 476 5919", "postcode", "LS6 2QH",
                        "school", "Hillside Academy", "phone", "07700 900123",
                        "parentCarer", body("name", "Grace Okafor", "phone", "0113 496 0000", "relationship", "Mother")),
                "referrer", body("name", "Sam Patel", "organisation", "Hillside Academy", "role", "Pastoral lead",
                        "email", "s.patel@hillside.example.org", "phone", "0113 496 0123"),
                "reasons", List.of("LONELINESS", "EMOTIONAL_HEALTH"), "needs", List.of("LONELINESS"),
                "consentGivenBy", "YOUNG_PERSON", "notes", "Moved schools in September; few friends so far."));
        bodies.put("triage", today -> body("outcome", "ACCEPTED", "triagedOn", today.minusDays(19)));
        bodies.put("assign", today -> body("linkWorkerId", "lw-1", "assignedOn", today.minusDays(18)));
        bodies.put("withdraw", today -> body("reason", "The family moved out of the area before triage.",
                "withdrawnOn", today.minusDays(17)));
        bodies.put("session", today -> body("heldOn", today.minusDays(14), "durationMinutes", 45, "location", "SCHOOL",
                "accompaniedBy", "NONE", "walkMinutesFromHome", 15, "techniques", List.of("MOTIVATIONAL_INTERVIEWING"),
                "notes", "First meeting; talked about football and drama."));
        bodies.put("missedSession", today -> body("plannedOn", today.minusDays(10), "reason", "Unwell"));
        bodies.put("contact", today -> body("channel", "TEXT", "direction", "OUTBOUND",
                "contactedOn", today.minusDays(9)));
        bodies.put("measure", today -> body("instrument", "SWEMWBS", "timepoint", "BASELINE",
                "recordedOn", today.minusDays(14), "itemScores", List.of(3, 2, 3, 3, 2, 3, 3)));
        bodies.put("signpost", today -> body("organisation", "Leeds Youth Football Club", "activity",
                "Saturday training", "category", "PHYSICAL_ACTIVITY", "signpostedOn", today.minusDays(7),
                "fundedAccess", true, "transportSupport", "BUS_PASS"));
        bodies.put("uptake", today -> body("attended", true, "recordedOn", today.minusDays(2)));
        bodies.put("changeLinkWorker", today -> body("linkWorkerId", "lw-2", "reason",
                "Closer to the young person's school.", "changedOn", today.minusDays(6)));
        bodies.put("extend", today -> body("weeks", 4, "reason", "Settling into the football club; a few more weeks "
                + "of support agreed."));
        bodies.put("safeguardingConcern", today -> body("raisedOn", today.minusDays(3), "summary",
                "Disclosed worries at home; referred to the school's safeguarding lead."));
        bodies.put("closeSafeguardingConcern", today -> body("closedOn", today.minusDays(2), "outcome",
                "The school's safeguarding lead met the family; support is in place at home."));
        bodies.put("discharge", today -> body("reason", "COMPLETED", "dischargedOn", today.minusDays(1)));
        bodies.put("eraseReferral", today -> body("reason", "Erasure request ER-2031, upheld", "confirm", ERASED_ID));
        bodies.put("eraseParticipant", today -> body("reason", "Erasure request ER-2032, upheld", "confirm", ERASED_ID));
    }

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        Function<LocalDate, Map<String, Object>> example = bodies.get(handler.getMethod().getName());
        if (example == null || !handler.getBeanType().getPackageName().equals(getClass().getPackageName())
                || operation.getRequestBody() == null) {
            return operation;
        }
        Content content = operation.getRequestBody().getContent();
        MediaType json = content.get(org.springframework.http.MediaType.APPLICATION_JSON_VALUE);
        if (json != null) {
            json.setExample(example.apply(BusinessCalendar.today(clock)));
        }
        if (handler.getMethod().getName().startsWith("erase") && operation.getParameters() != null) {
            operation.getParameters().stream().filter(p -> "path".equals(p.getIn())).forEach(p -> p.example(ERASED_ID));
        }
        return operation;
    }

    private static Map<String, Object> body(Object... namesAndValues) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            Object value = namesAndValues[i + 1];
            body.put((String) namesAndValues[i], value instanceof LocalDate date ? date.toString() : value);
        }
        return body;
    }
}
