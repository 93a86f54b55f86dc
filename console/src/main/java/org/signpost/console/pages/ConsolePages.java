package org.signpost.console.pages;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.signpost.console.api.ConsoleUser;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page of the console shows: who is signed in, and the menu of their role. */
@ControllerAdvice(basePackageClasses = ConsolePages.class)
class ConsolePages {

    private final long sessionSeconds;

    ConsolePages(@Value("${server.servlet.session.timeout:PT30M}") Duration sessionTimeout) {
        this.sessionSeconds = sessionTimeout.toSeconds();
    }

    /** How long a session lasts idle: the page warns before it ends (console.js). */
    @ModelAttribute("sessionSeconds")
    long sessionSeconds() {
        return sessionSeconds;
    }

    @ModelAttribute("user")
    ConsoleUser user() {
        return current();
    }

    @ModelAttribute("navigation")
    List<NavigationItem> navigation(HttpServletRequest request) {
        ConsoleUser user = current();
        List<NavigationItem> items = new ArrayList<>();
        if (user == null) {
            return items;
        }
        String path = request.getRequestURI();
        if (user.is("LINK_WORKER")) {
            items.add(new NavigationItem("My caseload", "/caseload", path.equals("/caseload")));
        }
        if (user.is("COORDINATOR", "MANAGER")) {
            items.add(new NavigationItem("Referral inbox", "/inbox", path.equals("/inbox")));
            items.add(new NavigationItem("New referral", "/referrals/new", path.equals("/referrals/new")));
            items.add(new NavigationItem("Caseloads", "/caseloads", path.startsWith("/caseloads")));
        }
        if (user.is("COORDINATOR", "MANAGER", "LINK_WORKER", "DATA_PROTECTION_OFFICER")) {
            items.add(new NavigationItem("Find a young person", "/find", path.equals("/find")));
        }
        if (user.is("ANALYST", "MANAGER")) {
            items.add(new NavigationItem("Evaluation", "/evaluation", path.startsWith("/evaluation")));
        }
        return items;
    }

    static ConsoleUser current() {
        return SignedIn.current();
    }
}
