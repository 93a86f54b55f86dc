package org.signpost.console.pages;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.signpost.console.api.ApiProblem;
import org.signpost.console.api.ConsoleUser;
import org.signpost.console.api.SignpostApi;
import org.signpost.console.pages.FormInput.Field;
import org.signpost.console.pages.FormInput.Kind;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "Find a young person": by NHS number, or by surname and date of birth, exactly (the API's
 * search: names are kept encrypted, so it matches keyed digests of them). The search is a POST,
 * so that what is typed never stands in an address, a browser's history or a log; each match
 * shown is logged by the API as a read. A link worker finds only their own participants.
 */
@Controller
class FindPage {

    static final List<Field> BY_NHS_NUMBER = List.of(new Field("nhsNumber", "NHS number", Kind.TEXT));
    static final List<Field> BY_NAME = List.of(new Field("surname", "Surname", Kind.TEXT),
            new Field("dateOfBirth", "Date of birth", Kind.DATE));

    private final SignpostApi api;

    FindPage(SignpostApi api) {
        this.api = api;
    }

    @GetMapping("/find")
    String find(Model model) {
        return page(model, FormInput.empty(BY_NHS_NUMBER, "by-nhs-number"), FormInput.empty(BY_NAME, "by-name"), null);
    }

    @PostMapping("/find")
    String search(@RequestParam MultiValueMap<String, String> typed, Model model, HttpServletResponse response,
                  HttpSession session) {
        boolean byName = "name".equals(typed.getFirst("by"));
        FormInput byNhsNumber = byName ? FormInput.empty(BY_NHS_NUMBER, "by-nhs-number")
                : new FormInput(typed, BY_NHS_NUMBER, "by-nhs-number");
        FormInput byNameForm = byName ? new FormInput(typed, BY_NAME, "by-name") : FormInput.empty(BY_NAME, "by-name");
        FormInput sent = byName ? byNameForm : byNhsNumber;
        Map<String, Object> search = new LinkedHashMap<>();
        if (byName) {
            search.put("surname", sent.given("surname"));
            LocalDate born = sent.date("dateOfBirth", true);
            search.put("dateOfBirth", born == null ? null : born.toString());
        } else {
            search.put("nhsNumber", sent.given("nhsNumber"));
        }
        if (!sent.hasErrors()) {
            try {
                List<Map<String, Object>> matches = api.list(
                        api.post(SignedIn.current(), "/api/people/search", search).body());
                if (SignedIn.current().is("DATA_PROTECTION_OFFICER")) {
                    ErasurePage.remember(session, matches);
                }
                return page(model, byNhsNumber, byNameForm, matches);
            } catch (ApiProblem refused) {
                if (refused.status() != 400) {
                    throw refused;
                }
                sent.refuse(refused);
            }
        }
        response.setStatus(400);
        return page(model, byNhsNumber, byNameForm, null);
    }

    private static String page(Model model, FormInput byNhsNumber, FormInput byName, List<Map<String, Object>> matches) {
        ConsoleUser user = SignedIn.current();
        model.addAttribute("pageTitle", "Find a young person");
        model.addAttribute("byNhsNumber", byNhsNumber);
        model.addAttribute("byName", byName);
        model.addAttribute("matches", matches);
        // Where a match leads: the referral for those who work on referrals, the participant for a link worker,
        // what an erasure would do for the data protection officer.
        model.addAttribute("toReferral", user.is("COORDINATOR", "MANAGER"));
        model.addAttribute("toParticipant", user.is("LINK_WORKER"));
        model.addAttribute("toErasure", user.is("DATA_PROTECTION_OFFICER"));
        return "console/find";
    }
}
