package org.signpost.query.audit;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.signpost.platform.BusinessCalendar;
import org.signpost.platform.apidocs.ApiDocumentation;
import org.signpost.platform.security.ActingUser;
import org.signpost.platform.security.Role;
import org.signpost.platform.web.SingleLineText;
import org.signpost.query.caseload.CaseloadQueries;
import org.signpost.query.privacy.PersonalDataReads;
import org.signpost.query.privacy.PersonalDataReads.Subject;
import org.signpost.query.privacy.Visibility;
import org.signpost.query.referrals.ReferralQueries;
import org.signpost.query.web.InvalidQuery;
import org.signpost.query.web.NotFound;
import org.signpost.query.web.QueryAnswers;
import org.springframework.http.ResponseEntity;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/** The full history of each referral and participant, and the audit search across all of them. */
@RestController
class AuditController {

    static final int DEFAULT_PAGE_SIZE = 100;
    static final int MAX_PAGE_SIZE = 1000;
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    /** The end of 9999-12-31 in London: {@code to}'s exclusive bound for the last day. */
    private static final Instant LATEST = LocalDate.of(9999, 12, 31).plusDays(1)
            .atStartOfDay(BusinessCalendar.LONDON).toInstant();

    private final AuditQueries audit;
    private final CaseloadQueries caseload;
    private final ReferralQueries referrals;
    private final PersonalDataReads reads;

    AuditController(AuditQueries audit, CaseloadQueries caseload, ReferralQueries referrals, PersonalDataReads reads) {
        this.audit = audit;
        this.caseload = caseload;
        this.referrals = referrals;
        this.reads = reads;
    }

    @Operation(tags = ApiDocumentation.REFERRALS, summary = "A referral's history",
            description = "Every event of the referral, in order, with who recorded it and when. Roles: COORDINATOR, MANAGER, AUDITOR, LINK_WORKER. (a link worker: their own participants and their referrals only)")
    @GetMapping("/api/referrals/{referralId}/history")
    List<AuditRow> referralHistory(@PathVariable UUID referralId) {
        List<AuditRow> rows = audit.history(referralId.toString(), "Referral");
        if (rows.isEmpty() || !mayReadReferral(referralId)) {
            throw new NotFound("No such referral");
        }
        reads.record(Subject.REFERRAL, List.of(referralId.toString()));
        return rows;
    }

    @Operation(tags = ApiDocumentation.PARTICIPANTS, summary = "A participant's history",
            description = "Every event of the participant, in order, with who recorded it and when. Roles: COORDINATOR, MANAGER, AUDITOR, LINK_WORKER. (a link worker: their own participants and their referrals only)")
    @GetMapping("/api/participants/{participantId}/history")
    List<AuditRow> participantHistory(@PathVariable UUID participantId) {
        ActingUser user = ActingUser.current();
        if (user.role() == Role.LINK_WORKER && caseload.participant(participantId)
                .filter(p -> Visibility.mayRead(user, p.linkWorkerId())).isEmpty()) {
            throw new NotFound("No such participant");
        }
        List<AuditRow> rows = audit.history(participantId.toString(), "Participant");
        if (rows.isEmpty()) {
            throw new NotFound("No such participant");
        }
        reads.record(Subject.PARTICIPANT, List.of(participantId.toString()));
        return rows;
    }

    /**
     * Events across all referrals and participants, oldest first, paged ({@code page} from 0).
     * {@code from} and {@code to} are instants or dates (a date means that whole day in
     * Europe/London); {@code to} is inclusive.
     */
    @Operation(tags = ApiDocumentation.AUDIT, summary = "Search the audit trail",
            description = "Events across all referrals and participants, oldest first, a page at a time (`page` from 0); `X-Total-Count` gives the number found and `Link` the next page. `from` and `to` are instants or dates (a whole day in Europe/London), `to` included. Roles: AUDITOR.")
    @GetMapping("/api/audit/events")
    ResponseEntity<List<AuditRow>> events(@RequestParam(required = false) String from,
                                          @RequestParam(required = false) String to,
                                          @RequestParam(required = false) @SingleLineText String actor,
                                          @RequestParam(required = false) @SingleLineText String type,
                                          @RequestParam(required = false) @SingleLineText String aggregateId,
                                          @RequestParam(defaultValue = "0") int page,
                                          @RequestParam(defaultValue = "" + DEFAULT_PAGE_SIZE) int size) {
        checkPage(page, size);
        Instant start = from == null ? null : instant("from", from, false);
        Instant end = to == null ? null : instant("to", to, true);
        if (start != null && end != null && end.isBefore(start)) {
            throw new InvalidQuery("to", "must not be before from");
        }
        AuditQueries.Page result = audit.search(new AuditQueries.Search(start, end, textOrNull(actor),
                textOrNull(type), textOrNull(aggregateId)), page, size);
        recordReads(result.rows());
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok().header("X-Total-Count", Long.toString(result.total()));
        if ((long) (page + 1) * size < result.total()) {
            answer.header("Link", "<" + nextPage(from, to, actor, type, aggregateId, page + 1, size) + ">; rel=\"next\"");
        }
        return answer.body(result.rows());
    }

    /**
     * The erasure log, for the data protection officer and auditors: every erasure carried out,
     * when, by whom and why, oldest first. It holds no personal data (ids, dates and the data
     * protection officer's reason, which must not name the young person).
     */
    @Operation(tags = ApiDocumentation.ERASURE, summary = "The erasure log",
            description = "Every erasure carried out: when, by whom and why; no personal data. Roles: DATA_PROTECTION_OFFICER, AUDITOR.")
    @GetMapping("/api/erasures")
    ResponseEntity<List<QueryAnswers.Erasure>> erasures(@RequestParam(defaultValue = "0") int page,
                                                       @RequestParam(defaultValue = "" + DEFAULT_PAGE_SIZE) int size) {
        checkPage(page, size);
        AuditQueries.Page result = audit.search(new AuditQueries.Search(null, null, null, "PersonalDataErased", null),
                page, size);
        List<QueryAnswers.Erasure> rows = result.rows().stream().map(AuditController::erasure).toList();
        return ResponseEntity.ok().header("X-Total-Count", Long.toString(result.total())).body(rows);
    }

    /** An erasure of the log, from its event (which holds no personal data). */
    private static QueryAnswers.Erasure erasure(AuditRow row) {
        JsonNode payload = row.payload();
        // The data protection officer's words; none in erasures recorded before they were asked for.
        String reason = payload.path("reason").isTextual() ? payload.path("reason").asText() : null;
        return new QueryAnswers.Erasure(UUID.fromString(payload.path("referralId").asText()),
                payload.path("participantId").isTextual() ? UUID.fromString(payload.path("participantId").asText())
                        : null, row.occurredOn(), reason, row.recordedAt(), row.actor(), row.role(), row.correlationId());
    }

    /** Events' payloads hold personal data: whose, is logged. */
    private void recordReads(List<AuditRow> rows) {
        reads.record(Subject.REFERRAL, rows.stream().filter(r -> r.aggregateType().equals("Referral"))
                .map(AuditRow::aggregateId).toList());
        reads.record(Subject.PARTICIPANT, rows.stream().filter(r -> r.aggregateType().equals("Participant"))
                .map(AuditRow::aggregateId).toList());
    }

    /** Who read whose personal data, oldest first, paged like the audit search. */
    @Operation(tags = ApiDocumentation.AUDIT, summary = "Reads of personal data",
            description = "Who read whose personal data and when, oldest first, paged like the audit search. Roles: AUDITOR.")
    @GetMapping("/api/audit/personal-data-reads")
    ResponseEntity<List<PersonalDataReads.Read>> personalDataReads(@RequestParam(required = false) @SingleLineText
                                                                   String subjectId,
                                                                   @RequestParam(required = false) @SingleLineText
                                                                   String actor,
                                                                   @RequestParam(required = false) String from,
                                                                   @RequestParam(required = false) String to,
                                                                   @RequestParam(defaultValue = "0") int page,
                                                                   @RequestParam(defaultValue = "" + DEFAULT_PAGE_SIZE)
                                                                   int size) {
        checkPage(page, size);
        PersonalDataReads.Page result = reads.search(new PersonalDataReads.Search(textOrNull(subjectId),
                textOrNull(actor), from == null ? null : instant("from", from, false),
                to == null ? null : instant("to", to, true)), page, size);
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok().header("X-Total-Count", Long.toString(result.total()));
        if ((long) (page + 1) * size < result.total()) {
            answer.header("Link", "<" + UriComponentsBuilder
                    .fromPath("/api/audit/personal-data-reads")
                    .queryParamIfPresent("subjectId", Optional.ofNullable(subjectId))
                    .queryParamIfPresent("actor", Optional.ofNullable(actor))
                    .queryParamIfPresent("from", Optional.ofNullable(from))
                    .queryParamIfPresent("to", Optional.ofNullable(to))
                    .queryParam("page", page + 1).queryParam("size", size)
                    .encode().build().toUriString() + ">; rel=\"next\"");
        }
        return answer.body(result.rows());
    }

    private static void checkPage(int page, int size) {
        if (page < 0) {
            throw new InvalidQuery("page", "must be 0 or more");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new InvalidQuery("size", "must be from 1 to " + MAX_PAGE_SIZE);
        }
    }

    /**
     * Decided from the read models, as the referral itself is: a link worker reads a referral's
     * history through the participant it was assigned as, while that participant is theirs.
     */
    private boolean mayReadReferral(UUID referralId) {
        ActingUser user = ActingUser.current();
        if (user.role() != Role.LINK_WORKER) {
            return true;
        }
        return referrals.participantOf(referralId).flatMap(caseload::participant)
                .filter(p -> Visibility.mayRead(user, p.linkWorkerId())).isPresent();
    }

    /**
     * An exclusive upper bound for {@code to}: the end of the day for a date, just after the instant otherwise.
     * Years are those of ISO 8601's four digits, which PostgreSQL's timestamps hold; an instant
     * a billion years away is refused rather than overflowing on its way to the database.
     */
    private static Instant instant(String field, String value, boolean upperBound) {
        Instant instant;
        try {
            if (value.length() == 10) {
                LocalDate date = LocalDate.parse(value);
                instant = (upperBound ? date.plusDays(1) : date).atStartOfDay(BusinessCalendar.LONDON).toInstant();
            } else {
                instant = Instant.parse(value);
                instant = upperBound ? instant.plusNanos(1) : instant;
            }
        } catch (DateTimeParseException e) {
            throw new InvalidQuery(field, "must be a date (YYYY-MM-DD) or an ISO-8601 instant");
        }
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            throw new InvalidQuery(field, "must be from the year 1 to the year 9999");
        }
        return instant;
    }

    /** A filter left empty filters nothing. */
    private static String textOrNull(String filter) {
        return StringUtils.hasText(filter) ? filter : null;
    }

    private static String nextPage(String from, String to, String actor, String type, String aggregateId, int page,
                                   int size) {
        return UriComponentsBuilder.fromPath("/api/audit/events")
                .queryParamIfPresent("from", Optional.ofNullable(from))
                .queryParamIfPresent("to", Optional.ofNullable(to))
                .queryParamIfPresent("actor", Optional.ofNullable(actor))
                .queryParamIfPresent("type", Optional.ofNullable(type))
                .queryParamIfPresent("aggregateId", Optional.ofNullable(aggregateId))
                .queryParam("page", page).queryParam("size", size)
                .encode().build().toUriString();
    }
}
