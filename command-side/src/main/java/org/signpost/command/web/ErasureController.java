package org.signpost.command.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.signpost.command.referral.ReferralCommands.EraseParticipantData;
import org.signpost.command.referral.ReferralCommands.EraseReferralData;
import org.signpost.command.rules.InvalidCommand;
import org.signpost.platform.apidocs.ApiDocumentation;
import org.signpost.platform.web.SingleLineText;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The data protection officer carries out an upheld erasure request, named by the referral or by
 * the participant it became; either erases the young person's personal data everywhere. The
 * request must say why and name the same id again: an erasure cannot be undone, so it is never
 * the side effect of a request without a deliberate JSON body (nor of a plain HTML form).
 */
@RestController
class ErasureController {

    private final CommandDispatcher dispatcher;

    ErasureController(CommandDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    /**
     * @param reason  the data protection officer's own words (a case reference), recorded in clear
     *                in the erasure log: never the young person's personal data
     * @param confirm the id in the path, again
     */
    record ErasureForm(
            @NotBlank @Size(max = 500) @SingleLineText String reason,
            @NotNull UUID confirm) {

        String reasonFor(UUID id) {
            if (!confirm.equals(id)) {
                throw new InvalidCommand("confirm", "must be the id in the path");
            }
            return reason;
        }
    }

    @Operation(tags = ApiDocumentation.ERASURE, summary = "Erase the personal data of a referral",
            description = "Carries out an upheld erasure request named by the referral: the young person's personal data is erased everywhere, for good. `confirm` repeats the id in the path. Roles: DATA_PROTECTION_OFFICER.")
    @ApiResponse(responseCode = "200", description = "Done",
            content = @Content(schema = @Schema(implementation = CommandAnswers.Erased.class)))
    @PostMapping(path = "/api/referrals/{referralId}/erasure", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Object> eraseReferral(@PathVariable UUID referralId, @Valid @RequestBody ErasureForm form,
                                         HttpServletRequest request) {
        return dispatcher.ok(new EraseReferralData(referralId, form.reasonFor(referralId)), request);
    }

    @Operation(tags = ApiDocumentation.ERASURE, summary = "Erase the personal data of a participant",
            description = "Carries out an upheld erasure request named by the participant: the young person's personal data is erased everywhere, for good. `confirm` repeats the id in the path. Roles: DATA_PROTECTION_OFFICER.")
    @ApiResponse(responseCode = "200", description = "Done",
            content = @Content(schema = @Schema(implementation = CommandAnswers.Erased.class)))
    @PostMapping(path = "/api/participants/{participantId}/erasure", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Object> eraseParticipant(@PathVariable UUID participantId, @Valid @RequestBody ErasureForm form,
                                            HttpServletRequest request) {
        return dispatcher.ok(new EraseParticipantData(participantId, form.reasonFor(participantId)), request);
    }
}
