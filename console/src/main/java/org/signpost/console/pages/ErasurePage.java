package org.signpost.console.pages;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.signpost.console.api.ApiProblem;
import org.signpost.console.api.SignpostApi;
import org.signpost.console.pages.FormInput.Field;
import org.signpost.console.pages.FormInput.Kind;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The data protection officer carries out an upheld erasure request: from a match of "Find a
 * young person", a page that says plainly what the erasure will do and what stays, then the
 * erasure itself, confirmed by typing the referral's reference again and given a reason (the
 * API's {@code confirm} and {@code reason}). A reference typed wrong is said on its field and
 * nothing is sent. The erasure is named by the referral, which erases the participant it became
 * too.
 *
 * <p>The data protection officer may search for people but not read their records, so the page
 * shows who a reference is from their last search, kept in their session (and forgotten once
 * erased); a reference that search did not find is shown as a reference alone.
 */
@Controller
class ErasurePage {

    static final List<Field> FIELDS = List.of(new Field("reason", "Reason for the erasure", Kind.TEXT),
            new Field("confirm", "Referral reference, typed again", Kind.TEXT));
    private static final String MATCHES = ErasurePage.class.getName() + ".matches";
    private static final int REASON_LENGTH = 500;

    private final SignpostApi api;

    ErasurePage(SignpostApi api) {
        this.api = api;
    }

    /** Keeps the matches of the data protection officer's last search, by referral, to say who each is. */
    static void remember(HttpSession session, List<Map<String, Object>> matches) {
        Map<String, Map<String, Object>> byReferral = new LinkedHashMap<>();
        matches.forEach(match -> byReferral.put(String.valueOf(match.get("referralId")), match));
        session.setAttribute(MATCHES, byReferral);
    }

    @GetMapping("/erasure/referrals/{referralId}")
    String erasure(@PathVariable UUID referralId, HttpSession session, Model model) {
        return page(referralId, FormInput.empty(FIELDS), session, model);
    }

    @PostMapping("/erasure/referrals/{referralId}")
    String erase(@PathVariable UUID referralId, @RequestParam MultiValueMap<String, String> typed, HttpSession session,
                 HttpServletResponse response, RedirectAttributes redirect, Model model) {
        FormInput form = new FormInput(typed, FIELDS);
        String reason = form.given("reason");
        String confirm = form.given("confirm");
        if (reason == null) {
            form.refuse("reason", "Enter the reason for the erasure, such as the case reference of the request");
        } else if (reason.length() > REASON_LENGTH) {
            form.refuse("reason", "The reason must be " + REASON_LENGTH + " characters or fewer");
        }
        if (confirm == null) {
            form.refuse("confirm", "Type the referral reference to confirm the erasure");
        } else if (!confirm.equalsIgnoreCase(referralId.toString())) {
            form.refuse("confirm", "The reference you typed is not this referral's reference: nothing has been erased");
        }
        if (!form.hasErrors()) {
            try {
                SignpostApi.Answer erased = api.post(ConsolePages.current(), "/api/referrals/" + referralId + "/erasure",
                        Map.of("reason", reason, "confirm", confirm.toLowerCase(Locale.ROOT)));
                forget(session, referralId);
                redirect.addFlashAttribute("erased", api.map(erased.body()));
                return "redirect:/erasure/referrals/" + referralId + "/done";
            } catch (ApiProblem refused) {
                if (refused.status() != 400) {
                    throw refused;
                }
                form.refuse(refused);
                form.reword("confirm", "The reference you typed is not this referral's reference: nothing has been "
                        + "erased");
            }
        }
        response.setStatus(400);
        return page(referralId, form, session, model);
    }

    /** What was erased, once: a reload of the page goes to the erasure log. */
    @GetMapping("/erasure/referrals/{referralId}/done")
    String done(@PathVariable UUID referralId, Model model) {
        if (!model.containsAttribute("erased")) {
            return "redirect:/erasures";
        }
        model.addAttribute("pageTitle", "Personal data erased");
        return "console/erasure-done";
    }

    private static String page(UUID referralId, FormInput form, HttpSession session, Model model) {
        model.addAttribute("pageTitle", (form.hasErrors() ? "Error: " : "") + "Erase a young person's personal data");
        model.addAttribute("referralId", referralId.toString());
        model.addAttribute("match", matches(session).get(referralId.toString()));
        model.addAttribute("form", form);
        return "console/erasure";
    }

    private static void forget(HttpSession session, UUID referralId) {
        Map<String, Map<String, Object>> matches = new LinkedHashMap<>(matches(session));
        matches.remove(referralId.toString());
        session.setAttribute(MATCHES, matches);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> matches(HttpSession session) {
        Object kept = session.getAttribute(MATCHES);
        return kept instanceof Map<?, ?> map ? (Map<String, Map<String, Object>>) map : Map.of();
    }
}
