package org.signpost.events;

import java.time.LocalDate;

/**
 * Every event of the catalogue. {@link #occurredOn()} is the business date given by staff; the
 * instant it was recorded, and by whom, travel in the event's metadata.
 */
public sealed interface SignpostEvent permits ReferralEvent, ParticipantEvent {

    LocalDate occurredOn();
}
