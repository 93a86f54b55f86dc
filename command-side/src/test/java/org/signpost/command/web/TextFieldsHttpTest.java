package org.signpost.command.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.signpost.platform.testing.Api;
import org.signpost.platform.testing.Api.Response;

/**
 * Text that could make a screen show other than what is stored is refused in every text field
 * of every command body (NUL and other control characters, bidirectional overrides and
 * isolates, unpaired surrogates; line breaks and tabs in fields of one line), as is a key given
 * twice: 400 naming the field by its JSON path, nothing stored. Clean text of any script is
 * accepted as sent.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TextFieldsHttpTest extends CommandSideHttpTest {

    /** Stands for the character under test in a value, replaced by its JSON escape once the body is written. */
    private static final String MARK = "@@character@@";
    private static final Map<String, String> ANYWHERE = Map.of("NUL", "\\u0000", "BEL", "\\u0007",
            "ESC", "\\u001b", "DEL", "\\u007f", "C1 NEL", "\\u0085", "right-to-left override", "\\u202e",
            "left-to-right embedding", "\\u202a", "first strong isolate", "\\u2068", "lone high surrogate", "\\ud83d",
            "lone low surrogate", "\\ude42");
    private static final Map<String, String> NOT_IN_ONE_LINE = Map.of("LF", "\\n", "CR LF", "\\r\\n", "TAB", "\\t",
            "line separator", "\\u2028");
    private static final List<String> TEXT_RULE_MESSAGES = List.of("must not contain control characters",
            "must be a single line", "must not contain bidirectional embedding, override or isolate characters",
            "must not contain an unpaired surrogate");

    /** A text field of a command body: who sends it, where, a valid body, and whether it is one line. */
    record TextField(String user, Function<TextFieldsHttpTest, String> path, Supplier<Map<String, Object>> body,
                     String field, boolean oneLine) {
    }

    /** One field spoiled with one character. */
    record Spoiled(TextField field, String character, String escape) {
        @Override
        public String toString() {
            return field.field() + " (" + field.path().apply(null) + ") with " + character;
        }
    }

    private String referral;
    private String participant;

    @BeforeAll
    void records() {
        connect();
        referral = receiveReferral();
        participant = enrolledParticipant();
    }

    static List<TextField> textFields() {
        List<TextField> fields = new ArrayList<>();
        Function<TextFieldsHttpTest, String> referrals = t -> "/api/referrals";
        for (String field : List.of("youngPerson.firstName", "youngPerson.lastName", "youngPerson.nhsNumber",
                "youngPerson.postcode", "youngPerson.school", "youngPerson.phone", "youngPerson.parentCarer.name",
                "youngPerson.parentCarer.phone", "youngPerson.parentCarer.relationship", "referrer.name",
                "referrer.organisation", "referrer.role", "referrer.email", "referrer.phone")) {
            fields.add(new TextField("coordinator", referrals, CommandSideHttpTest::referralForm, field, true));
        }
        fields.add(new TextField("coordinator", referrals, CommandSideHttpTest::referralForm, "notes", false));
        Function<TextFieldsHttpTest, String> triage = t -> "/api/referrals/" + (t == null ? "{id}" : t.referral)
                + "/triage";
        Supplier<Map<String, Object>> triageForm = () -> body("outcome", "ACCEPTED", "triagedOn", day(58),
                "reason", "Fits", "redirectedTo", "Kooth", "overrideReason", "Close enough");
        fields.add(new TextField("coordinator", triage, triageForm, "reason", false));
        fields.add(new TextField("coordinator", triage, triageForm, "redirectedTo", true));
        fields.add(new TextField("coordinator", triage, triageForm, "overrideReason", false));
        fields.add(new TextField("coordinator", t -> "/api/referrals/" + (t == null ? "{id}" : t.referral) + "/assignment",
                () -> body("linkWorkerId", "lw-1", "assignedOn", day(57)), "linkWorkerId", true));
        fields.add(new TextField("coordinator", t -> "/api/referrals/" + (t == null ? "{id}" : t.referral) + "/withdrawal",
                () -> body("reason", "Moved away", "withdrawnOn", day(1)), "reason", false));
        Function<TextFieldsHttpTest, String> participant = t -> "/api/participants/"
                + (t == null ? "{id}" : t.participant);
        fields.add(new TextField("linkworker", participant.andThen(p -> p + "/sessions"),
                () -> new LinkedHashMap<>(sessionForm(1)), "notes", false));
        fields.add(new TextField("linkworker", participant.andThen(p -> p + "/missed-sessions"),
                () -> body("plannedOn", day(2), "reason", "Unwell"), "reason", false));
        Supplier<Map<String, Object>> signpost = () -> body("organisation", "Scouts", "activity", "Camping",
                "category", "SOCIAL", "signpostedOn", day(1));
        fields.add(new TextField("linkworker", participant.andThen(p -> p + "/signposts"), signpost, "organisation", true));
        fields.add(new TextField("linkworker", participant.andThen(p -> p + "/signposts"), signpost, "activity", true));
        Supplier<Map<String, Object>> change = () -> body("linkWorkerId", "lw-2", "reason", "Leave", "changedOn", day(0));
        fields.add(new TextField("coordinator", participant.andThen(p -> p + "/link-worker"), change, "linkWorkerId", true));
        fields.add(new TextField("coordinator", participant.andThen(p -> p + "/link-worker"), change, "reason", false));
        fields.add(new TextField("manager", participant.andThen(p -> p + "/extension"),
                () -> body("weeks", 4, "reason", "More time"), "reason", false));
        fields.add(new TextField("linkworker", participant.andThen(p -> p + "/safeguarding-concerns"),
                () -> body("raisedOn", day(0), "summary", "Worried"), "summary", false));
        return fields;
    }

    static Stream<Spoiled> spoiledFields() {
        List<Spoiled> cases = new ArrayList<>();
        for (TextField field : textFields()) {
            ANYWHERE.forEach((name, escape) -> cases.add(new Spoiled(field, name, escape)));
            if (field.oneLine()) {
                NOT_IN_ONE_LINE.forEach((name, escape) -> cases.add(new Spoiled(field, name, escape)));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("spoiledFields")
    void aCharacterThatCouldSpoofAScreenIsRefusedAndNothingIsStored(Spoiled c) {
        Map<String, Object> form = c.field().body().get();
        set(form, c.field().field(), "Ann" + MARK + "e");
        String json = Api.write(form).replace(MARK, c.escape());
        long before = eventCount();

        Response response = api.as(c.field().user()).post(c.field().path().apply(this), json);

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.contentType()).isEqualTo("application/problem+json");
        List<String> messages = new ArrayList<>();
        for (JsonNode error : response.json().path("errors")) {
            if (error.path("field").asText().equals(c.field().field())) {
                messages.add(error.path("message").asText());
            }
        }
        assertThat(messages).as(response.toString()).containsAnyElementsOf(TEXT_RULE_MESSAGES);
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void cleanTextInAnyScriptIsAccepted() {
        Map<String, Object> form = referralForm();
        set(form, "youngPerson.firstName", "Zoë-Łucja");
        set(form, "youngPerson.lastName", "\u0645\u062D\u0645\u062F\u200F Ó Briain");
        set(form, "youngPerson.parentCarer.name", "Siân 🙂 Öztürk");
        form.put("notes", "First line\r\nSecond line\n\tindented, with a right-to-left mark \u200F and 😀");
        Response received = api.as("coordinator").post("/api/referrals", form);
        assertThat(received.status()).as(received.toString()).isEqualTo(201);

        Response triage = api.as("coordinator").post("/api/referrals/" + received.text("referralId") + "/triage",
                body("outcome", "ACCEPTED", "triagedOn", day(58), "reason", "Meets both criteria.\n\nFollow up."));
        assertThat(triage.status()).as(triage.toString()).isEqualTo(200);
        Response session = api.as("linkworker").post("/api/participants/" + participant + "/sessions",
                with(sessionForm(1), "notes", "Talked about school.\r\n- football\r\n- drama"));
        assertThat(session.status()).as(session.toString()).isEqualTo(201);
    }

    @Test
    void aKeyGivenTwiceIsRefusedByItsPath() {
        String form = Api.write(referralForm());
        long before = eventCount();

        Response topLevel = api.as("coordinator").post("/api/referrals",
                form.replaceFirst("\\{", "{\"source\":\"GP\","));
        Response nested = api.as("coordinator").post("/api/referrals",
                form.replace("\"youngPerson\":{", "\"youngPerson\":{\"firstName\":\"Mallory\","));
        Response inASession = api.as("linkworker").post("/api/participants/" + participant + "/sessions",
                Api.write(sessionForm(1)).replaceFirst("}$", ",\"durationMinutes\":45}"));

        for (Response response : List.of(topLevel, nested, inASession)) {
            assertThat(response.status()).as(response.toString()).isEqualTo(400);
            assertThat(response.contentType()).isEqualTo("application/problem+json");
            assertThat(response.json().path("errors").findValuesAsText("message")).containsExactly("is given more than once");
        }
        assertThat(topLevel.json().path("errors").findValuesAsText("field")).containsExactly("source");
        assertThat(nested.json().path("errors").findValuesAsText("field")).containsExactly("youngPerson.firstName");
        assertThat(inASession.json().path("errors").findValuesAsText("field")).containsExactly("durationMinutes");
        assertThat(eventCount()).isEqualTo(before);
    }

    private static Map<String, Object> body(Object... keysAndValues) {
        return BadInputHttpTest.mapOf(keysAndValues);
    }

    /** Sets the value at a dotted path, copying each object on the way so the shared forms stay unchanged. */
    @SuppressWarnings("unchecked")
    private static void set(Map<String, Object> form, String path, Object value) {
        String[] names = path.split("\\.");
        Map<String, Object> at = form;
        for (int i = 0; i < names.length - 1; i++) {
            Object inner = at.get(names[i]);
            Map<String, Object> copy = new LinkedHashMap<>(inner == null ? Map.of() : (Map<String, Object>) inner);
            at.put(names[i], copy);
            at = copy;
        }
        at.put(names[names.length - 1], value);
    }
}
