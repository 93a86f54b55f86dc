package org.signpost.projection.revision;

import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.serialization.Revision;
import org.signpost.events.SignpostedToVcse;
import org.signpost.events.TransportSupport;
import org.signpost.events.VcseCategory;

/**
 * A signpost as an earlier version of Signpost might have stored it: another name, the
 * participant and the date under other names, and no funded access or transport support (added
 * later, and for such a signpost none of either). Only ever written, by the tests, never read: an
 * upcaster ({@link VcseReferralMadeUpcaster}) turns it into the current {@link SignpostedToVcse}.
 */
@Revision("1")
record VcseReferralMade(UUID participant, UUID signpostId, String organisation, String activity,
                        VcseCategory category, LocalDate date) {

    static VcseReferralMade storedFormOf(SignpostedToVcse signpost) {
        return new VcseReferralMade(signpost.participantId(), signpost.signpostId(), signpost.organisation(),
                signpost.activity(), signpost.category(), signpost.signpostedOn());
    }

    /** What the stored form means today. */
    static SignpostedToVcse currentFormOf(SignpostedToVcse signpost) {
        return new SignpostedToVcse(signpost.participantId(), signpost.signpostId(), signpost.organisation(),
                signpost.activity(), signpost.category(), signpost.signpostedOn(), false,
                TransportSupport.NONE);
    }
}
