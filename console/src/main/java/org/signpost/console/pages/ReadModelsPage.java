package org.signpost.console.pages;

import static org.signpost.console.pages.FormInput.Kind.TEXT;

import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.signpost.console.api.ApiProblem;
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
import org.springframework.web.util.UriUtils;

/**
 * The read models (GET /api/projections): where each stands against the event store's head, its
 * status and dead letters; a replay asked for with a form, its progress shown while it runs and
 * its end said, without a reload (htmx asks for the status part every second while a replay
 * runs, and stops when none does) or with one (a link); a retry of the dead letters.
 */
@Controller
class ReadModelsPage {

    static final List<Field> REPLAY = List.of(new Field("reason", "Reason (optional)", TEXT));
    private static final DateTimeFormatter STARTED = DateTimeFormatter
            .ofPattern("HH:mm:ss").withZone(ZoneId.of("Europe/London"));

    private final SignpostApi api;

    ReadModelsPage(SignpostApi api) {
        this.api = api;
    }

    /** A replay under way, as GET /api/projections gives it, with its figures in words. */
    record Replay(long eventsDone, long eventsToDo, long eventsPerSecond, Long secondsLeft, Instant startedAt,
                  boolean switchingOver) {

        /** Of the events to read, the share read, in whole percent. */
        public int percent() {
            return eventsToDo <= 0 ? 0 : (int) Math.min(100, eventsDone * 100 / eventsToDo);
        }

        /** When it began, as a time of day in London (where staff are). */
        public String startedAtText() {
            return startedAt == null ? null : STARTED.format(startedAt);
        }

        public String timeLeft() {
            if (secondsLeft == null) {
                return null;
            }
            if (secondsLeft < 60) {
                return secondsLeft == 1 ? "about 1 second" : "about " + secondsLeft + " seconds";
            }
            long minutes = (secondsLeft + 59) / 60;
            return minutes == 1 ? "about 1 minute" : "about " + minutes + " minutes";
        }
    }

    /** One read model as the page shows it. */
    record ReadModel(String name, long position, long headPosition, long lag, String status, long deadLetters,
                     Replay replay, String replayFailure) {

        public boolean replaying() {
            return status.equals("REPLAYING");
        }

        public String statusText() {
            return switch (status) {
                case "RUNNING" -> "Running";
                case "REPLAYING" -> "Replaying";
                case "REPLAY_FAILED" -> "Replay failed";
                case "STOPPED" -> "Stopped";
                case "ERROR" -> "Error";
                default -> status;
            };
        }

        public String statusColour() {
            return switch (status) {
                case "RUNNING" -> "nhsuk-tag--green";
                case "REPLAYING" -> "nhsuk-tag--blue";
                case "STOPPED" -> "nhsuk-tag--grey";
                default -> "nhsuk-tag--red";
            };
        }
    }

    /** A replay that was under way when the page was last shown and is not now: done, or failed. */
    record Ended(String name, boolean failed, String reason) {
    }

    @GetMapping("/read-models")
    String page(@RequestParam(required = false) List<String> was, Model model) {
        return show(was, Map.of(), model);
    }

    /** The part of the page a replay changes, asked for by htmx every second while one runs. */
    @GetMapping("/read-models/status")
    String status(@RequestParam(required = false) List<String> was, Model model) {
        status(readModels(), was, model);
        return "console/read-models-status :: status";
    }

    @PostMapping("/read-models/{name}/replay")
    String replay(@PathVariable String name, @RequestParam MultiValueMap<String, String> typed, Model model,
                  HttpServletResponse response, RedirectAttributes redirect) {
        FormInput form = new FormInput(typed, REPLAY, name);
        Map<String, Object> body = new LinkedHashMap<>();
        if (form.given("reason") != null) {
            body.put("reason", form.given("reason"));
        }
        try {
            api.post(ConsolePages.current(), "/api/projections/" + segment(name) + "/replay", body);
        } catch (ApiProblem refused) {
            if (refused.status() != 400) {
                throw refused;
            }
            form.refuse(refused);
            response.setStatus(400);
            return show(List.of(), Map.of(name, form), model);
        }
        redirect.addFlashAttribute("recorded", "Replay of " + name + " started");
        return "redirect:/read-models";
    }

    @PostMapping("/read-models/{name}/dead-letters/retry")
    String retry(@PathVariable String name, RedirectAttributes redirect) {
        Map<String, Object> retried = api.map(api.post(ConsolePages.current(),
                "/api/projections/" + segment(name) + "/dead-letters/retry", Map.of()).body());
        String applied = retried.get("applied") + " applied, " + retried.get("deadLetters") + " left";
        if ("APPLIED".equals(retried.get("outcome"))) {
            redirect.addFlashAttribute("recorded", "Dead letters of " + name + " retried: " + applied);
        } else {
            redirect.addFlashAttribute("stillFailing", "The dead letters of " + name + " still fail: " + applied
                    + ". The first that fails stays as it was, and those after it wait behind it.");
        }
        return "redirect:/read-models";
    }

    private String show(List<String> was, Map<String, FormInput> refused, Model model) {
        List<ReadModel> readModels = readModels();
        status(readModels, was, model);
        Map<String, FormInput> forms = new LinkedHashMap<>();
        Map<String, String> problems = new LinkedHashMap<>();
        for (ReadModel readModel : readModels) {
            FormInput form = refused.getOrDefault(readModel.name(), FormInput.empty(REPLAY, readModel.name()));
            forms.put(readModel.name(), form);
            problems.putAll(form.summary());
        }
        model.addAttribute("pageTitle", (problems.isEmpty() ? "" : "Error: ") + "Read models");
        model.addAttribute("forms", forms);
        model.addAttribute("problems", problems);
        return "console/read-models";
    }

    /** The status part: the read models, the replays under way, and those that ended since {@code was}. */
    private static void status(List<ReadModel> readModels, List<String> was, Model model) {
        Set<String> before = was == null ? Set.of() : was.stream()
                .flatMap(names -> Arrays.stream(names.split(","))).collect(Collectors.toSet());
        List<Ended> ended = new ArrayList<>();
        List<String> replaying = new ArrayList<>();
        for (ReadModel readModel : readModels) {
            if (readModel.replaying()) {
                replaying.add(readModel.name());
            } else if (before.contains(readModel.name())) {
                ended.add(new Ended(readModel.name(), readModel.status().equals("REPLAY_FAILED"),
                        readModel.replayFailure()));
            }
        }
        String watching = replaying.stream().map(ReadModelsPage::segment).collect(Collectors.joining(","));
        model.addAttribute("readModels", readModels);
        model.addAttribute("ended", ended);
        model.addAttribute("polling", !replaying.isEmpty());
        model.addAttribute("pollUrl", "/read-models/status?was=" + watching);
        model.addAttribute("refreshUrl", "/read-models?was=" + watching);
    }

    private List<ReadModel> readModels() {
        List<ReadModel> readModels = new ArrayList<>();
        for (Map<String, Object> p : api.list(api.get(ConsolePages.current(), "/api/projections").body())) {
            readModels.add(new ReadModel(String.valueOf(p.get("name")), number(p.get("position")),
                    number(p.get("headPosition")), number(p.get("lag")), String.valueOf(p.get("status")),
                    number(p.get("deadLetters")), replay(p.get("replay")),
                    p.get("replayFailure") == null ? null : String.valueOf(p.get("replayFailure"))));
        }
        return readModels;
    }

    private static Replay replay(Object given) {
        if (!(given instanceof Map<?, ?> replay)) {
            return null;
        }
        return new Replay(number(replay.get("eventsDone")), number(replay.get("eventsToDo")),
                number(replay.get("eventsPerSecond")),
                replay.get("secondsLeft") == null ? null : number(replay.get("secondsLeft")),
                replay.get("startedAt") == null ? null : Instant.parse(String.valueOf(replay.get("startedAt"))),
                "SWITCHING_OVER".equals(replay.get("stage")));
    }

    private static long number(Object value) {
        return value instanceof Number n ? n.longValue() : 0;
    }

    private static String segment(String name) {
        return UriUtils.encodePathSegment(name, StandardCharsets.UTF_8);
    }
}
