package org.signpost.console.pages;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.signpost.console.api.SignpostApi;
import org.signpost.console.pages.FormInput.Field;
import org.signpost.console.pages.FormInput.Kind;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The log of reads of personal data: who was shown whose personal data, when, through which of
 * the API's routes and in which request, one line per person shown, oldest first, by whose
 * record, by user and by day. The log itself holds no personal data (references, routes, users),
 * so it is shown on arrival.
 */
@Controller
class ReadLogPage {

    static final List<Field> FIELDS = List.of(new Field("person", "Whose: referral or participant reference", Kind.TEXT),
            new Field("actor", "Read by (user)", Kind.TEXT), new Field("from", "Read from", Kind.DATE),
            new Field("to", "Read to", Kind.DATE));

    private final SignpostApi api;

    ReadLogPage(SignpostApi api) {
        this.api = api;
    }

    @GetMapping("/audit/reads")
    String reads(@RequestParam MultiValueMap<String, String> typed, HttpServletRequest request,
                 HttpServletResponse response, Model model) {
        AuditFilters filters = new AuditFilters(typed, FIELDS, "subjectId");
        model.addAttribute("pageTitle", "Reads of personal data");
        model.addAttribute("form", filters.form());
        if (filters.search(api, "/api/audit/personal-data-reads", "reads", request, model)) {
            return "console/audit-reads";
        }
        response.setStatus(400);
        model.addAttribute("pageTitle", "Error: Reads of personal data");
        return "console/audit-reads";
    }
}
