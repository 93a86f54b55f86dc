package org.signpost.query.referrals;

import io.swagger.v3.oas.annotations.Operation;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.signpost.platform.BusinessCalendar;
import org.signpost.platform.apidocs.ApiDocumentation;
import org.signpost.platform.security.ActingUser;
import org.signpost.platform.security.Role;
import org.signpost.query.caseload.CaseloadQueries;
import org.signpost.query.privacy.PersonalDataReads;
import org.signpost.query.privacy.PersonalDataReads.Subject;
import org.signpost.query.privacy.Visibility;
import org.signpost.query.web.NotFound;
import org.signpost.query.web.QueryAnswers;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The coordinators' triage queue and each referral's current state. */
@RestController
class ReferralQueryController {

    private final ReferralQueries referrals;
    private final CaseloadQueries caseload;
    private final Clock clock;
    private final PersonalDataReads reads;

    ReferralQueryController(ReferralQueries referrals, CaseloadQueries caseload, Clock clock, PersonalDataReads reads) {
        this.reads = reads;
        this.referrals = referrals;
        this.caseload = caseload;
        this.clock = clock;
    }

    record TriageQueueEntry(UUID referralId, LocalDate receivedOn, long daysWaiting, String source,
                            List<String> failedCriteria) {
    }

    @Operation(tags = ApiDocumentation.REFERRALS, summary = "The triage queue",
            description = "Referrals awaiting triage, oldest first, with days waiting and the inclusion criteria each fails. Roles: COORDINATOR, MANAGER.")
    @GetMapping("/api/triage-queue")
    List<TriageQueueEntry> triageQueue() {
        LocalDate today = BusinessCalendar.today(clock);
        return referrals.awaitingTriage().stream()
                .map(w -> new TriageQueueEntry(w.referralId(), w.receivedOn(),
                        Math.max(0, ChronoUnit.DAYS.between(w.receivedOn(), today)), w.source(), w.failedCriteria()))
                .toList();
    }

    @Operation(tags = ApiDocumentation.REFERRALS, summary = "A referral's current state",
            description = "The referral as the read model holds it (eventually consistent); ETag is its version. Roles: COORDINATOR, MANAGER, AUDITOR, LINK_WORKER. (a link worker: their own participants and their referrals only)")
    @GetMapping("/api/referrals/{referralId}")
    ResponseEntity<QueryAnswers.Referral> referral(@PathVariable UUID referralId) {
        QueryAnswers.Referral state = referrals.referral(referralId)
                .filter(this::visible)
                .orElseThrow(() -> new NotFound("No such referral"));
        reads.record(Subject.REFERRAL, List.of(referralId.toString()));
        return ResponseEntity.ok().eTag("\"" + state.version() + "\"").body(state);
    }

    /** A link worker sees a referral only through a participant currently assigned to them. */
    private boolean visible(QueryAnswers.Referral referral) {
        ActingUser user = ActingUser.current();
        if (user.role() != Role.LINK_WORKER) {
            return true;
        }
        UUID participantId = referral.participantId();
        return participantId != null && caseload.participant(participantId)
                .filter(p -> Visibility.mayRead(user, p.linkWorkerId())).isPresent();
    }
}
