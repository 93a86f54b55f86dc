package org.signpost.console.pages;

import static org.signpost.console.pages.FormInput.Kind.CHOICE;
import static org.signpost.console.pages.FormInput.Kind.DATE;
import static org.signpost.console.pages.FormInput.Kind.TEXT;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.signpost.console.api.ApiProblem;
import org.signpost.console.api.ConsoleUser;
import org.signpost.console.api.SignpostApi;
import org.signpost.console.pages.FormInput.Field;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A referral (personal data: the API logs the read), its status, its history, and what a
 * coordinator or manager may do with it in its state: triage it against the inclusion criteria,
 * withdraw it, assign it to a link worker (seeing each one's caseload against capacity); once a
 * participant, change their link worker, and (a manager) extend their support. Every command
 * carries the version the page was shown with (If-Match): if someone else changed the record
 * since, the API refuses it (412) and the page says so with the record as it now is.
 */
@Controller
class ReferralPage {

    static final List<Field> TRIAGE = List.of(
            new Field("outcome", "Outcome", CHOICE),
            new Field("triagedOn", "Date triaged", DATE),
            new Field("reason", "Reason", TEXT),
            new Field("redirectedTo", "Service redirected to", TEXT),
            new Field("overrideReason", "Reason to accept although a criterion is not met", TEXT));
    static final List<Field> ASSIGNMENT = List.of(
            new Field("linkWorkerId", "Link worker", CHOICE),
            new Field("assignedOn", "Date assigned", DATE));
    static final List<Field> WITHDRAWAL = List.of(
            new Field("reason", "Reason for withdrawal", TEXT),
            new Field("withdrawnOn", "Date withdrawn", DATE));
    static final List<Field> LINK_WORKER_CHANGE = List.of(
            new Field("linkWorkerId", "New link worker", CHOICE),
            new Field("reason", "Reason for the change", TEXT),
            new Field("changedOn", "Date of the change", DATE));
    static final List<Field> EXTENSION = List.of(
            new Field("weeks", "Weeks", TEXT),
            new Field("reason", "Reason for the extension", TEXT));

    /** How long a page waits for the read model to have what a command just recorded. */
    private static final Duration PATIENCE = Duration.ofSeconds(5);

    private final SignpostApi api;
    private final Timeline timeline;

    ReferralPage(SignpostApi api, Timeline timeline) {
        this.api = api;
        this.timeline = timeline;
    }

    @GetMapping("/referrals/{referralId}")
    String referral(@PathVariable UUID referralId, Model model) {
        return show(referralId, Map.of(), model);
    }

    @PostMapping("/referrals/{referralId}/triage")
    String triage(@PathVariable UUID referralId, @RequestParam MultiValueMap<String, String> typed, Model model,
                  HttpServletResponse response, RedirectAttributes redirect) {
        FormInput form = new FormInput(typed, TRIAGE, "triage");
        Map<String, Object> body = new LinkedHashMap<>();
        put(body, "outcome", form.given("outcome"));
        // Required: a date that is not one is sent as missing, so that the API refuses the rest with it.
        put(body, "triagedOn", iso(form.date("triagedOn", false)));
        put(body, "reason", form.given("reason"));
        put(body, "redirectedTo", form.given("redirectedTo"));
        put(body, "overrideReason", form.given("overrideReason"));
        SignpostApi.Answer answer = send(referralId, "triage", form, "/api/referrals/" + referralId + "/triage", body,
                typed, model, response);
        if (answer == null) {
            // The API names the failed criteria by their codes; the page lists them in words above.
            form.reword("overrideReason", "Enter a reason to accept this referral although it does not meet "
                    + "every inclusion criterion");
            return show(referralId, Map.of("triage", form), model);
        }
        api.getAtLeast(ConsolePages.current(), "/api/referrals/" + referralId, answer.version(), PATIENCE);
        redirect.addFlashAttribute("recorded", "Referral triaged: "
                + answer.body().path("outcome").asText(form.value("outcome")).toLowerCase(Locale.ROOT));
        return "redirect:/referrals/" + referralId;
    }

    @PostMapping("/referrals/{referralId}/assignment")
    String assign(@PathVariable UUID referralId, @RequestParam MultiValueMap<String, String> typed, Model model,
                  HttpServletResponse response, RedirectAttributes redirect) {
        FormInput form = new FormInput(typed, ASSIGNMENT, "assignment");
        Map<String, Object> body = new LinkedHashMap<>();
        put(body, "linkWorkerId", form.given("linkWorkerId"));
        // Optional: left out it is today, so a date that is not one is never sent.
        put(body, "assignedOn", iso(form.date("assignedOn", false)));
        SignpostApi.Answer answer = form.notADate("assignedOn") ? null : send(referralId, "assignment", form,
                "/api/referrals/" + referralId + "/assignment", body, typed, model, response);
        if (answer == null) {
            statusIfRefused(form, response);
            return show(referralId, Map.of("assignment", form), model);
        }
        ConsoleUser user = ConsolePages.current();
        String participantId = answer.body().path("participantId").asText();
        api.getAtLeast(user, "/api/referrals/" + referralId, answer.version(), PATIENCE);
        // The participant's page reads the participant and their history, two read models: wait until both
        // have them (the history is 404 until its read model has the participant's first event).
        api.getAtLeast(user, "/api/participants/" + participantId, 0, PATIENCE);
        api.getAtLeast(user, "/api/participants/" + participantId + "/history", -1, PATIENCE);
        redirect.addFlashAttribute("recorded", "Link worker assigned: " + form.value("linkWorkerId"));
        return "redirect:/participants/" + participantId;
    }

    @PostMapping("/referrals/{referralId}/withdrawal")
    String withdraw(@PathVariable UUID referralId, @RequestParam MultiValueMap<String, String> typed, Model model,
                    HttpServletResponse response, RedirectAttributes redirect) {
        FormInput form = new FormInput(typed, WITHDRAWAL, "withdrawal");
        Map<String, Object> body = new LinkedHashMap<>();
        put(body, "reason", form.given("reason"));
        put(body, "withdrawnOn", iso(form.date("withdrawnOn", false)));
        SignpostApi.Answer answer = form.notADate("withdrawnOn") ? null : send(referralId, "withdrawal", form,
                "/api/referrals/" + referralId + "/withdrawal", body, typed, model, response);
        if (answer == null) {
            statusIfRefused(form, response);
            return show(referralId, Map.of("withdrawal", form), model);
        }
        api.getAtLeast(ConsolePages.current(), "/api/referrals/" + referralId, answer.version(), PATIENCE);
        redirect.addFlashAttribute("recorded", "Referral withdrawn");
        return "redirect:/referrals/" + referralId;
    }

    @PostMapping("/referrals/{referralId}/link-worker")
    String changeLinkWorker(@PathVariable UUID referralId, @RequestParam MultiValueMap<String, String> typed,
                            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        FormInput form = new FormInput(typed, LINK_WORKER_CHANGE, "change");
        String participantId = participantOf(referralId);
        Map<String, Object> body = new LinkedHashMap<>();
        put(body, "linkWorkerId", form.given("linkWorkerId"));
        put(body, "reason", form.given("reason"));
        put(body, "changedOn", iso(form.date("changedOn", false)));
        SignpostApi.Answer answer = form.notADate("changedOn") ? null : send(referralId, "change", form,
                "/api/participants/" + participantId + "/link-worker", body, typed, model, response);
        if (answer == null) {
            statusIfRefused(form, response);
            return show(referralId, Map.of("change", form), model);
        }
        api.getAtLeast(ConsolePages.current(), "/api/participants/" + participantId, answer.version(), PATIENCE);
        redirect.addFlashAttribute("recorded", "Link worker changed to " + form.value("linkWorkerId"));
        return "redirect:/referrals/" + referralId;
    }

    @PostMapping("/referrals/{referralId}/extension")
    String extend(@PathVariable UUID referralId, @RequestParam MultiValueMap<String, String> typed, Model model,
                  HttpServletResponse response, RedirectAttributes redirect) {
        FormInput form = new FormInput(typed, EXTENSION, "extension");
        String participantId = participantOf(referralId);
        Map<String, Object> body = new LinkedHashMap<>();
        String weeks = form.value("weeks");
        // A whole number as a number; anything else as typed, for the API to say what is wrong with it.
        put(body, "weeks", weeks.matches("[0-9]{1,4}") ? (Object) Integer.valueOf(weeks) : form.given("weeks"));
        put(body, "reason", form.given("reason"));
        SignpostApi.Answer answer = send(referralId, "extension", form,
                "/api/participants/" + participantId + "/extension", body, typed, model, response);
        if (answer == null) {
            return show(referralId, Map.of("extension", form), model);
        }
        api.getAtLeast(ConsolePages.current(), "/api/participants/" + participantId, answer.version(), PATIENCE);
        redirect.addFlashAttribute("recorded", "Support extended by " + weeks + " weeks");
        return "redirect:/referrals/" + referralId;
    }

    /**
     * Sends a command with the version the page was shown with. Its answer; or null when refused
     * for what was typed (400, or a 409 of a business rule: on the form) or because the record
     * changed since the page was shown (412: said on the page). Anything else is the error pages'.
     */
    private SignpostApi.Answer send(UUID referralId, String formName, FormInput form, String path,
                                    Map<String, Object> body, MultiValueMap<String, String> typed, Model model,
                                    HttpServletResponse response) {
        try {
            return api.post(ConsolePages.current(), path, body, version(typed.getFirst("version")));
        } catch (ApiProblem refused) {
            switch (refused.status()) {
                case 400, 409 -> form.refuse(refused);
                case 412 -> model.addAttribute("stale", true);
                default -> throw refused;
            }
            response.setStatus(refused.status());
            return null;
        }
    }

    /** A date the console could not read was never sent: the form is shown again as refused. */
    private static void statusIfRefused(FormInput form, HttpServletResponse response) {
        if (form.hasErrors() && response.getStatus() < 400) {
            response.setStatus(400);
        }
    }

    private String participantOf(UUID referralId) {
        Map<String, Object> referral = api.map(api.get(ConsolePages.current(), "/api/referrals/" + referralId).body());
        Object participantId = referral.get("participantId");
        if (participantId == null) {
            throw new ApiProblem(409, "rule-refused", "Not yet a participant",
                    "This referral has not been assigned to a link worker.", List.of());
        }
        return String.valueOf(participantId);
    }

    /** The page: the referral as it is now, with the forms of its state (those given keep what was typed). */
    private String show(UUID referralId, Map<String, FormInput> refused, Model model) {
        ConsoleUser user = ConsolePages.current();
        SignpostApi.Answer answer = api.get(user, "/api/referrals/" + referralId);
        Map<String, Object> referral = api.map(answer.body());
        String status = String.valueOf(referral.get("status"));
        List<?> failed = referral.get("failedCriteria") instanceof List<?> list ? list : List.of();
        model.addAttribute("pageTitle", (refused.values().stream().anyMatch(FormInput::hasErrors) ? "Error: " : "")
                + "Referral of " + name(referral));
        model.addAttribute("referral", referral);
        model.addAttribute("name", name(referral));
        model.addAttribute("version", answer.version() >= 0 ? answer.version() : referral.get("version"));
        model.addAttribute("failed", failed);
        model.addAttribute("timeline", timeline.entries(history(user, referralId)));
        LocalDate today = BusinessDay.today();
        if (status.equals("AWAITING_TRIAGE")) {
            model.addAttribute("triage", form(refused, "triage", TRIAGE, f -> f.presetDate("triagedOn", today)));
            model.addAttribute("withdrawal", form(refused, "withdrawal", WITHDRAWAL,
                    f -> f.presetDate("withdrawnOn", today)));
        }
        if (status.equals("ACCEPTED") && referral.get("participantId") == null) {
            model.addAttribute("linkWorkers", linkWorkers(user, null));
            model.addAttribute("assignment", form(refused, "assignment", ASSIGNMENT,
                    f -> f.presetDate("assignedOn", today)));
        }
        if (referral.get("participantId") != null) {
            Map<String, Object> participant = participant(user, referral.get("participantId"));
            model.addAttribute("participant", participant);
            if (participant != null && "ACTIVE".equals(participant.get("status"))) {
                model.addAttribute("changeTo", linkWorkers(user, participant.get("linkWorkerId")));
                model.addAttribute("change", form(refused, "change", LINK_WORKER_CHANGE,
                        f -> f.presetDate("changedOn", today)));
                if (user.is("MANAGER")) {
                    model.addAttribute("extension", form(refused, "extension", EXTENSION, f -> { }));
                }
            }
        }
        model.addAttribute("refused", refused.values().stream().filter(FormInput::hasErrors).findFirst().orElse(null));
        return "console/referral";
    }

    private static FormInput form(Map<String, FormInput> refused, String name, List<Field> fields,
                                  Consumer<FormInput> preset) {
        FormInput typed = refused.get(name);
        if (typed != null) {
            return typed;
        }
        FormInput empty = FormInput.empty(fields, name);
        preset.accept(empty);
        return empty;
    }

    /** Each link worker but {@code except}, in words with their active caseload against capacity. */
    private Map<String, String> linkWorkers(ConsoleUser user, Object except) {
        Map<String, String> choices = new LinkedHashMap<>();
        for (Map<String, Object> load : api.list(api.get(user, "/api/caseloads").body())) {
            String id = String.valueOf(load.get("linkWorkerId"));
            if (id.equals(except)) {
                continue;
            }
            int active = ((Number) load.get("active")).intValue();
            int capacity = ((Number) load.get("capacity")).intValue();
            choices.put(id, id + ": " + active + " active of a capacity of " + capacity
                    + (active >= capacity ? " (full)" : ""));
        }
        return choices;
    }

    private Map<String, Object> participant(ConsoleUser user, Object participantId) {
        try {
            return api.map(api.get(user, "/api/participants/" + participantId).body());
        } catch (ApiProblem problem) {
            if (problem.status() == 404) {
                return null; // not yet in its read model
            }
            throw problem;
        }
    }

    private List<Map<String, Object>> history(ConsoleUser user, UUID referralId) {
        try {
            return new ArrayList<>(api.list(api.get(user, "/api/referrals/" + referralId + "/history").body()));
        } catch (ApiProblem problem) {
            if (problem.status() == 404) {
                return List.of();
            }
            throw problem;
        }
    }

    private static String name(Map<String, Object> referral) {
        if (referral.get("youngPerson") instanceof Map<?, ?> person) {
            return person.get("firstName") + " " + person.get("lastName");
        }
        return "a young person"; // erased
    }

    private static Long version(String typed) {
        try {
            return typed == null || typed.isBlank() ? null : Long.valueOf(typed.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static void put(Map<String, Object> body, String name, Object value) {
        if (value != null) {
            body.put(name, value);
        }
    }

    private static String iso(LocalDate date) {
        return date == null ? null : date.toString();
    }
}
