package org.signpost.query.caseload;

import io.swagger.v3.oas.annotations.Operation;
import java.time.Clock;
import java.time.LocalDate;
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
        List<CaseloadRow> rows = found.open().stream().map(p -> CaseloadRow.of(p, today)).toList();
        logged.await();
        return rows;
    }

    @Operation(tags = ApiDocumentation.PARTICIPANTS, summary = "A participant's current state",
            description = "The participant as the read model holds it (eventually consistent); ETag is its version. Roles: COORDINATOR, MANAGER, AUDITOR, LINK_WORKER. (a link worker: their own participants and their referrals only)")
    @GetMapping("/api/participants/{participantId}")
    ResponseEntity<QueryAnswers.Participant> participant(@PathVariable UUID participantId) {
        ParticipantState p = queries.participant(participantId)
                .filter(state -> Visibility.mayRead(ActingUser.current(), state.linkWorkerId()))
                .orElseThrow(() -> new NotFound("No such participant"));
        LocalDate today = BusinessCalendar.today(clock);
        QueryAnswers.Participant body = new QueryAnswers.Participant(p.participantId(), p.referralId(),
                p.active() ? "ACTIVE" : "DISCHARGED", p.name(), p.firstName(), p.lastName(), p.dateOfBirth(),
                p.age(today), p.linkWorkerId(), p.enrolledOn(), p.referralReceivedOn(), p.firstSessionOn(),
                p.lastSessionOn(), p.weekOfSupport(today), p.entitlementEndsOn(), p.sessionsHeld(),
                p.sessionsBeyondEntitlement(), p.missedSessions(), p.lastContactOn(), p.signposts(),
                p.signposts() > 0, p.extensionWeeks(), p.safeguardingConcerns(), p.dischargedOn(),
                p.dischargeReason(), p.active() ? p.flags(today).stream().map(Enum::name).toList() : List.of(),
                p.version());
        reads.record(Subject.PARTICIPANT, List.of(participantId.toString()));
        return ResponseEntity.ok().eTag("\"" + p.version() + "\"").body(body);
    }
}
