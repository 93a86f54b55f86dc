package org.signpost.query.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.signpost.events.ConsentGivenBy;
import org.signpost.events.LinkWorkerAssigned;
import org.signpost.events.Need;
import org.signpost.events.ParticipantEnrolled;
import org.signpost.events.PersonalData;
import org.signpost.events.PersonalDataErased;
import org.signpost.events.ReferralChannel;
import org.signpost.events.ReferralReason;
import org.signpost.events.ReferralReceived;
import org.signpost.events.ReferralSource;
import org.signpost.events.TriageOutcome;
import org.signpost.events.Triaged;
import org.signpost.events.YoungPerson;
import org.signpost.platform.privacy.PersonalDataKeys;
import org.signpost.platform.testing.Api.Response;
import org.signpost.projection.ProjectionGenerations;
import org.signpost.query.referrals.ReferralsReadModel;
import org.signpost.query.testing.History;
import org.signpost.query.testing.QuerySideTest;
import org.signpost.query.testing.Scenario;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Finding a young person by NHS number, or by surname and date of birth, over real HTTP: the
 * keyed digests of the referrals read model, who sees which match, the refusals of bad input,
 * the read log, and the digests gone with an erasure, for good, a replay included.
 */
class PeopleSearchHttpTest extends QuerySideTest {

    private static final String SEARCH = "/api/people/search";

    @Autowired
    PersonalDataKeys keys;

    @Autowired
    PlatformTransactionManager transactionManager;

    /** Names and numbers of this test alone: the read models are shared by the test classes. */
    private String surname;
    private String nhsNumber;
    private LocalDate born;
    /** Assigned to lw-1 (the user linkworker). */
    private Person own;
    /** Assigned to lw-2. */
    private Person others;
    /** Received only, not assigned. */
    private Person unassigned;

    private record Person(UUID referralId, UUID participantId) {
    }

    @BeforeEach
    void threeReferralsOfOneYoungPerson() {
        surname = "Ó'Brien-" + UUID.randomUUID().toString().substring(0, 8);
        nhsNumber = validNhsNumber();
        born = LocalDate.of(2011, 2, ThreadLocalRandom.current().nextInt(1, 28));
        List<History> events = new ArrayList<>();
        own = referral(events, 30, "lw-1");
        others = referral(events, 20, "lw-2");
        unassigned = referral(events, 10, null);
        append(events);
        awaitProjections();
    }

    private Person referral(List<History> events, int daysAgo, String linkWorkerId) {
        UUID referralId = UUID.randomUUID();
        LocalDate receivedOn = Scenario.daysAgo(daysAgo);
        YoungPerson person = new YoungPerson("Siobhán", surname, born, nhsNumber.replace(" ", ""), "LS6 3QW",
                "Park School", null, null);
        events.add(History.of(new ReferralReceived(referralId, ReferralSource.SCHOOL, ReferralChannel.EMAIL, receivedOn,
                List.of(ReferralReason.ANXIETY), List.of(Need.ANXIETY), ConsentGivenBy.YOUNG_PERSON, 14, "LS6",
                List.of(), PersonalData.of(person), null, null), 0, "coordinator", "COORDINATOR"));
        if (linkWorkerId == null) {
            return new Person(referralId, null);
        }
        events.add(History.of(new Triaged(referralId, TriageOutcome.ACCEPTED, receivedOn.plusDays(1), List.of(), null,
                null, null), 1, "coordinator", "COORDINATOR"));
        UUID participantId = UUID.randomUUID();
        events.add(History.of(new LinkWorkerAssigned(referralId, participantId, linkWorkerId, receivedOn.plusDays(2)),
                2, "coordinator", "COORDINATOR"));
        events.add(History.of(new ParticipantEnrolled(participantId, referralId, linkWorkerId, receivedOn.plusDays(2),
                receivedOn, ReferralSource.SCHOOL), 0, "coordinator", "COORDINATOR"));
        return new Person(referralId, participantId);
    }

    /** Nine random digits and their modulus-11 check digit (again if it would be 10). */
    static String validNhsNumber() {
        while (true) {
            int[] digits = new int[10];
            int sum = 0;
            for (int i = 0; i < 9; i++) {
                digits[i] = ThreadLocalRandom.current().nextInt(10);
                sum += digits[i] * (10 - i);
            }
            int check = 11 - sum % 11;
            if (check == 10) {
                continue;
            }
            digits[9] = check == 11 ? 0 : check;
            StringBuilder number = new StringBuilder();
            Arrays.stream(digits).forEach(number::append);
            return number.substring(0, 3) + " " + number.substring(3, 6) + " " + number.substring(6);
        }
    }

    private static Map<String, Object> body(Object... namesAndValues) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            body.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return body;
    }

    private static List<String> referralIds(JsonNode matches) {
        List<String> ids = new ArrayList<>();
        matches.forEach(match -> ids.add(match.path("referralId").asText()));
        return ids;
    }

    private JsonNode found(String user, Map<String, Object> search) {
        Response answer = api.as(user).post(SEARCH, search);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.contentType()).startsWith("application/json");
        return answer.json();
    }

    @Test
    void foundByNhsNumberWithOrWithoutSpacesNewestFirst() {
        for (String typed : List.of(nhsNumber, nhsNumber.replace(" ", ""), " " + nhsNumber.replace(" ", "  ") + " ")) {
            JsonNode matches = found("coordinator", body("nhsNumber", typed));
            assertThat(referralIds(matches)).as(typed).containsExactly(unassigned.referralId().toString(),
                    others.referralId().toString(), own.referralId().toString());
        }
        JsonNode newest = found("manager", body("nhsNumber", nhsNumber)).get(2);
        assertThat(newest.path("referralId").asText()).isEqualTo(own.referralId().toString());
        assertThat(newest.path("participantId").asText()).isEqualTo(own.participantId().toString());
        assertThat(newest.path("name").asText()).isEqualTo("Siobhán " + surname);
        assertThat(newest.path("dateOfBirth").asText()).isEqualTo(born.toString());
        assertThat(newest.path("status").asText()).isEqualTo("ASSIGNED");
        assertThat(newest.path("linkWorkerId").asText()).isEqualTo("lw-1");
        assertThat(newest.path("receivedOn").asText()).isEqualTo(Scenario.daysAgo(30).toString());
        JsonNode notAssigned = found("dpo", body("nhsNumber", nhsNumber)).get(0);
        assertThat(notAssigned.path("participantId").isNull()).isTrue();
        assertThat(notAssigned.path("linkWorkerId").isNull()).isTrue();
        assertThat(notAssigned.path("status").asText()).isEqualTo("AWAITING_TRIAGE");

        assertThat(found("coordinator", body("nhsNumber", validNhsNumber()))).as("another number").isEmpty();
    }

    @Test
    void foundBySurnameInAnyCaseAndSpacingWithTheDateOfBirthButNotAnotherDate() {
        // Inner whitespace is collapsed, not removed: spaces typed around the hyphen make another name.
        assertThat(found("coordinator", body("surname", surname.replace("-", " - "), "dateOfBirth", born.toString())))
                .isEmpty();
        String spaced = surname.replace("-", "  \u00a0");
        String storedSpaced = surname.replace("-", " ");
        // A surname stored with a space is found typed with several, in another case.
        List<History> events = new ArrayList<>();
        UUID referralId = UUID.randomUUID();
        events.add(History.of(new ReferralReceived(referralId, ReferralSource.GP, ReferralChannel.EMAIL,
                Scenario.daysAgo(5), List.of(ReferralReason.ANXIETY), List.of(Need.ANXIETY),
                ConsentGivenBy.YOUNG_PERSON, 14, "LS6", List.of(), PersonalData.of(new YoungPerson("Ann", storedSpaced,
                        born, null, null, null, null, null)), null, null), 0, "coordinator", "COORDINATOR"));
        append(events);
        awaitProjections();

        JsonNode bySpaced = found("manager", body("surname", " " + spaced.toUpperCase(Locale.ROOT) + " ",
                "dateOfBirth", born.toString()));
        assertThat(referralIds(bySpaced)).containsExactly(referralId.toString());
        assertThat(bySpaced.get(0).path("name").asText()).isEqualTo("Ann " + storedSpaced);

        JsonNode byCase = found("coordinator", body("surname", "  " + surname.toUpperCase(Locale.ROOT) + "\t",
                "dateOfBirth", born.toString()));
        assertThat(referralIds(byCase)).containsExactly(unassigned.referralId().toString(),
                others.referralId().toString(), own.referralId().toString());
        // Decomposed (NFD) accents are the same name as composed ones.
        String decomposed = Normalizer.normalize(surname, Normalizer.Form.NFD);
        assertThat(decomposed).isNotEqualTo(surname);
        assertThat(found("coordinator", body("surname", decomposed, "dateOfBirth", born.toString()))).hasSize(3);

        assertThat(found("coordinator", body("surname", surname, "dateOfBirth", born.plusDays(1).toString())))
                .as("the wrong date of birth").isEmpty();
        assertThat(found("coordinator", body("surname", surname + "x", "dateOfBirth", born.toString())))
                .as("another surname").isEmpty();
    }

    @Test
    void aLinkWorkerSeesOnlyTheirOwnParticipantsMatches() {
        assertThat(referralIds(found("linkworker", body("nhsNumber", nhsNumber))))
                .containsExactly(own.referralId().toString());
        assertThat(referralIds(found("linkworker2", body("surname", surname, "dateOfBirth", born.toString()))))
                .containsExactly(others.referralId().toString());
    }

    @Test
    void analystsAndAuditorsAreRefused() {
        for (String role : List.of("analyst", "auditor")) {
            Response refused = api.as(role).post(SEARCH, body("nhsNumber", nhsNumber));
            assertThat(refused.status()).as(role).isEqualTo(403);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.body()).doesNotContain(surname);
        }
        assertThat(api.anonymous().post(SEARCH, body("nhsNumber", nhsNumber)).status()).isEqualTo(401);
        assertThat(readsOf(own.referralId())).isEmpty();
    }

    @Test
    void badInputIsRefusedNamingTheField() {
        Map<Map<String, Object>, String> refused = new LinkedHashMap<>();
        refused.put(body(), "nhsNumber");
        refused.put(body("nhsNumber", nhsNumber, "surname", surname, "dateOfBirth", born.toString()), "nhsNumber");
        refused.put(body("nhsNumber", nhsNumber, "dateOfBirth", born.toString()), "nhsNumber");
        refused.put(body("nhsNumber", "123 456 789"), "nhsNumber");
        refused.put(body("nhsNumber", "12345678901"), "nhsNumber");
        refused.put(body("nhsNumber", "943-476-5919"), "nhsNumber");
        refused.put(body("nhsNumber", "943 476 5918"), "nhsNumber");
        refused.put(body("nhsNumber", ""), "nhsNumber");
        refused.put(body("surname", surname), "dateOfBirth");
        refused.put(body("dateOfBirth", born.toString()), "surname");
        refused.put(body("surname", " \t ", "dateOfBirth", born.toString()), "surname");
        refused.put(body("surname", "x".repeat(101), "dateOfBirth", born.toString()), "surname");
        refused.put(body("surname", surname, "dateOfBirth", "2011-02-30"), "dateOfBirth");
        refused.put(body("surname", surname, "dateOfBirth", "14/03/2011"), "dateOfBirth");
        refused.put(body("surname", surname, "dateOfBirth", born.toString(), "postcode", "LS6"), "postcode");
        refused.put(body("nhsNumber", 9434765919L), "nhsNumber");
        refused.forEach((search, field) -> {
            Response answer = api.as("coordinator").post(SEARCH, search);
            assertThat(answer.status()).as(search + ": " + answer.body()).isEqualTo(400);
            assertThat(answer.contentType()).as(search.toString()).startsWith("application/problem+json");
            assertThat(answer.json().path("errors").get(0).path("field").asText()).as(search.toString())
                    .isEqualTo(field);
        });
        Response notJson = api.as("coordinator").postRaw(SEARCH, "text/plain",
                nhsNumber.getBytes(StandardCharsets.UTF_8));
        assertThat(notJson.status()).isEqualTo(415);
        assertThat(notJson.contentType()).startsWith("application/problem+json");
        Response notABody = api.as("coordinator").postRaw(SEARCH, "application/json", "[".getBytes());
        assertThat(notABody.status()).isEqualTo(400);
        assertThat(readsOf(own.referralId())).isEmpty();
    }

    private JsonNode readsOf(UUID subject) {
        return api.as("auditor").get("/api/audit/personal-data-reads?subjectId=" + subject).json();
    }

    @Test
    void everyMatchShownIsLoggedAsAReadOfPersonalData() {
        assertThat(api.as("coordinator").header("X-Correlation-Id", "search-1").post(SEARCH,
                body("nhsNumber", nhsNumber)).status()).isEqualTo(200);
        assertThat(api.as("linkworker").post(SEARCH, body("surname", surname, "dateOfBirth", born.toString()))
                .status()).isEqualTo(200);

        JsonNode ownReads = readsOf(own.referralId());
        assertThat(ownReads).hasSize(2);
        assertThat(ownReads.get(0).path("endpoint").asText()).isEqualTo("POST /api/people/search");
        assertThat(ownReads.get(0).path("subjectType").asText()).isEqualTo("REFERRAL");
        assertThat(ownReads.get(0).path("actor").asText()).isEqualTo("coordinator");
        assertThat(ownReads.get(0).path("correlationId").asText()).isEqualTo("search-1");
        assertThat(ownReads.get(1).path("actor").asText()).isEqualTo("linkworker");
        // One answer, one row naming everyone it showed; the link worker's showed one person only.
        assertThat(readsOf(others.referralId())).hasSize(1);
        assertThat(readsOf(unassigned.referralId())).hasSize(1);
        assertThat(readsOf(others.referralId()).get(0).path("id").asText())
                .isEqualTo(ownReads.get(0).path("id").asText());

        assertThat(found("manager", body("nhsNumber", validNhsNumber()))).isEmpty();
        assertThat(readsOf(own.referralId())).as("an answer showing nobody logs nobody").hasSize(2);
    }

    /** The digests of these referrals in the read model's active generation. */
    private List<Map<String, Object>> digests(List<UUID> referralIds) {
        return jdbc.queryForList("SELECT referral_id, nhs_number_digest, surname_birth_digest FROM referral_view "
                + "WHERE generation = " + ProjectionGenerations.active(ReferralsReadModel.NAME)
                + " AND referral_id = ANY (?) ORDER BY referral_id", (Object) referralIds.toArray(UUID[]::new));
    }

    @Test
    void anErasedPersonIsFoundNoMoreTheirDigestsGoneEvenAfterAReplay() {
        List<UUID> all = List.of(own.referralId(), others.referralId(), unassigned.referralId());
        assertThat(digests(all)).hasSize(3).allSatisfy(row -> {
            assertThat((String) row.get("nhs_number_digest")).matches("[0-9a-f]{64}");
            assertThat((String) row.get("surname_birth_digest")).matches("[0-9a-f]{64}");
        });
        assertThat(digests(all)).extracting(row -> row.get("nhs_number_digest")).as("the same number").containsOnly(
                digests(all).get(0).get("nhs_number_digest"));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM referral_view WHERE nhs_number_digest LIKE ? "
                + "OR surname_birth_digest LIKE ?", Integer.class, "%" + nhsNumber.replace(" ", "") + "%",
                "%" + surname + "%")).as("nothing in clear").isZero();

        // The command side's erasure: the keys destroyed, then the event.
        new TransactionTemplate(transactionManager).executeWithoutResult(status ->
                keys.destroy(Arrays.asList(own.referralId(), own.participantId())));
        append(List.of(History.of(new PersonalDataErased(own.referralId(), own.participantId(), Scenario.TODAY,
                "Erasure request ER-1"), 3, "dpo", "DATA_PROTECTION_OFFICER")));
        awaitProjections();

        assertThat(referralIds(found("coordinator", body("nhsNumber", nhsNumber))))
                .containsExactly(unassigned.referralId().toString(), others.referralId().toString());
        assertThat(referralIds(found("linkworker", body("surname", surname, "dateOfBirth", born.toString()))))
                .isEmpty();
        Map<String, Object> erased = digests(List.of(own.referralId())).get(0);
        assertThat(erased.get("nhs_number_digest")).as("the erased person's digests are gone").isNull();
        assertThat(erased.get("surname_birth_digest")).isNull();
        assertThat(digests(List.of(others.referralId(), unassigned.referralId())))
                .allSatisfy(row -> assertThat(row.get("nhs_number_digest")).isNotNull());
        List<Map<String, Object>> before = digests(all);
        int generation = generations.activeGeneration(ReferralsReadModel.NAME);

        projections.replay(ReferralsReadModel.NAME);
        await().atMost(Duration.ofSeconds(60)).until(() -> generations.activeGeneration(ReferralsReadModel.NAME)
                > generation && projections.replaysIdle());
        awaitProjections();

        assertThat(digests(all)).as("the rebuilt index as it was, the erased person still without digests")
                .isEqualTo(before);
        assertThat(referralIds(found("coordinator", body("surname", surname, "dateOfBirth", born.toString()))))
                .containsExactly(unassigned.referralId().toString(), others.referralId().toString());
    }

    @Test
    void aYoungPersonWhoseKeyCannotBeOpenedLeavesTheReferralInTheReadModelUnfindable() {
        UUID referral = unassigned.referralId();
        // A key wrapped by a master key this process does not hold (a misconfiguration, not an erasure).
        superuser().update("UPDATE personal_data_key SET master_key_version = master_key_version + 1000 "
                + "WHERE subject_id = ?", referral);
        try {
            keys.forget(List.of(referral));
            int generation = generations.activeGeneration(ReferralsReadModel.NAME);
            projections.replay(ReferralsReadModel.NAME);
            await().atMost(Duration.ofSeconds(60)).until(() -> projections.replaysIdle()
                    && !projections.replaying(ReferralsReadModel.NAME));
            assertThat(generations.activeGeneration(ReferralsReadModel.NAME)).as("the replay completed")
                    .isGreaterThan(generation);
            assertThat(digests(List.of(referral))).singleElement().satisfies(row -> {
                assertThat(row.get("nhs_number_digest")).isNull();
                assertThat(row.get("surname_birth_digest")).isNull();
            });
        } finally {
            // Back as it was, past the trigger that lets a key be re-wrapped only under a newer master key.
            superuser().execute("SET session_replication_role = replica; UPDATE personal_data_key SET "
                    + "master_key_version = master_key_version - 1000 WHERE subject_id = '" + referral + "'; "
                    + "SET session_replication_role = DEFAULT");
            keys.forget(List.of(referral));
        }
        assertThat(referralIds(found("coordinator", body("nhsNumber", nhsNumber))))
                .containsExactly(others.referralId().toString(), own.referralId().toString());
    }
}
