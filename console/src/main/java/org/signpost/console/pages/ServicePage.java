package org.signpost.console.pages;

import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.signpost.console.api.ConsoleUser;
import org.signpost.console.api.SignpostApi;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A manager's view of the service: the referrals waiting for triage and how long they have
 * waited (the triage queue), the days from referral to first session over the last twelve
 * months (the evaluation's figure), each link worker's caseload against capacity, and how many
 * participants have each caseload flag, with the list of them a click away. Every figure is an
 * API answer; only the median and the oldest of the queue's days waiting are taken from the
 * answer's rows here. The counts come without names (no one's personal data is read to count
 * them); only the list of one flag opens, and logs, its participants.
 */
@Controller
class ServicePage {

    /** The months "days to first session" looks back over, to today. */
    static final int MONTHS = 12;

    private final SignpostApi api;
    private final Flags flags;

    ServicePage(SignpostApi api, Flags flags) {
        this.api = api;
        this.flags = flags;
    }

    /** A caseload flag, the address of the list of participants who have it, and how many have it. */
    record FlagCount(String flag, String href, int count) {
    }

    @GetMapping("/service")
    String service(Model model) {
        ConsoleUser user = ConsolePages.current();
        List<Map<String, Object>> queue = api.list(api.get(user, "/api/triage-queue").body());
        List<Integer> days = queue.stream().map(row -> ((Number) row.get("daysWaiting")).intValue()).sorted().toList();
        model.addAttribute("waiting", queue.size());
        model.addAttribute("medianDays", days.isEmpty() ? null : median(days));
        model.addAttribute("oldestDays", days.isEmpty() ? null : days.get(days.size() - 1));

        LocalDate to = BusinessDay.today();
        LocalDate from = to.minusMonths(MONTHS).plusDays(1);
        Map<String, Object> evaluation = api.map(api.get(user, "/api/metrics/evaluation?from=" + from + "&to=" + to)
                .body());
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        Object firstSession = evaluation.get("daysToFirstSession") instanceof Map<?, ?> figure ? figure.get("median") : null;
        model.addAttribute("daysToFirstSession", plain(firstSession));

        List<Map<String, Object>> linkWorkers = api.list(api.get(user, "/api/caseloads").body());
        Map<String, Integer> byFlag = new HashMap<>();
        api.list(api.get(user, "/api/caseload-flags").body()).forEach(count ->
                byFlag.put(String.valueOf(count.get("flag")), ((Number) count.get("participants")).intValue()));
        List<FlagCount> counts = Flags.BY_URGENCY.stream()
                .map(flag -> new FlagCount(flag, "/service/flags/" + slug(flag), byFlag.getOrDefault(flag, 0))).toList();
        model.addAttribute("pageTitle", "Service");
        model.addAttribute("linkWorkers", linkWorkers);
        model.addAttribute("flagCounts", counts);
        return "console/service";
    }

    /** The participants of every caseload who have this flag. */
    @GetMapping("/service/flags/{flag}")
    String withFlag(@PathVariable String flag, Model model, HttpServletResponse response) {
        String code = code(flag);
        if (!Flags.BY_URGENCY.contains(code)) {
            response.setStatus(404);
            model.addAttribute("pageTitle", "Page not found");
            return "console/not-found";
        }
        List<Map<String, Object>> participants = new ArrayList<>(api.list(api.get(ConsolePages.current(),
                "/api/caseload-flags/" + code).body()));
        participants.sort(Comparator.comparing(p -> Objects.toString(p.get("name"), "")));
        model.addAttribute("pageTitle", flags.label(code));
        model.addAttribute("flag", code);
        model.addAttribute("participants", participants);
        return "console/service-flag";
    }

    /** A flag in an address: "no-contact-14-days" for NO_CONTACT_14_DAYS. */
    static String slug(Object flag) {
        return String.valueOf(flag).toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static String code(String slug) {
        return slug.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    /** The middle value, or the mean of the two middle ones (as the API's medians: 4.5). */
    static String median(List<Integer> sorted) {
        int middle = sorted.size() / 2;
        BigDecimal median = sorted.size() % 2 == 1 ? BigDecimal.valueOf(sorted.get(middle))
                : BigDecimal.valueOf((long) sorted.get(middle - 1) + sorted.get(middle)).divide(BigDecimal.valueOf(2));
        return plain(median);
    }

    /** A figure of the API as people write it: 5 for 5.0, 4.5 as it is. */
    private static String plain(Object number) {
        if (number == null) {
            return null;
        }
        return new BigDecimal(String.valueOf(number)).stripTrailingZeros().toPlainString();
    }
}
