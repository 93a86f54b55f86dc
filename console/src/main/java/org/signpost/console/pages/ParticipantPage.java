package org.signpost.console.pages;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.signpost.console.api.ApiProblem;
import org.signpost.console.api.ConsoleUser;
import org.signpost.console.api.SignpostApi;
import org.signpost.console.pages.ParticipantActions.Action;
import org.signpost.console.pages.ParticipantActions.ActionLink;
import org.signpost.console.pages.ParticipantActions.Concern;
import org.signpost.console.pages.ParticipantActions.Field;
import org.signpost.console.pages.ParticipantActions.Signpost;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * A participant: who they are, their referral, link worker and entitlement, their outcome
 * measures as charts, their signposts, and a timeline of everything recorded, newest first; and,
 * for their link worker and managers, a form for each thing a link worker records (a page of its
 * own each, one thing per page). Another link worker's participant is the API's 404, and so a
 * "page not found" here too, for the forms as well.
 *
 * <p>Every form carries the version of the participant it was opened on and sends it as
 * If-Match: if someone recorded something since, the API answers 412 and the form says so with the
 * current state, keeping what was typed, rather than recording over a change nobody has seen.
 */
@Controller
class ParticipantPage {

    /** How long the page after an action waits for the read models to have it before showing what there is. */
    private static final Duration READ_YOUR_WRITE = Duration.ofSeconds(10);
    private static final String ACTIONS = "session|missed-session|contact|measure|signpost|safeguarding-concern|discharge";

    /** What the page says in place of an erased young person's name. */
    static final String ERASED = "Personal data erased";

    private final SignpostApi api;
    private final Timeline timeline;

    ParticipantPage(SignpostApi api, Timeline timeline) {
        this.api = api;
        this.timeline = timeline;
    }

    @GetMapping("/participants/{participantId}")
    String participant(@PathVariable UUID participantId, Model model) {
        ConsoleUser user = ConsolePages.current();
        SignpostApi.Answer answer = api.get(user, "/api/participants/" + participantId);
        Map<String, Object> participant = api.map(answer.body());
        // Everything recorded about them: their referral's history, then their support's, in the order recorded.
        List<Map<String, Object>> support = history(user, "/api/participants/" + participantId + "/history");
        List<Map<String, Object>> history = new ArrayList<>(
                history(user, "/api/referrals/" + participant.get("referralId") + "/history"));
        history.addAll(support);
        history.sort(Comparator.comparing(event -> String.valueOf(event.get("recordedAt"))));
        boolean canAct = mayAct(user) && "ACTIVE".equals(participant.get("status"));
        // No name: the young person's personal data is erased (the API answers null for each personal value).
        Object name = participant.get("name");
        model.addAttribute("pageTitle", name == null ? ERASED : String.valueOf(name));
        model.addAttribute("participant", participant);
        model.addAttribute("version", answer.version());
        model.addAttribute("canAct", canAct);
        model.addAttribute("actions", canAct ? links(participantId) : List.of());
        model.addAttribute("signposts", signposts(support));
        model.addAttribute("concerns", concerns(support));
        model.addAttribute("charts", OutcomeCharts.from(support));
        model.addAttribute("timeline", timeline.entries(history));
        return "console/participant";
    }

    @GetMapping("/participants/{participantId}/{action:" + ACTIONS + "}")
    String form(@PathVariable UUID participantId, @PathVariable String action,
                @RequestParam(required = false) String instrument, Model model) {
        Action form = known(ParticipantActions.action(action, instrument));
        Map<String, Object> participant = openForm(participantId, model);
        return show(participantId, form, participant, Map.of(), new LinkedHashMap<>(), null, model);
    }

    @GetMapping("/participants/{participantId}/signposts/{signpostId}/uptake")
    String uptakeForm(@PathVariable UUID participantId, @PathVariable UUID signpostId, Model model) {
        Action form = ParticipantActions.action("uptake", null);
        Map<String, Object> participant = openForm(participantId, model);
        model.addAttribute("signpost", signpost(participantId, signpostId));
        return show(participantId, form, participant, Map.of(), new LinkedHashMap<>(), null, model);
    }

    @PostMapping("/participants/{participantId}/{action:" + ACTIONS + "}")
    String record(@PathVariable UUID participantId, @PathVariable String action,
                  @RequestParam MultiValueMap<String, String> sent, Model model, RedirectAttributes redirect) {
        Action form = known(ParticipantActions.action(action, sent.getFirst("instrument")));
        return send(participantId, form, "/api/participants/" + participantId + form.apiPath(), sent, model, redirect);
    }

    @PostMapping("/participants/{participantId}/signposts/{signpostId}/uptake")
    String recordUptake(@PathVariable UUID participantId, @PathVariable UUID signpostId,
                        @RequestParam MultiValueMap<String, String> sent, Model model, RedirectAttributes redirect) {
        Action form = ParticipantActions.action("uptake", null);
        model.addAttribute("signpost", signpost(participantId, signpostId));
        return send(participantId, form, "/api/participants/" + participantId + "/signposts/" + signpostId + "/uptake",
                sent, model, redirect);
    }

    @GetMapping("/participants/{participantId}/safeguarding-concerns/{concernId}/closure")
    String closureForm(@PathVariable UUID participantId, @PathVariable UUID concernId, Model model) {
        Action form = ParticipantActions.action("concern-closure", null);
        Map<String, Object> participant = openForm(participantId, model);
        model.addAttribute("concern", concern(participantId, concernId));
        return show(participantId, form, participant, Map.of(), new LinkedHashMap<>(), null, model);
    }

    @PostMapping("/participants/{participantId}/safeguarding-concerns/{concernId}/closure")
    String closeConcern(@PathVariable UUID participantId, @PathVariable UUID concernId,
                        @RequestParam MultiValueMap<String, String> sent, Model model, RedirectAttributes redirect) {
        Action form = ParticipantActions.action("concern-closure", null);
        model.addAttribute("concern", concern(participantId, concernId));
        return send(participantId, form, "/api/participants/" + participantId + "/safeguarding-concerns/" + concernId
                + "/closure", sent, model, redirect);
    }

    private String send(UUID participantId, Action form, String apiPath, MultiValueMap<String, String> sent,
                        Model model, RedirectAttributes redirect) {
        ConsoleUser user = ConsolePages.current();
        Map<String, Object> typed = typed(form, sent);
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, Object> body = ParticipantActions.body(form, typed, errors);
        Long version = version(sent.getFirst("version"));
        if (!errors.isEmpty()) {
            Map<String, Object> participant = api.map(api.get(user, "/api/participants/" + participantId).body());
            model.addAttribute("version", version);
            return show(participantId, form, participant, typed, errors, null, model);
        }
        SignpostApi.Answer answer;
        try {
            answer = api.post(user, apiPath, body, version);
        } catch (ApiProblem refused) {
            return refused(participantId, form, typed, version, refused, model);
        }
        // Read your own write: the page that follows shows what was just recorded, in the summary and the timeline.
        api.getAtLeast(user, "/api/participants/" + participantId, answer.version(), READ_YOUR_WRITE);
        historyAtLeast(user, participantId, answer.version());
        redirect.addFlashAttribute("recorded", form.recorded().apply(body, answer.body()));
        return "redirect:/participants/" + participantId;
    }

    /** The API's refusal on the form: its fields' messages (400), a business rule (409), a change since (412). */
    private String refused(UUID participantId, Action form, Map<String, Object> typed, Long version,
                           ApiProblem refused, Model model) {
        ConsoleUser user = ConsolePages.current();
        Map<String, String> errors = new LinkedHashMap<>();
        String refusal = null;
        switch (refused.status()) {
            case 400 -> {
                refused.byField().forEach((apiField, message) -> {
                    String name = ParticipantActions.formField(apiField);
                    Field field = form.fields().stream().filter(f -> f.name().equals(name)).findFirst().orElse(null);
                    if (field != null) {
                        errors.putIfAbsent(name, ParticipantActions.message(field, message));
                    }
                });
                if (errors.isEmpty()) {
                    refusal = refused.detail().isBlank() ? refused.title() : refused.detail();
                }
            }
            case 409 -> refusal = refused.detail().isBlank() ? refused.title() : refused.detail();
            case 412 -> {
                refusal = "Someone else changed this record since you opened it. Check what is recorded now, "
                        + "then send the form again if it is still needed.";
                model.addAttribute("stale", true);
            }
            default -> throw refused;
        }
        long opened = version == null ? -1 : version;
        SignpostApi.Answer current = refused.status() == 412
                // Someone recorded at least one thing since: the page shows it once the read models have it.
                ? api.getAtLeast(user, "/api/participants/" + participantId, opened + 1, READ_YOUR_WRITE)
                : api.get(user, "/api/participants/" + participantId);
        Map<String, Object> participant = api.map(current.body());
        if (refused.status() == 412) {
            // What changed since the form was opened, so that nothing is recorded over it unseen.
            historyAtLeast(user, participantId, current.version());
            List<Map<String, Object>> since = api.list(api.get(user, "/api/participants/" + participantId + "/history").body())
                    .stream().filter(event -> event.get("sequence") instanceof Number n && n.longValue() > opened).toList();
            model.addAttribute("changes", timeline.entries(since));
            model.addAttribute("version", current.version());
        } else {
            model.addAttribute("version", version);
        }
        model.addAttribute("status", refused.status());
        return show(participantId, form, participant, typed, errors, refusal, model);
    }

    private String show(UUID participantId, Action form, Map<String, Object> participant, Map<String, Object> typed,
                        Map<String, String> errors, String refusal, Model model) {
        Map<String, String> summary = new LinkedHashMap<>();
        form.fields().stream().filter(field -> errors.containsKey(field.name()))
                .forEach(field -> summary.put(field.anchor(), errors.get(field.name())));
        model.addAttribute("pageTitle", (errors.isEmpty() && refusal == null ? "" : "Error: ") + form.title()
                + " - " + participant.get("name"));
        model.addAttribute("participant", participant);
        model.addAttribute("participantId", participantId);
        model.addAttribute("form", form);
        model.addAttribute("instrument", form.path().equals("measure")
                ? form.title().replaceAll("^Record an? | measure$", "") : null);
        model.addAttribute("values", typed);
        model.addAttribute("errors", errors);
        model.addAttribute("problems", summary);
        model.addAttribute("refusal", refusal);
        model.addAttribute("formAction", ServletUriComponentsBuilder.fromCurrentRequestUri().replaceQuery(null)
                .build().getPath());
        return "console/participant-action";
    }

    /** The participant the form is for (404 if not the link worker's own), and its version for If-Match. */
    private Map<String, Object> openForm(UUID participantId, Model model) {
        ConsoleUser user = ConsolePages.current();
        if (!mayAct(user)) {
            throw new ApiProblem(403, "", "Forbidden", "", List.of());
        }
        SignpostApi.Answer answer = api.get(user, "/api/participants/" + participantId);
        model.addAttribute("version", answer.version());
        return api.map(answer.body());
    }

    /** A signpost of this participant's history, or the page is not found. */
    private Signpost signpost(UUID participantId, UUID signpostId) {
        List<Map<String, Object>> history = api.list(api.get(ConsolePages.current(),
                "/api/participants/" + participantId + "/history").body());
        return signposts(history).stream().filter(s -> s.signpostId().equals(signpostId.toString())).findFirst()
                .orElseThrow(() -> new ApiProblem(404, "", "Not found", "", List.of()));
    }

    /** A safeguarding concern of this participant's history, open or closed, or the page is not found. */
    private Concern concern(UUID participantId, UUID concernId) {
        List<Map<String, Object>> history = api.list(api.get(ConsolePages.current(),
                "/api/participants/" + participantId + "/history").body());
        return concerns(history).stream().filter(c -> c.concernId().equals(concernId.toString())).findFirst()
                .orElseThrow(() -> new ApiProblem(404, "", "Not found", "", List.of()));
    }

    /**
     * Waits until the participant's history (its own read model, the audit trail) has the version
     * the command answered, as {@link SignpostApi#getAtLeast} does for the participant's state.
     */
    private void historyAtLeast(ConsoleUser user, UUID participantId, long version) {
        Instant giveUp = Instant.now().plus(READ_YOUR_WRITE);
        while (Instant.now().isBefore(giveUp)) {
            JsonNode history = api.get(user, "/api/participants/" + participantId + "/history").body();
            long latest = -1;
            for (JsonNode event : history) {
                latest = Math.max(latest, event.path("sequence").asLong(-1));
            }
            if (latest >= version) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static List<Signpost> signposts(List<Map<String, Object>> history) {
        Map<String, Signpost> signposts = new LinkedHashMap<>();
        for (Map<String, Object> event : history) {
            String type = String.valueOf(event.get("type"));
            if (!(event.get("payload") instanceof Map<?, ?> payload)) {
                continue;
            }
            String id = String.valueOf(payload.get("signpostId"));
            if (type.endsWith("SignpostedToVcse")) {
                signposts.put(id, new Signpost(id, String.valueOf(payload.get("organisation")),
                        String.valueOf(payload.get("activity")), Timeline.words(String.valueOf(payload.get("category"))
                        .toLowerCase(Locale.ROOT).replace('_', ' ')),
                        ParticipantActions.day(payload.get("signpostedOn")), null));
            } else if (type.endsWith("UptakeRecorded") && signposts.containsKey(id)) {
                Signpost signpost = signposts.get(id);
                signposts.put(id, new Signpost(id, signpost.organisation(), signpost.activity(), signpost.category(),
                        signpost.signpostedOn(), (Boolean.TRUE.equals(payload.get("attended")) ? "Went" : "Did not go")
                        + " (recorded " + ParticipantActions.day(payload.get("recordedOn")) + ")"));
            }
        }
        return new ArrayList<>(signposts.values());
    }

    /** The concerns raised in the history, oldest first, each closed once its closure is there. */
    private static List<Concern> concerns(List<Map<String, Object>> history) {
        Map<String, Concern> concerns = new LinkedHashMap<>();
        for (Map<String, Object> event : history) {
            String type = String.valueOf(event.get("type"));
            if (!(event.get("payload") instanceof Map<?, ?> payload)) {
                continue;
            }
            String id = String.valueOf(payload.get("concernId"));
            if (type.endsWith("SafeguardingConcernRaised")) {
                // Personal data comes as {"value": ...}; nothing where it was erased.
                Object summary = payload.get("summary") instanceof Map<?, ?> sealed ? sealed.get("value") : null;
                concerns.put(id, new Concern(id, ParticipantActions.day(payload.get("raisedOn")),
                        summary == null ? null : String.valueOf(summary), null));
            } else if (type.endsWith("SafeguardingConcernClosed") && concerns.containsKey(id)) {
                Concern raised = concerns.get(id);
                concerns.put(id, new Concern(id, raised.raisedOn(), raised.summary(),
                        ParticipantActions.day(payload.get("closedOn"))));
            }
        }
        return new ArrayList<>(concerns.values());
    }

    private static List<ActionLink> links(UUID participantId) {
        String base = "/participants/" + participantId + "/";
        return List.of(new ActionLink(base + "session", "Record a session"),
                new ActionLink(base + "missed-session", "Record a missed session"),
                new ActionLink(base + "contact", "Record a contact"),
                new ActionLink(base + "measure?instrument=SWEMWBS", "Record a SWEMWBS measure"),
                new ActionLink(base + "measure?instrument=UCLA3", "Record a UCLA3 measure"),
                new ActionLink(base + "measure?instrument=ONS4", "Record an ONS4 measure"),
                new ActionLink(base + "signpost", "Signpost to a VCSE activity"),
                new ActionLink(base + "safeguarding-concern", "Raise a safeguarding concern"),
                new ActionLink(base + "discharge", "Discharge"));
    }

    /** Link workers (their own participants: the API answers 404 for others) and managers record support. */
    private static boolean mayAct(ConsoleUser user) {
        return user != null && user.is("LINK_WORKER", "MANAGER");
    }

    /** What was typed, as the form shows it again: one value per field, a list for checkboxes. */
    private static Map<String, Object> typed(Action form, MultiValueMap<String, String> sent) {
        Map<String, Object> typed = new LinkedHashMap<>();
        for (Field field : form.fields()) {
            if (field.kind() == Field.Kind.CHECKBOXES) {
                List<String> chosen = sent.get(field.name());
                typed.put(field.name(), chosen == null ? List.of() : List.copyOf(chosen));
            } else if (field.kind() == Field.Kind.DATE) {
                for (String part : List.of("-day", "-month", "-year")) {
                    typed.put(field.name() + part, sent.getFirst(field.name() + part));
                }
            } else {
                typed.put(field.name(), sent.getFirst(field.name()));
            }
        }
        return typed;
    }

    /** The version the form was opened on; a form without one is sent with a version no record has (412). */
    private static Long version(String sent) {
        if (sent == null || sent.isBlank()) {
            return -2L;
        }
        try {
            return Long.valueOf(sent.trim());
        } catch (NumberFormatException e) {
            // Not a version any record has: the API answers 412, which is what a tampered form deserves.
            return -2L;
        }
    }

    private static Action known(Action action) {
        if (action == null) {
            throw new ApiProblem(404, "", "Not found", "", List.of());
        }
        return action;
    }

    /**
     * A history of the audit trail, asked once the participant is known to be the user's: empty
     * while that read model has not yet got the referral or the participant (each read model
     * applies the events on its own, and the caseload may have a new participant first).
     */
    private List<Map<String, Object>> history(ConsoleUser user, String path) {
        try {
            return api.list(api.get(user, path).body());
        } catch (ApiProblem problem) {
            if (problem.status() == 404) {
                return List.of();
            }
            throw problem;
        }
    }
}
