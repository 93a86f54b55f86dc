package org.signpost.benchmarks.floor;

import jakarta.validation.Valid;
import java.util.Map;
import java.util.UUID;
import org.signpost.benchmarks.baseline.BaselineRequests.Assignment;
import org.signpost.benchmarks.baseline.BaselineRequests.Contact;
import org.signpost.benchmarks.baseline.BaselineRequests.NewReferral;
import org.signpost.benchmarks.baseline.BaselineRequests.Session;
import org.signpost.benchmarks.baseline.BaselineRequests.Triage;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The five endpoints of the command benchmark, reading and validating their bodies and doing nothing else. */
@RestController
class HttpFloorController {

    @PostMapping("/api/referrals")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, UUID> receive(@Valid @RequestBody NewReferral referral) {
        return Map.of("referralId", UUID.randomUUID());
    }

    @PostMapping("/api/referrals/{referralId}/triage")
    Map<String, UUID> triage(@PathVariable UUID referralId, @Valid @RequestBody Triage triage) {
        return Map.of("referralId", referralId);
    }

    @PostMapping("/api/referrals/{referralId}/assignment")
    Map<String, UUID> assign(@PathVariable UUID referralId, @Valid @RequestBody Assignment assignment) {
        return Map.of("participantId", UUID.randomUUID());
    }

    @PostMapping("/api/participants/{participantId}/sessions")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, UUID> session(@PathVariable UUID participantId, @Valid @RequestBody Session session) {
        return Map.of("participantId", participantId);
    }

    @PostMapping("/api/participants/{participantId}/contacts")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, UUID> contact(@PathVariable UUID participantId, @Valid @RequestBody Contact contact) {
        return Map.of("participantId", participantId);
    }
}
