package org.signpost.command.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.signpost.command.CommandSideApplication;
import org.signpost.platform.testing.Api;
import org.signpost.platform.testing.RealServiceTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The command side over real HTTP on a real PostgreSQL. All subclasses share one application
 * context, so one database and one server serve the whole module's HTTP tests.
 */
@SpringBootTest(classes = CommandSideApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class CommandSideHttpTest extends RealServiceTest {

    protected static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/London"));

    @Autowired
    protected JdbcTemplate jdbc;

    protected Api api;

    @BeforeEach
    void connect() {
        api = new Api(port);
    }

    protected long eventCount() {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
    }

    protected static String day(int daysAgo) {
        return TODAY.minusDays(daysAgo).toString();
    }

    protected static Map<String, Object> referralForm() {
        Map<String, Object> youngPerson = new LinkedHashMap<>();
        youngPerson.put("firstName", "Amelia");
        youngPerson.put("lastName", "Pond");
        youngPerson.put("dateOfBirth", TODAY.minusYears(14).minusDays(100).toString());
        youngPerson.put("postcode", "LS6 3QW");
        youngPerson.put("phone", "07700 900123");
        youngPerson.put("parentCarer", Map.of("name", "Tabetha Pond", "phone", "07700 900456", "relationship", "mother"));
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("source", "SCHOOL");
        form.put("channel", "ELECTRONIC_FORM");
        form.put("receivedOn", day(60));
        form.put("youngPerson", youngPerson);
        form.put("referrer", Map.of("name", "Rory Williams", "organisation", "Leadworth High", "role", "Head of year",
                "email", "rory@example.org"));
        form.put("reasons", List.of("ANXIETY", "LONELINESS"));
        form.put("needs", List.of("ANXIETY", "LONELINESS"));
        form.put("consentGivenBy", "PARENT_CARER");
        form.put("notes", "Finds school hard since moving house.");
        return form;
    }

    protected static Map<String, Object> with(Map<String, Object> form, String field, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(form);
        if (value == null) {
            copy.remove(field);
        } else {
            copy.put(field, value);
        }
        return copy;
    }

    protected static Map<String, Object> sessionForm(int daysAgo) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("heldOn", day(daysAgo));
        form.put("durationMinutes", 40);
        form.put("location", "SCHOOL");
        form.put("accompaniedBy", "NONE");
        form.put("walkMinutesFromHome", 15);
        form.put("techniques", List.of("MOTIVATIONAL_INTERVIEWING"));
        return form;
    }

    protected String receiveReferral() {
        Api.Response response = api.as("coordinator").post("/api/referrals", referralForm());
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.text("referralId");
    }

    /** A referral received, accepted and assigned to link worker lw-1: the participant's id. */
    protected String enrolledParticipant() {
        String referralId = receiveReferral();
        Api.Response triage = api.as("coordinator").post("/api/referrals/" + referralId + "/triage",
                Map.of("outcome", "ACCEPTED", "triagedOn", day(58)));
        assertThat(triage.status()).as(triage.toString()).isEqualTo(200);
        Api.Response assignment = api.as("coordinator").post("/api/referrals/" + referralId + "/assignment",
                Map.of("linkWorkerId", "lw-1", "assignedOn", day(57)));
        assertThat(assignment.status()).as(assignment.toString()).isEqualTo(200);
        return assignment.text("participantId");
    }

    protected static String randomId() {
        return UUID.randomUUID().toString();
    }
}
