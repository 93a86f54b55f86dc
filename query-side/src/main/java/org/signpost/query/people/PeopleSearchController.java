package org.signpost.query.people;

import io.swagger.v3.oas.annotations.Operation;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.signpost.events.NhsNumber;
import org.signpost.events.YoungPerson;
import org.signpost.platform.apidocs.ApiDocumentation;
import org.signpost.platform.security.ActingUser;
import org.signpost.platform.security.Role;
import org.signpost.query.caseload.CaseloadQueries;
import org.signpost.query.caseload.ParticipantState;
import org.signpost.query.privacy.PersonLookup;
import org.signpost.query.privacy.PersonalDataReads;
import org.signpost.query.privacy.PersonalDataReads.Subject;
import org.signpost.query.privacy.SealedJson;
import org.signpost.query.privacy.Visibility;
import org.signpost.query.referrals.ReferralQueries;
import org.signpost.query.referrals.ReferralQueries.Found;
import org.signpost.query.web.InvalidQuery;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Finding a young person for the staff console: by NHS number, or by surname and date of birth,
 * each an exact match of the normalised value (see {@link PersonLookup}). A POST, so that the
 * personal data searched for is never in a URL, and so never in an access log or a browser's
 * history.
 */
@RestController
class PeopleSearchController {

    static final String PATH = "/api/people/search";
    private static final int MAX_SURNAME = 100;

    private final ReferralQueries referrals;
    private final CaseloadQueries caseload;
    private final SealedJson sealed;
    private final PersonLookup lookup;
    private final PersonalDataReads reads;

    PeopleSearchController(ReferralQueries referrals, CaseloadQueries caseload, SealedJson sealed, PersonLookup lookup,
                           PersonalDataReads reads) {
        this.referrals = referrals;
        this.caseload = caseload;
        this.sealed = sealed;
        this.lookup = lookup;
        this.reads = reads;
    }

    /** Either {@code nhsNumber}, or {@code surname} and {@code dateOfBirth}. */
    record PeopleSearch(String nhsNumber, String surname, LocalDate dateOfBirth) {
    }

    /** A referral of the young person found; {@code participantId} is null until assigned. */
    record PersonMatch(UUID referralId, UUID participantId, String name, LocalDate dateOfBirth, String status,
                       String linkWorkerId, LocalDate receivedOn) {
    }

    @Operation(tags = ApiDocumentation.REFERRALS, summary = "Find a young person",
            description = "The referrals of the young person with this NHS number (10 digits, spaces allowed, valid "
                    + "check digit), or with this surname (any case and spacing) and date of birth: exact matches, "
                    + "newest first; an empty list when there are none. Body: {\"nhsNumber\"} or {\"surname\", "
                    + "\"dateOfBirth\"}. Every match is logged as a read of personal data. "
                    + "Roles: COORDINATOR, MANAGER, DATA_PROTECTION_OFFICER, LINK_WORKER. "
                    + "(a link worker: only matches of their own participants)")
    @PostMapping(path = PATH, consumes = "application/json", produces = "application/json")
    List<PersonMatch> search(@RequestBody PeopleSearch search) {
        List<Found> found = find(search);
        List<YoungPerson> people = sealed.open(found.stream().map(Found::sealedYoungPerson).toList(),
                YoungPerson.class);
        ActingUser user = ActingUser.current();
        List<PersonMatch> matches = new ArrayList<>();
        for (int i = 0; i < found.size(); i++) {
            Found referral = found.get(i);
            YoungPerson person = people.get(i);
            // Erased, its digests not yet cleared by the erasure's event: that it matched is theirs too.
            if (person == null) {
                continue;
            }
            ParticipantState participant = referral.participantId() == null ? null
                    : caseload.participant(referral.participantId()).orElse(null);
            if (!visible(user, participant)) {
                continue;
            }
            // The participant's link worker now (a change of link worker is not on the referral).
            String linkWorkerId = participant != null ? participant.linkWorkerId() : referral.linkWorkerId();
            matches.add(new PersonMatch(referral.referralId(), referral.participantId(), name(person),
                    person.dateOfBirth(), referral.status(), linkWorkerId, referral.receivedOn()));
        }
        // As GET /api/referrals/{referralId} logs the referral it shows, before the answer goes out.
        reads.record(Subject.REFERRAL, matches.stream().map(m -> m.referralId().toString()).toList());
        return matches;
    }

    /** A link worker sees a referral only through a participant currently assigned to them, as its GET does. */
    private static boolean visible(ActingUser user, ParticipantState participant) {
        if (user.role() != Role.LINK_WORKER) {
            return true;
        }
        return participant != null && Visibility.mayRead(user, participant.linkWorkerId());
    }

    private List<Found> find(PeopleSearch search) {
        boolean byName = search.surname() != null || search.dateOfBirth() != null;
        if (search.nhsNumber() != null) {
            if (byName) {
                throw new InvalidQuery("nhsNumber", "must not be given with surname or dateOfBirth: search by one "
                        + "or the other");
            }
            if (!NhsNumber.valid(search.nhsNumber())) {
                throw new InvalidQuery("nhsNumber", "must be 10 digits (spaces allowed) with a valid check digit");
            }
            return referrals.byNhsNumberDigest(lookup.nhsNumber(search.nhsNumber()));
        }
        if (!byName) {
            throw new InvalidQuery("nhsNumber", "is required, or surname and dateOfBirth");
        }
        if (search.surname() == null || PersonLookup.surname(search.surname()).isEmpty()) {
            throw new InvalidQuery("surname", search.surname() == null ? "is required with dateOfBirth"
                    : "must not be blank");
        }
        if (search.surname().length() > MAX_SURNAME) {
            throw new InvalidQuery("surname", "must be at most " + MAX_SURNAME + " characters");
        }
        if (search.dateOfBirth() == null) {
            throw new InvalidQuery("dateOfBirth", "is required with surname");
        }
        return referrals.bySurnameAndBirthDigest(lookup.surnameAndBirth(search.surname(), search.dateOfBirth()));
    }

    private static String name(YoungPerson person) {
        String first = person.firstName() == null ? "" : person.firstName();
        String last = person.lastName() == null ? "" : person.lastName();
        return (first + " " + last).strip();
    }
}
