package org.signpost.console.pages;

import org.signpost.console.api.ConsoleUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.WebAttributes;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/** The console's address: each role's first page; the sign-in page for anyone not signed in. */
@Controller
class HomePage {

    @GetMapping("/")
    String home(Model model) {
        ConsoleUser user = ConsolePages.current();
        if (user.is("LINK_WORKER")) {
            return "redirect:/caseload";
        }
        if (user.is("COORDINATOR", "MANAGER")) {
            return "redirect:/inbox";
        }
        // Analysts, auditors and the data protection officer: their pages are the oversight part of the console.
        model.addAttribute("pageTitle", "Signpost");
        return "console/home";
    }

    @GetMapping("/sign-in")
    String signIn(Model model, HttpServletRequest request) {
        model.addAttribute("pageTitle", "Sign in");
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

    /**
     * Asked for by the page's script when the person chooses to stay signed in: a request is
     * all a session needs to start its idle time again.
     */
    @GetMapping("/session/keep-alive")
    org.springframework.http.ResponseEntity<Void> keepAlive() {
        return org.springframework.http.ResponseEntity.noContent()
                .cacheControl(org.springframework.http.CacheControl.noStore()).build();
    }

    /** Where a page the person's role may not see is forwarded (status 403 already set). */
    @RequestMapping("/refused")
    String refused(Model model) {
        model.addAttribute("pageTitle", "You cannot see this page");
        return "console/refused";
    }
}
