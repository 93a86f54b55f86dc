package org.signpost.console.pages;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.signpost.console.api.ConsoleUser;
import org.signpost.console.organisation.DiscoveredProvider;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/** The console's address: each role's first page; the sign-in page for anyone not signed in. */
@Controller
class HomePage {

    private final ObjectProvider<DiscoveredProvider> organisation;

    HomePage(ObjectProvider<DiscoveredProvider> organisation) {
        this.organisation = organisation;
    }

    @GetMapping("/")
    String home(Model model) {
        ConsoleUser user = ConsolePages.current();
        if (user.is("LINK_WORKER")) {
            return "redirect:/caseload";
        }
        if (user.is("COORDINATOR", "MANAGER")) {
            return "redirect:/inbox";
        }
        if (user.is("ANALYST")) {
            return "redirect:/evaluation";
        }
        if (user.is("AUDITOR")) {
            return "redirect:/audit";
        }
        if (user.is("DATA_PROTECTION_OFFICER")) {
            return "redirect:/find";
        }
        model.addAttribute("pageTitle", "Signpost");
        return "console/home";
    }

    @GetMapping("/sign-in")
    String signIn(Model model, HttpServletRequest request) {
        model.addAttribute("pageTitle", "Sign in");
        model.addAttribute("organisationSignIn", organisation.getIfAvailable() != null);
        if (request.getParameter("no-role") != null) {
            model.addAttribute("signInProblem", "Your organisation's account has no role in Signpost: ask your "
                    + "Signpost manager to give it one");
        } else if (request.getParameter("organisation-failed") != null) {
            model.addAttribute("signInProblem", "Your organisation's sign-in did not succeed: try again");
        } else if (request.getParameter("organisation-unreachable") != null) {
            model.addAttribute("signInProblem", "Your organisation's sign-in cannot be reached at the moment: try "
                    + "again in a minute, or sign in with your Signpost user name and password");
        }
        HttpSession session = request.getSession(false);
        if (request.getParameter("error") != null && session != null
                && session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION) instanceof AuthenticationException e) {
            // Shown once: a reload of the page does not repeat it.
            session.removeAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
            model.addAttribute("signInProblem", e.getMessage());
        } else if (request.getParameter("error") != null) {
            model.addAttribute("signInProblem", "The user name or password is not right");
        }
        return "console/sign-in";
    }

    /** "Sign in with your organisation": to the identity provider, if it can be reached. */
    @GetMapping("/sign-in/organisation")
    String organisationSignIn() {
        DiscoveredProvider provider = organisation.getIfAvailable();
        if (provider == null) {
            return "redirect:/sign-in";
        }
        return provider.reachable() ? "redirect:/oauth2/authorization/" + DiscoveredProvider.ID
                : "redirect:/sign-in?organisation-unreachable";
    }

    /**
     * Asked for by the page's script when the person chooses to stay signed in: a request is
     * all a session needs to start its idle time again.
     */
    @GetMapping("/session/keep-alive")
    ResponseEntity<Void> keepAlive() {
        return ResponseEntity.noContent()
                .cacheControl(CacheControl.noStore()).build();
    }

    /** Where a page the person's role may not see is forwarded (status 403 already set). */
    @RequestMapping("/refused")
    String refused(Model model) {
        model.addAttribute("pageTitle", "You cannot see this page");
        return "console/refused";
    }
}
