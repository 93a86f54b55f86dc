package org.signpost.console.pages;

import java.util.List;
import java.util.Map;
import org.signpost.console.api.SignpostApi;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The referral inbox: the triage queue, oldest first, with the days each referral has waited and
 * the inclusion criteria it fails; narrowed to one source with a plain GET form (no script needed).
 * The queue holds no names, so nothing personal is read here.
 */
@Controller
class InboxPage {

    private final SignpostApi api;

    InboxPage(SignpostApi api) {
        this.api = api;
    }

    @GetMapping("/inbox")
    String inbox(@RequestParam(required = false) String source, Model model) {
        List<Map<String, Object>> queue = api.list(api.get(ConsolePages.current(), "/api/triage-queue").body());
        // The API has no filter of its own; an unknown source is "all sources", not an error.
        String chosen = source != null && Words.SOURCES.contains(source) ? source : null;
        List<Map<String, Object>> shown = chosen == null ? queue
                : queue.stream().filter(row -> chosen.equals(row.get("source"))).toList();
        model.addAttribute("pageTitle", "Referral inbox");
        model.addAttribute("source", chosen);
        model.addAttribute("waiting", queue.size());
        model.addAttribute("referrals", shown);
        return "console/inbox";
    }
}
