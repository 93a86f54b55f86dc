package org.signpost.console.pages;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.signpost.console.api.ConsoleUser;
import org.signpost.console.api.SignpostApi;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.util.UriUtils;

/**
 * A link worker's caseload: their own ("My caseload"), or any link worker's for coordinators and
 * managers, with every link worker's active count against capacity. Those who need attention come
 * first: by their most urgent flag, then longest without contact.
 */
@Controller
class CaseloadPage {

    private final SignpostApi api;

    CaseloadPage(SignpostApi api) {
        this.api = api;
    }

    @GetMapping("/caseload")
    String myCaseload(Model model) {
        ConsoleUser user = ConsolePages.current();
        model.addAttribute("pageTitle", "My caseload");
        model.addAttribute("own", true);
        return caseload(user, user.linkWorkerId(), model);
    }

    @GetMapping("/caseloads/{linkWorkerId}")
    String caseloadOf(@PathVariable String linkWorkerId, Model model) {
        model.addAttribute("pageTitle", "Caseload of " + linkWorkerId);
        model.addAttribute("own", false);
        return caseload(ConsolePages.current(), linkWorkerId, model);
    }

    @GetMapping("/caseloads")
    String caseloads(Model model) {
        List<Map<String, Object>> linkWorkers = api.list(api.get(ConsolePages.current(), "/api/caseloads").body());
        model.addAttribute("pageTitle", "Caseloads");
        model.addAttribute("linkWorkers", linkWorkers);
        return "console/caseloads";
    }

    private String caseload(ConsoleUser user, String linkWorkerId, Model model) {
        List<Map<String, Object>> participants = new ArrayList<>(api.list(api.get(user,
                "/api/caseloads/" + UriUtils.encodePathSegment(linkWorkerId, StandardCharsets.UTF_8))
                .body()));
        participants.sort(Comparator.<Map<String, Object>>comparingInt(p -> Flags.urgency((List<?>) p.get("flags")))
                .thenComparing(p -> Objects.toString(p.get("lastContactOn"), "")));
        model.addAttribute("linkWorkerId", linkWorkerId);
        model.addAttribute("participants", participants);
        return "console/caseload";
    }
}
