package org.signpost.query.caseload;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.signpost.platform.BusinessCalendar;
import org.signpost.platform.apidocs.ApiDocumentation;
import org.signpost.query.privacy.PersonalDataReads;
import org.signpost.query.privacy.PersonalDataReads.Subject;
import org.signpost.query.web.NotFound;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caseload flags across the service, for whoever oversees every caseload: how many active
 * participants have each flag (no one's personal data, so no read to log), and the participants
 * with one flag (their names opened, and the read logged, for those only).
 */
@RestController
class CaseloadFlagsController {

    private final CaseloadQueries queries;
    private final Clock clock;
    private final PersonalDataReads reads;

    CaseloadFlagsController(CaseloadQueries queries, Clock clock, PersonalDataReads reads) {
        this.queries = queries;
        this.clock = clock;
        this.reads = reads;
    }

    /** How many active participants have this flag today. */
    record FlagCount(CaseloadFlag flag, int participants) {
    }

    @Operation(tags = ApiDocumentation.CASELOADS, summary = "How many participants have each caseload flag",
            description = "Every caseload flag with the number of active participants of every caseload who have it "
                    + "today; no names, so no personal-data read is logged. Roles: COORDINATOR, MANAGER.")
    @GetMapping("/api/caseload-flags")
    List<FlagCount> counts() {
        LocalDate today = BusinessCalendar.today(clock);
        Map<CaseloadFlag, Integer> counts = new EnumMap<>(CaseloadFlag.class);
        Arrays.stream(CaseloadFlag.values()).forEach(flag -> counts.put(flag, 0));
        for (ParticipantState participant : queries.activeParticipants().unopened()) {
            participant.flags(today).forEach(flag -> counts.merge(flag, 1, Integer::sum));
        }
        return counts.entrySet().stream().map(e -> new FlagCount(e.getKey(), e.getValue())).toList();
    }

    @Operation(tags = ApiDocumentation.CASELOADS, summary = "The participants who have a caseload flag",
            description = "The active participants of every caseload who have this flag today (e.g. "
                    + "NO_CONTACT_14_DAYS), by link worker; the read of each is logged. Roles: COORDINATOR, MANAGER.")
    @ApiResponse(responseCode = "200", description = "OK")
    @ApiResponse(responseCode = "404", description = "No caseload flag of that name",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(ref = "#/components/schemas/ProblemDetail")))
    @GetMapping("/api/caseload-flags/{flag}")
    List<CaseloadRow> withFlag(@PathVariable String flag) {
        CaseloadFlag asked = Arrays.stream(CaseloadFlag.values()).filter(known -> known.name().equals(flag))
                .findFirst().orElseThrow(() -> new NotFound("No such caseload flag"));
        LocalDate today = BusinessCalendar.today(clock);
        CaseloadQueries.SealedParticipants found = queries.activeParticipants()
                .where(participant -> participant.flags(today).contains(asked));
        PersonalDataReads.Logging logged = reads.logWhileAnswering(Subject.PARTICIPANT,
                found.participantIds().stream().map(UUID::toString).toList());
        List<CaseloadRow> rows = found.open().stream().map(p -> CaseloadRow.of(p, today)).toList();
        logged.await();
        return rows;
    }
}
