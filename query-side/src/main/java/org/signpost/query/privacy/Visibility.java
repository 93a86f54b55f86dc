package org.signpost.query.privacy;

import org.signpost.platform.security.ActingUser;
import org.signpost.platform.security.Role;

/** A link worker reads only the participants currently assigned to them; other staff read all. */
public final class Visibility {

    private Visibility() {
    }

    /** Decided from the link worker column of the read model that holds the participant. */
    public static boolean mayRead(ActingUser user, String linkWorkerId) {
        return user.role() != Role.LINK_WORKER || linkWorkerId.equals(user.linkWorkerId());
    }
}
