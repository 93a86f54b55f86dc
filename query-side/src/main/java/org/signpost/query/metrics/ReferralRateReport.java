package org.signpost.query.metrics;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * The answer of GET /api/metrics/referral-rate (API.md). {@code groups} is there only when a
 * grouping was asked for: {@code {"source": {"GP": figures, ...}, "linkWorker": {"lw-1": figures}}}.
 */
public record ReferralRateReport(
        @JsonFormat(shape = JsonFormat.Shape.STRING) LocalDate from,
        @JsonFormat(shape = JsonFormat.Shape.STRING) LocalDate to,
        @JsonFormat(shape = JsonFormat.Shape.STRING) Instant asOf,
        int peopleSeen,
        int referredToVcse,
        BigDecimal referralRate,
        BigDecimal referralRatePercent,
        @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, Map<String, ReferralRateFigures>> groups) {
}
