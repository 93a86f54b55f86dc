package org.signpost.command.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import org.signpost.command.referral.ReferralCommands.EraseParticipantData;
import org.signpost.command.referral.ReferralCommands.EraseReferralData;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The data protection officer carries out an upheld erasure request, named by the referral or by
 * the participant it became; either erases the young person's personal data everywhere. The
 * request needs no body (one that is sent is not read).
 */
@RestController
class ErasureController {

    private final CommandDispatcher dispatcher;

    ErasureController(CommandDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @PostMapping(path = "/api/referrals/{referralId}/erasure", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Object> eraseReferral(@PathVariable UUID referralId, HttpServletRequest request) {
        return dispatcher.ok(new EraseReferralData(referralId), request);
    }

    @PostMapping(path = "/api/participants/{participantId}/erasure", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Object> eraseParticipant(@PathVariable UUID participantId, HttpServletRequest request) {
        return dispatcher.ok(new EraseParticipantData(participantId), request);
    }
}
