package org.signpost.console.pages;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.signpost.console.api.SignpostApi;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The erasure log, for the data protection officer and auditors: every erasure carried out, when,
 * by whom and why, oldest first, a page at a time. It holds no personal data; for an auditor each
 * reference leads to that record's history, which shows its values as erased.
 */
@Controller
class ErasureLogPage {

    private final SignpostApi api;

    ErasureLogPage(SignpostApi api) {
        this.api = api;
    }

    @GetMapping("/erasures")
    String erasures(@RequestParam(required = false) String page, HttpServletRequest request, Model model) {
        int shown = Paging.requested(page);
        SignpostApi.Answer answer = api.get(ConsolePages.current(),
                "/api/erasures?page=" + (shown - 1) + "&size=" + AuditFilters.PAGE_SIZE);
        List<Map<String, Object>> erasures = api.list(answer.body());
        model.addAttribute("pageTitle", "Erasure log");
        model.addAttribute("erasures", erasures);
        model.addAttribute("paging", Paging.of(request, shown, AuditFilters.PAGE_SIZE, answer.total(), erasures.size()));
        model.addAttribute("toHistory", ConsolePages.current().is("AUDITOR"));
        return "console/erasures";
    }
}
