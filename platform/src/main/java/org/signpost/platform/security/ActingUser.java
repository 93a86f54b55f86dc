package org.signpost.platform.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who is acting: the authenticated principal's name, role and, for a link worker, their link
 * worker id. This, never anything a client writes in a body, goes into every event's metadata.
 */
public record ActingUser(String username, Role role, String linkWorkerId) {

    public static ActingUser current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof SignpostUser user) {
            return new ActingUser(user.getUsername(), user.role(), user.linkWorkerId());
        }
        throw new IllegalStateException("No authenticated Signpost user for this request");
    }
}
