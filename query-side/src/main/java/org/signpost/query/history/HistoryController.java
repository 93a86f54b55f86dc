package org.signpost.query.history;

import java.util.List;
import java.util.UUID;
import org.signpost.platform.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The full history of one referral or participant: every event, who recorded it and when. */
@RestController
class HistoryController {

    private final EventHistory history;

    HistoryController(EventHistory history) {
        this.history = history;
    }

    @GetMapping("/api/referrals/{referralId}/history")
    ResponseEntity<?> referral(@PathVariable UUID referralId) {
        return answer(history.of(referralId, "Referral"));
    }

    @GetMapping("/api/participants/{participantId}/history")
    ResponseEntity<?> participant(@PathVariable UUID participantId) {
        return answer(history.of(participantId, "Participant"));
    }

    private static ResponseEntity<?> answer(List<HistoryRow> rows) {
        if (rows.isEmpty()) {
            ProblemDetail problem = Problems.problem(HttpStatus.NOT_FOUND, "not-found", "Not found", "No such record");
            return Problems.respond(problem);
        }
        return ResponseEntity.ok(rows);
    }
}
