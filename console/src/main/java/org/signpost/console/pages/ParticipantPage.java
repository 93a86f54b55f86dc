package org.signpost.console.pages;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.signpost.console.api.ConsoleUser;
import org.signpost.console.api.SignpostApi;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A participant: who they are, their referral, link worker and entitlement, and a timeline of
 * everything recorded, newest first. Another link worker's participant is the API's 404, and so a
 * "page not found" here too.
 */
@Controller
class ParticipantPage {

    private final SignpostApi api;
    private final Timeline timeline;

    ParticipantPage(SignpostApi api, Timeline timeline) {
        this.api = api;
        this.timeline = timeline;
    }

    @GetMapping("/participants/{participantId}")
    String participant(@PathVariable UUID participantId, Model model) {
        ConsoleUser user = ConsolePages.current();
        Map<String, Object> participant = api.map(api.get(user, "/api/participants/" + participantId).body());
        // Everything recorded about them: their referral's history, then their support's, in the order recorded.
        List<Map<String, Object>> history = new java.util.ArrayList<>(referralHistory(user, participant.get("referralId")));
        history.addAll(api.list(api.get(user, "/api/participants/" + participantId + "/history").body()));
        history.sort(java.util.Comparator.comparing(event -> String.valueOf(event.get("recordedAt"))));
        model.addAttribute("pageTitle", String.valueOf(participant.get("name")));
        model.addAttribute("participant", participant);
        model.addAttribute("timeline", timeline.entries(history));
        return "console/participant";
    }

    /** Empty while the read model has not yet got the referral (it is eventually consistent). */
    private List<Map<String, Object>> referralHistory(ConsoleUser user, Object referralId) {
        try {
            return api.list(api.get(user, "/api/referrals/" + referralId + "/history").body());
        } catch (org.signpost.console.api.ApiProblem problem) {
            if (problem.status() == 404) {
                return List.of();
            }
            throw problem;
        }
    }
}
