package org.signpost.command.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import org.signpost.command.referral.ReferralCommands.AssignLinkWorker;
import org.signpost.command.referral.ReferralCommands.ReceiveReferral;
import org.signpost.command.referral.ReferralCommands.TriageReferral;
import org.signpost.command.referral.ReferralCommands.WithdrawReferral;
import org.signpost.events.ConsentGivenBy;
import org.signpost.events.Need;
import org.signpost.events.ReferralChannel;
import org.signpost.events.ReferralReason;
import org.signpost.events.ReferralSource;
import org.signpost.events.Referrer;
import org.signpost.events.TriageOutcome;
import org.signpost.events.YoungPerson;
import org.signpost.platform.web.SingleLineText;
import org.signpost.platform.web.Text;

/**
 * Bodies of the referral commands, as API.md gives them. Every text field is {@link Text} (notes
 * and reasons: prose, written in paragraphs) or {@link SingleLineText} (names, contact details,
 * labels shown in one line of a table or a CSV file).
 */
final class ReferralRequests {

    static final String UK_POSTCODE = "^[A-Za-z]{1,2}[0-9][A-Za-z0-9]? ?[0-9][A-Za-z]{2}$";
    static final String PHONE = "^[0-9+() -]{6,20}$";
    static final String LINK_WORKER_ID = "^[A-Za-z0-9._@-]{1,64}$";

    private ReferralRequests() {
    }

    record ReferralForm(
            UUID referralId,
            @NotNull ReferralSource source,
            @NotNull ReferralChannel channel,
            @NotNull LocalDate receivedOn,
            @NotNull @Valid YoungPersonForm youngPerson,
            @Valid ReferrerForm referrer,
            @NotEmpty @Size(max = 6) List<@NotNull ReferralReason> reasons,
            @NotEmpty @Size(max = 3) List<@NotNull Need> needs,
            @NotNull ConsentGivenBy consentGivenBy,
            @Text @Size(max = 4000) String notes) {

        ReceiveReferral toCommand(UUID id) {
            return new ReceiveReferral(id, source, channel, receivedOn, youngPerson.toValue(),
                    referrer == null ? null : referrer.toValue(),
                    List.copyOf(new LinkedHashSet<>(reasons)), List.copyOf(new LinkedHashSet<>(needs)),
                    consentGivenBy, notes);
        }
    }

    record YoungPersonForm(
            @NotBlank @SingleLineText @Size(max = 100) String firstName,
            @NotBlank @SingleLineText @Size(max = 100) String lastName,
            @NotNull LocalDate dateOfBirth,
            @SingleLineText @Pattern(regexp = "^[0-9]{3} ?[0-9]{3} ?[0-9]{4}$", message = "must be 10 digits")
            @ValidNhsNumber String nhsNumber,
            @SingleLineText @Pattern(regexp = UK_POSTCODE, message = "must be a UK postcode") String postcode,
            @SingleLineText @Size(max = 200) String school,
            @SingleLineText @Pattern(regexp = PHONE, message = "must be a phone number") String phone,
            @Valid ParentCarerForm parentCarer) {

        YoungPerson toValue() {
            return new YoungPerson(firstName, lastName, dateOfBirth, nhsNumber, postcode, school, phone,
                    parentCarer == null ? null : parentCarer.toValue());
        }
    }

    record ParentCarerForm(
            @SingleLineText @Size(max = 200) String name,
            @SingleLineText @Pattern(regexp = PHONE, message = "must be a phone number") String phone,
            @SingleLineText @Size(max = 100) String relationship) {

        YoungPerson.ParentCarer toValue() {
            return new YoungPerson.ParentCarer(name, phone, relationship);
        }
    }

    record ReferrerForm(
            @SingleLineText @Size(max = 200) String name,
            @SingleLineText @Size(max = 200) String organisation,
            @SingleLineText @Size(max = 100) String role,
            @SingleLineText @Email @Size(max = 200) String email,
            @SingleLineText @Pattern(regexp = PHONE, message = "must be a phone number") String phone) {

        Referrer toValue() {
            return new Referrer(name, organisation, role, email, phone);
        }
    }

    record TriageForm(
            @NotNull TriageOutcome outcome,
            @NotNull LocalDate triagedOn,
            @Text @Size(max = 4000) String reason,
            @SingleLineText @Size(max = 200) String redirectedTo,
            @Text @Size(max = 4000) String overrideReason) {

        TriageReferral toCommand(UUID referralId) {
            return new TriageReferral(referralId, outcome, triagedOn, reason, redirectedTo, overrideReason);
        }
    }

    record AssignmentForm(
            @NotNull @SingleLineText @Pattern(regexp = LINK_WORKER_ID, message = "must be a link worker id")
            String linkWorkerId,
            LocalDate assignedOn) {

        AssignLinkWorker toCommand(UUID referralId) {
            return new AssignLinkWorker(referralId, linkWorkerId, assignedOn);
        }
    }

    record WithdrawalForm(@NotBlank @Text @Size(max = 4000) String reason, LocalDate withdrawnOn) {

        WithdrawReferral toCommand(UUID referralId) {
            return new WithdrawReferral(referralId, reason, withdrawnOn);
        }
    }
}
