package org.signpost.query.caseload;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * One active participant as a caseload answers them: a link worker's caseload, and those of every
 * caseload who have a flag. A record rather than a map: Jackson writes it with serializers it
 * chose once, not looked up again for every value of every row.
 */
record CaseloadRow(UUID participantId, UUID referralId, String linkWorkerId, String name, Integer age,
                   LocalDate firstSessionOn, Integer weekOfSupport, int sessionsHeld, LocalDate lastContactOn,
                   boolean signposted, List<CaseloadFlag> flags) {

    /** The participant as they stand today (their young person opened, or the name is null). */
    static CaseloadRow of(ParticipantState participant, LocalDate today) {
        return new CaseloadRow(participant.participantId(), participant.referralId(), participant.linkWorkerId(),
                participant.name(), participant.age(today), participant.firstSessionOn(),
                participant.weekOfSupport(today), participant.sessionsHeld(), participant.lastContactOn(),
                participant.signposts() > 0, participant.flags(today));
    }
}
