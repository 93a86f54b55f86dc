package org.signpost.query.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;

/** One event of the audit trail: where it stands, what it says, who recorded it, when and why. */
public record AuditRow(
        long position,
        String aggregateId,
        String aggregateType,
        long sequence,
        String type,
        LocalDate occurredOn,
        Instant recordedAt,
        String actor,
        String role,
        String correlationId,
        JsonNode payload) {
}
