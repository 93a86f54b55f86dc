package org.signpost.query.caseload;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.signpost.platform.BusinessCalendar;
import org.signpost.platform.apidocs.ApiDocumentation;
import org.signpost.platform.security.ActingUser;
import org.signpost.platform.security.CurrentUsers;
import org.signpost.platform.security.Role;
import org.signpost.query.privacy.PersonalDataReads;
import org.signpost.query.privacy.PersonalDataReads.Subject;
import org.signpost.query.privacy.Visibility;
import org.signpost.query.web.Forbidden;
import org.signpost.query.web.NotFound;
import org.signpost.query.web.QueryAnswers;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Link workers' caseloads and capacity, and each participant's current state. */
@RestController
@EnableConfigurationProperties(CaseloadProperties.class)
class CaseloadController {

    private final CaseloadQueries queries;
    private final CaseloadProperties capacity;
    private final CurrentUsers users;
    private final Clock clock;
    private final PersonalDataReads reads;

    CaseloadController(CaseloadQueries queries, CaseloadProperties capacity, CurrentUsers users, Clock clock,
                       PersonalDataReads reads) {
        this.reads = reads;
        this.queries = queries;
        this.capacity = capacity;
        this.users = users;
        this.clock = clock;
    }

    record LinkWorkerCaseload(String linkWorkerId, int active, int capacity) {
    }

    /** Every link worker known from assignments or from the users file, with active count against capacity. */
    @Operation(tags = ApiDocumentation.CASELOADS, summary = "Every link worker's caseload size",
            description = "Each link worker's active participants against their capacity. Roles: COORDINATOR, MANAGER, LINK_WORKER. (a link worker: their own only)")
    @GetMapping("/api/caseloads")
    List<LinkWorkerCaseload> caseloads() {
        Map<String, Integer> active = new TreeMap<>();
        users.get().linkWorkerIds().forEach(id -> active.put(id, 0));
        queries.activeCounts().forEach(load -> active.put(load.linkWorkerId(), load.active()));
        ActingUser user = ActingUser.current();
        return active.entrySet().stream()
                .filter(e -> user.role() != Role.LINK_WORKER || e.getKey().equals(user.linkWorkerId()))
                .map(e -> new LinkWorkerCaseload(e.getKey(), e.getValue(), capacity.capacityOf(e.getKey())))
                .toList();
    }

    @Operation(tags = ApiDocumentation.CASELOADS, summary = "A link worker's caseload",
            description = "The active participants of one link worker, with week of support, sessions and flags. Roles: COORDINATOR, MANAGER, LINK_WORKER. (a link worker: their own caseload only; another's is 403)")
    @GetMapping("/api/caseloads/{linkWorkerId}")
    List<CaseloadRow> caseload(@PathVariable String linkWorkerId) {
        ActingUser user = ActingUser.current();
        if (user.role() == Role.LINK_WORKER && !linkWorkerId.equals(user.linkWorkerId())) {
            throw new Forbidden("A link worker sees only their own caseload");
        }
        LocalDate today = BusinessCalendar.today(clock);
        CaseloadQueries.SealedParticipants found = queries.activeParticipantsOf(linkWorkerId);
        // The log is written while the people are opened; the answer waits for it.
        PersonalDataReads.Logging logged = reads.logWhileAnswering(Subject.PARTICIPANT,
                found.participantIds().stream().map(UUID::toString).toList());
        List<CaseloadRow> rows = found.open().stream().map(p -> new CaseloadRow(p.participantId(), p.referralId(),
                p.name(), p.age(today), p.firstSessionOn(), p.weekOfSupport(today), p.sessionsHeld(),
                p.lastContactOn(), p.signposts() > 0, p.flags(today))).toList();
        logged.await();
        return rows;
    }

    /**
     * One participant of a caseload as answered. A record rather than a map: Jackson writes it
     * with serializers it chose once, not looked up again for every value of every row.
     */
    record CaseloadRow(UUID participantId, UUID referralId, String name, Integer age, LocalDate firstSessionOn,
                       Integer weekOfSupport, int sessionsHeld, LocalDate lastContactOn, boolean signposted,
                       List<CaseloadFlag> flags) {
    }

    @Operation(tags = ApiDocumentation.PARTICIPANTS, summary = "A participant's current state",
            description = "The participant as the read model holds it (eventually consistent); ETag is its version. Roles: COORDINATOR, MANAGER, AUDITOR, LINK_WORKER. (a link worker: their own participants and their referrals only)")
    @ApiResponse(responseCode = "200", description = "OK",
            content = @Content(schema = @Schema(implementation = QueryAnswers.Participant.class)))
    @GetMapping("/api/participants/{participantId}")
    ResponseEntity<Map<String, Object>> participant(@PathVariable UUID participantId) {
        ParticipantState p = queries.participant(participantId)
                .filter(state -> Visibility.mayRead(ActingUser.current(), state.linkWorkerId()))
                .orElseThrow(() -> new NotFound("No such participant"));
        LocalDate today = BusinessCalendar.today(clock);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("participantId", p.participantId());
        body.put("referralId", p.referralId());
        body.put("status", p.active() ? "ACTIVE" : "DISCHARGED");
        body.put("name", p.name());
        body.put("firstName", p.firstName());
        body.put("lastName", p.lastName());
        body.put("dateOfBirth", p.dateOfBirth());
        body.put("age", p.age(today));
        body.put("linkWorkerId", p.linkWorkerId());
        body.put("enrolledOn", p.enrolledOn());
        body.put("referralReceivedOn", p.referralReceivedOn());
        body.put("firstSessionOn", p.firstSessionOn());
        body.put("lastSessionOn", p.lastSessionOn());
        body.put("weekOfSupport", p.weekOfSupport(today));
        body.put("entitlementEndsOn", p.entitlementEndsOn());
        body.put("sessionsHeld", p.sessionsHeld());
        body.put("sessionsBeyondEntitlement", p.sessionsBeyondEntitlement());
        body.put("missedSessions", p.missedSessions());
        body.put("lastContactOn", p.lastContactOn());
        body.put("signposts", p.signposts());
        body.put("signposted", p.signposts() > 0);
        body.put("extensionWeeks", p.extensionWeeks());
        body.put("safeguardingConcerns", p.safeguardingConcerns());
        body.put("dischargedOn", p.dischargedOn());
        body.put("dischargeReason", p.dischargeReason());
        body.put("flags", p.active() ? p.flags(today) : List.of());
        body.put("version", p.version());
        reads.record(Subject.PARTICIPANT, List.of(participantId.toString()));
        return ResponseEntity.ok().eTag("\"" + p.version() + "\"").body(body);
    }
}
