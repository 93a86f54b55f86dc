package org.signpost.console.pages;

import org.signpost.console.api.ConsoleUser;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The person signed in to the console for this request. */
public final class SignedIn {

    private SignedIn() {
    }

    /** The signed-in person, or null (the sign-in page, an error page of someone not signed in). */
    public static ConsoleUser current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof ConsoleUser user ? user : null;
    }
}
