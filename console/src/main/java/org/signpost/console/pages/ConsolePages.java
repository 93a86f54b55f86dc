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
        if (user.is("AUDITOR")) {
            items.add(new NavigationItem("Audit trail", "/audit", path.equals("/audit")
                    || path.startsWith("/audit/referrals/") || path.startsWith("/audit/participants/")));
            items.add(new NavigationItem("Reads of personal data", "/audit/reads", path.equals("/audit/reads")));
            items.add(new NavigationItem("Integrity", "/audit/integrity", path.equals("/audit/integrity")));
        }
        if (user.is("DATA_PROTECTION_OFFICER", "AUDITOR")) {
            items.add(new NavigationItem("Erasure log", "/erasures", path.equals("/erasures")));
        }
        if (user.is("MANAGER")) {
            items.add(new NavigationItem("Service", "/service", path.startsWith("/service")));
        }
        if (user.is("ANALYST", "MANAGER")) {
            items.add(new NavigationItem("Evaluation", "/evaluation", path.startsWith("/evaluation")));
            items.add(new NavigationItem("Read models", "/read-models", path.startsWith("/read-models")));
        }
        return items;
    }

    static ConsoleUser current() {
        return SignedIn.current();
    }
}
