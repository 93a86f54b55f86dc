package org.signpost.query.metrics;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import org.signpost.platform.apidocs.ApiDocumentation;
import org.signpost.query.web.InvalidQuery;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The analysts' figures: the rate of referral to VCSE and the whole evaluation, for any period,
 * as of any instant; exact, or with {@code publication=true} fit to publish (see {@link Publication}).
 */
@RestController
class MetricsController {

    /** The most calendar months a period grouped by month may touch: ten years. */
    static final int MAX_MONTHS = 120;

    private final MetricsQueries metrics;
    private final Clock clock;
    private final int suppressBelow;

    MetricsController(MetricsQueries metrics, Clock clock,
                      @Value("${signpost.metrics.suppress-below:5}") int suppressBelow) {
        if (suppressBelow < 1) {
            throw new IllegalStateException("signpost.metrics.suppress-below (SIGNPOST_SUPPRESS_BELOW) must be at "
                    + "least 1, not " + suppressBelow);
        }
        this.metrics = metrics;
        this.clock = clock;
        this.suppressBelow = suppressBelow;
    }

    @Operation(tags = ApiDocumentation.METRICS, summary = "The rate of referral to VCSE",
            description = "People seen in the period and how many were signposted to VCSE activities, optionally by source, link worker or month; as of an earlier instant with `asOf`; fit to publish with `publication=true` (small numbers suppressed). Roles: ANALYST, MANAGER.")
    @ApiResponse(responseCode = "200", description = "OK",
            content = @Content(schema = @Schema(implementation = ReferralRateReport.class)))
    @GetMapping(path = "/api/metrics/referral-rate", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> referralRate(@Parameter(required = true, description = "The first day of the period (YYYY-MM-DD)", example = "2024-04-01")
                                   @RequestParam(required = false) String from,
                                   @Parameter(required = true, description = "The last day of the period, included (YYYY-MM-DD)", example = "2025-03-31")
                                   @RequestParam(required = false) String to,
                                   @Parameter(description = "source, linkWorker, month, or more than one (comma-separated); month: each calendar month of the period, counted as a period of its own (at most 120 months)", example = "source")
                                   @RequestParam(required = false) String groupBy,
                                   @Parameter(description = "The figures as they stood at this past instant", example = "2025-04-07T09:00:00Z")
                                   @RequestParam(required = false) String asOf,
                                   @Parameter(description = "true: fit to publish, small numbers suppressed", example = "false")
                                   @RequestParam(required = false) String publication) {
        Dates period = period(from, to);
        Set<GroupBy> groups;
        try {
            groups = GroupBy.parse(groupBy);
        } catch (IllegalArgumentException e) {
            throw new InvalidQuery("groupBy", e.getMessage());
        }
        if (groups.contains(GroupBy.MONTH)
                && ChronoUnit.MONTHS.between(YearMonth.from(period.from()), YearMonth.from(period.to())) >= MAX_MONTHS) {
            // Each month costs a pass over the facts, and a publication's disclosure control grows faster still.
            throw new InvalidQuery("groupBy", "month: the period must not span more than " + MAX_MONTHS
                    + " calendar months");
        }
        boolean published = publication(publication);
        ReferralRateReport report = metrics.referralRate(period.from(), period.to(), groups, asOf(asOf));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .body(published ? Publication.of(report, suppressBelow).json() : report);
    }

    /** JSON, or with {@code Accept: text/csv} the same figures as CSV, one metric a row with the period and as-of instant. */
    @Operation(tags = ApiDocumentation.METRICS, summary = "The evaluation",
            description = "Every metric of the evaluation for the period in one object; `Accept: text/csv` gives a CSV, one metric a row. Roles: ANALYST, MANAGER.")
    @ApiResponse(responseCode = "200", description = "OK", content = {
            @Content(mediaType = "application/json", schema = @Schema(implementation = Evaluation.class)),
            @Content(mediaType = "text/csv", schema = @Schema(type = "string"))})
    @GetMapping("/api/metrics/evaluation")
    ResponseEntity<?> evaluation(@Parameter(required = true, description = "The first day of the period (YYYY-MM-DD)", example = "2024-04-01")
                                   @RequestParam(required = false) String from,
                                   @Parameter(required = true, description = "The last day of the period, included (YYYY-MM-DD)", example = "2025-03-31")
                                   @RequestParam(required = false) String to,
                                   @Parameter(description = "The figures as they stood at this past instant", example = "2025-04-07T09:00:00Z")
                                   @RequestParam(required = false) String asOf,
                                   @Parameter(description = "true: fit to publish, small numbers suppressed", example = "false")
                                   @RequestParam(required = false) String publication,
                                 @Parameter(hidden = true) @RequestHeader(value = HttpHeaders.ACCEPT, required = false)
                                 String accept) {
        Dates period = period(from, to);
        boolean published = publication(publication);
        Evaluation evaluation = metrics.evaluation(period.from(), period.to(), asOf(asOf));
        Publication fitToPublish = published ? Publication.of(evaluation, suppressBelow) : null;
        if (accept != null && accept.contains("text/csv")) {
            return ResponseEntity.ok()
                    .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"evaluation-" + evaluation.from()
                            + "-" + evaluation.to() + (published ? "-publication" : "") + ".csv\"")
                    .body(published ? EvaluationCsv.render(fitToPublish) : EvaluationCsv.render(evaluation));
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .body(published ? fitToPublish.json() : evaluation);
    }

    /** {@code publication=true} asks for figures fit to publish; absent or false, the exact ones. */
    private static boolean publication(String value) {
        if (value == null || value.equals("false")) {
            return false;
        }
        if (value.equals("true")) {
            return true;
        }
        throw new InvalidQuery("publication", "must be true or false");
    }

    private record Dates(LocalDate from, LocalDate to) {
    }

    private static Dates period(String from, String to) {
        LocalDate start = date("from", from);
        LocalDate end = date("to", to);
        if (end.isBefore(start)) {
            throw new InvalidQuery("to", "must not be before from");
        }
        return new Dates(start, end);
    }

    private static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidQuery(field, "is required (YYYY-MM-DD)");
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidQuery(field, "must be a date as YYYY-MM-DD");
        }
    }

    /** A past instant; later events must not change a figure asked for as of it, so the future is refused. */
    private Instant asOf(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Instant instant;
        try {
            instant = Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidQuery("asOf", "must be an ISO-8601 instant such as 2020-01-05T09:00:00Z");
        }
        if (instant.isAfter(clock.instant())) {
            throw new InvalidQuery("asOf", "must not be in the future");
        }
        return instant;
    }
}
