package org.signpost.query.caseload;

import org.signpost.platform.security.ActingUser;
import org.signpost.platform.security.Role;

/** A link worker reads only the participants currently assigned to them; other staff read all. */
public final class Visibility {

    private Visibility() {
    }

    public static boolean mayRead(ActingUser user, ParticipantState participant) {
        return user.role() != Role.LINK_WORKER || participant.linkWorkerId().equals(user.linkWorkerId());
    }
}
