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
 * The auditor's search of the audit trail: every event of every referral and participant, by
 * reference, user, event type and the days it was recorded, a page at a time, oldest first (the
 * API's order). The events' payloads hold personal data, so the API logs every search as a read
 * of whoever it shows: the page therefore searches only when the auditor asks, never on arrival.
 * A reference is one record's (the API's {@code aggregateId}); each row leads to that record's
 * whole history, which links a referral and the participant it became.
 */
@Controller
class AuditTrailPage {

    static final List<Field> FIELDS = List.of(new Field("person", "Referral or participant reference", Kind.TEXT),
            new Field("actor", "User", Kind.TEXT), new Field("type", "Event type", Kind.CHOICE),
            new Field("from", "Recorded from", Kind.DATE), new Field("to", "Recorded to", Kind.DATE));

    private final SignpostApi api;

    AuditTrailPage(SignpostApi api) {
        this.api = api;
    }

    @GetMapping("/audit")
    String search(@RequestParam MultiValueMap<String, String> typed, HttpServletRequest request,
                  HttpServletResponse response, Model model) {
        AuditFilters filters = new AuditFilters(typed, FIELDS, "aggregateId");
        model.addAttribute("pageTitle", "Audit trail");
        model.addAttribute("form", filters.form());
        model.addAttribute("types", Timeline.types());
        boolean asked = typed.keySet().stream().anyMatch(name -> !name.equals("page"));
        if (!asked) {
            return "console/audit";
        }
        if (filters.search(api, "/api/audit/events", "events", request, model)) {
            return "console/audit";
        }
        response.setStatus(400);
        model.addAttribute("pageTitle", "Error: Audit trail");
        return "console/audit";
    }
}
