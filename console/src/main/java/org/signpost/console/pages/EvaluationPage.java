package org.signpost.console.pages;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.signpost.console.api.ApiProblem;
import org.signpost.console.api.SignpostApi;
import org.signpost.console.pages.EvaluationFigures.Answer;
import org.signpost.console.pages.EvaluationRequest.Period;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "Evaluation": the analyst's figures for a period, as of now or a past instant, exact or fit to
 * publish, beside a second period's if asked; charts drawn from the same answers; a download of
 * the API's own CSV. Every figure is the API's (GET /api/metrics/evaluation, and the referral rate
 * by month for the chart of months); the page adds only the change between two periods. Nothing
 * here is about a person: the metrics name nobody.
 */
@Controller
class EvaluationPage {

    /** The API's decimals as it wrote them (0.0001 stays 0.0001, 1.0 stays 1.0), for the tables and the change. */
    private static final ObjectMapper EXACT = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    /** The type of a refusal of the comparison's query: its from and to are the form's compareFrom and compareTo. */
    private static final String COMPARISON = "comparison";

    private final SignpostApi api;
    private final Words words;
    private final Clock clock = Clock.systemUTC();

    EvaluationPage(SignpostApi api, Words words) {
        this.api = api;
        this.words = words;
    }

    @GetMapping("/evaluation")
    String evaluation(@RequestParam MultiValueMap<String, String> typed, Model model, HttpServletResponse response) {
        FormInput form = new FormInput(typed, EvaluationRequest.FIELDS);
        if (EvaluationRequest.FIELDS.stream().noneMatch(field -> typed.keySet().stream()
                .anyMatch(name -> name.startsWith(field.name())))) {
            EvaluationRequest.presetDefault(form, clock);
        }
        EvaluationRequest request = EvaluationRequest.read(form, clock);
        model.addAttribute("pageTitle", "Evaluation");
        model.addAttribute("form", form);
        if (request != null) {
            try {
                figures(request, model);
            } catch (ApiProblem refused) {
                if (refused.status() != 400) {
                    throw refused;
                }
                refused.errors().forEach(error -> form.refuse(field(error.field(), refused), error.message()));
                if (refused.errors().isEmpty()) {
                    form.refuse(refused);
                }
            }
        }
        if (form.hasErrors()) {
            response.setStatus(400);
        }
        return "console/evaluation";
    }

    /** The API's name of a refused parameter as the form's field: the comparison's from and to are its own. */
    private static String field(String apiName, ApiProblem refused) {
        boolean comparison = refused.type().equals(COMPARISON);
        return switch (apiName) {
            case "from" -> comparison ? "compareFrom" : "from";
            case "to" -> comparison ? "compareTo" : "to";
            case "asOf" -> "asOfDate";
            default -> apiName;
        };
    }

    private void figures(EvaluationRequest request, Model model) {
        Answer first = answer("evaluation-a", "evaluation", request.query("/api/metrics/evaluation", request.period()));
        Answer second = null;
        if (request.comparison() != null) {
            try {
                second = answer("evaluation-b", "evaluation",
                        request.query("/api/metrics/evaluation", request.comparison()));
            } catch (ApiProblem refused) {
                throw refused.status() == 400 ? new ApiProblem(400, COMPARISON, refused.title(), refused.detail(),
                        refused.errors()) : refused;
            }
        }
        List<Answer> islands = new ArrayList<>(List.of(first));
        List<EvaluationFigures.Table> months = new ArrayList<>();
        Map<String, Period> periods = new LinkedHashMap<>();
        periods.put("a", request.period());
        if (second != null) {
            islands.add(second);
            periods.put("b", request.comparison());
        }
        periods.forEach((name, period) -> {
            if (period.byMonth()) {
                Answer byMonth = answer("months-" + name, "referral-rate",
                        request.query("/api/metrics/referral-rate", period, "groupBy", "month"));
                islands.add(byMonth);
                months.add(EvaluationFigures.months(byMonth, name, "People seen and the referral rate to VCSE by "
                        + "month" + (periods.size() > 1 ? ", period " + name.toUpperCase(Locale.ROOT) : "")));
            }
        });
        model.addAttribute("request", request);
        model.addAttribute("metrics", EvaluationFigures.metrics(words, first, second));
        model.addAttribute("months", months);
        model.addAttribute("islands", islands);
        model.addAttribute("asOfWords", request.asOf() == null ? null : EvaluationRequest.words(request.asOf()));
        model.addAttribute("computedAt", EvaluationRequest.words(Instant.parse(first.json().path("asOf").asText())));
        model.addAttribute("publication", request.publication() ? first.json().path("publication") : null);
        model.addAttribute("downloads", downloads(request));
        model.addAttribute("counted", EvaluationFigures.COUNTED);
    }

    private Answer answer(String island, String name, String path) {
        byte[] body = api.getRaw(SignedIn.current(), path, MediaType.APPLICATION_JSON).body();
        try {
            return Answer.of(island, name, EXACT.readTree(body), new String(body, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The CSV download of each period: the same query to the API, answered as CSV. */
    private static Map<String, String> downloads(EvaluationRequest request) {
        Map<String, String> links = new LinkedHashMap<>();
        links.put(request.comparison() == null ? "Download these figures as CSV" : "Download period A's figures as CSV",
                request.query("/evaluation/download", request.period()));
        if (request.comparison() != null) {
            links.put("Download period B's figures as CSV", request.query("/evaluation/download", request.comparison()));
        }
        return links;
    }

    /**
     * The evaluation as CSV, byte for byte as GET /api/metrics/evaluation answers it with
     * {@code Accept: text/csv} for the same period, instant and publication, as a file named after
     * the period.
     */
    @GetMapping("/evaluation/download")
    ResponseEntity<byte[]> download(@RequestParam(required = false) String from,
                                    @RequestParam(required = false) String to,
                                    @RequestParam(required = false) String asOf,
                                    @RequestParam(required = false) String publication) {
        LocalDate start;
        LocalDate end;
        Instant instant;
        try {
            start = LocalDate.parse(String.valueOf(from));
            end = LocalDate.parse(String.valueOf(to));
            instant = asOf == null || asOf.isBlank() ? null : Instant.parse(asOf);
        } catch (DateTimeParseException e) {
            throw new ApiProblem(400, "download", "The download's address is not right",
                    "Choose the period on the Evaluation page and use its download link.", List.of());
        }
        boolean published = "true".equals(publication);
        EvaluationRequest request = new EvaluationRequest(new Period(start, end), null, instant, published);
        SignpostApi.RawAnswer csv = api.getRaw(SignedIn.current(),
                request.query("/api/metrics/evaluation", request.period()), new MediaType("text", "csv"));
        String filename = "evaluation-" + start + "-to-" + end
                + (instant == null ? "" : "-as-of-" + instant.toString().replace(":", ""))
                + (published ? "-publication" : "") + ".csv";
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_TYPE, csv.contentType() == null ? "text/csv" : csv.contentType())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build()
                        .toString())
                .cacheControl(CacheControl.noStore())
                .body(csv.body());
    }
}
