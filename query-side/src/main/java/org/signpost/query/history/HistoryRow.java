package org.signpost.query.history;

import java.time.Instant;
import java.time.LocalDate;

/** One event of an aggregate's history, as auditors and staff read it. */
public record HistoryRow(
        long position,
        long sequence,
        String type,
        LocalDate occurredOn,
        Instant recordedAt,
        String actor,
        String role,
        String correlationId,
        Object payload) {
}
