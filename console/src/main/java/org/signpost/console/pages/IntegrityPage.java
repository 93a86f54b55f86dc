package org.signpost.console.pages;

import org.signpost.console.api.ApiProblem;
import org.signpost.console.api.SignpostApi;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The integrity check, run when the auditor asks: it reads every stored event and every line of
 * the read log again (seconds on a large store), so the page runs it only from its button. With
 * JavaScript the button asks for the result alone (htmx) and the page says it is checking
 * meanwhile; without, the form is sent and the whole page comes back with the result.
 */
@Controller
class IntegrityPage {

    private final SignpostApi api;

    IntegrityPage(SignpostApi api) {
        this.api = api;
    }

    @GetMapping("/audit/integrity")
    String integrity(@RequestParam(required = false) String check, Model model) {
        model.addAttribute("pageTitle", "Integrity of the stored history");
        if (check != null) {
            try {
                model.addAttribute("report", api.map(api.get(ConsolePages.current(), "/api/audit/integrity").body()));
            } catch (ApiProblem refused) {
                // 501: events kept in Axon Server, which keeps no chain to check.
                if (refused.status() != 501) {
                    throw refused;
                }
                model.addAttribute("unavailable", refused.detail());
            }
        }
        return "console/audit-integrity";
    }
}
