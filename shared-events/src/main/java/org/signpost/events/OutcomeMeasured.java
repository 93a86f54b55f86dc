package org.signpost.events;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An outcome measure was taken. {@code score} is the SWEMWBS metric score (from the official
 * raw-to-metric table) or the UCLA3 total; ONS4 items are never summed, so its score is null.
 */
public record OutcomeMeasured(
        UUID participantId,
        Instrument instrument,
        Timepoint timepoint,
        LocalDate recordedOn,
        List<Integer> itemScores,
        BigDecimal score) implements ParticipantEvent {

    public OutcomeMeasured {
        itemScores = List.copyOf(itemScores);
    }

    @Override
    public LocalDate occurredOn() {
        return recordedOn;
    }
}
