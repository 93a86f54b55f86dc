package org.signpost.benchmarks;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import javax.sql.DataSource;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Serializer;
import org.signpost.events.AccompaniedBy;
import org.signpost.events.ConsentGivenBy;
import org.signpost.events.ContactChannel;
import org.signpost.events.ContactDirection;
import org.signpost.events.ContactMade;
import org.signpost.events.DischargeReason;
import org.signpost.events.Instrument;
import org.signpost.events.LinkWorkerAssigned;
import org.signpost.events.Need;
import org.signpost.events.OutcomeMeasured;
import org.signpost.events.ParticipantDischarged;
import org.signpost.events.ParticipantEnrolled;
import org.signpost.events.PersonalData;
import org.signpost.events.ReferralChannel;
import org.signpost.events.ReferralReason;
import org.signpost.events.ReferralReceived;
import org.signpost.events.ReferralSource;
import org.signpost.events.SessionHeld;
import org.signpost.events.SessionLocation;
import org.signpost.events.SignpostEvent;
import org.signpost.events.SignpostedToVcse;
import org.signpost.events.Technique;
import org.signpost.events.Timepoint;
import org.signpost.events.TransportSupport;
import org.signpost.events.TriageOutcome;
import org.signpost.events.Triaged;
import org.signpost.events.VcseCategory;
import org.signpost.events.YoungPerson;
import org.signpost.platform.integrity.ChainKey;
import org.signpost.platform.integrity.RowMac;

/**
 * A large, realistic event store written straight into the event table (as the command side
 * would have stored it, same serializer, metadata and row MAC): each referral received, accepted and
 * assigned, then three sessions, a contact, a measure and a signpost, one in five discharged.
 * About ten events per referral.
 */
final class BulkHistory {

    private final Random random = new Random(42);
    private final Serializer serializer;
    private final RowMac rowMac;
    private final int linkWorkers;

    /**
     * @param serializer the service's own event serializer: personal data encrypted with each person's key
     * @param chainKey   the service's integrity key, for each event's row MAC
     */
    BulkHistory(int linkWorkers, Serializer serializer, ChainKey chainKey) {
        this.linkWorkers = linkWorkers;
        this.serializer = serializer;
        this.rowMac = RowMac.events(chainKey);
    }

    static String linkWorker(int index) {
        return "lw-%04d".formatted(index);
    }

    long write(DataSource dataSource, int referrals) throws Exception {
        long written = 0;
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("""
                     INSERT INTO domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier,
                         meta_data, payload, payload_revision, payload_type, time_stamp, row_mac)
                     VALUES (?, ?, ?, ?, ?, ?, NULL, ?, ?, ?)""")) {
            connection.setAutoCommit(false);
            byte[] metaData = serializer.serialize(MetaData.from(Map.of("actor", "bulk", "role", "COORDINATOR",
                    "correlationId", "bulk-load")), byte[].class).getData();
            String timestamp = DateTimeUtils.formatInstant(Instant.now().minusSeconds(3600));
            int pending = 0;
            for (int r = 0; r < referrals; r++) {
                for (Stored stored : referral()) {
                    String eventId = UUID.randomUUID().toString();
                    byte[] payload = serializer.serialize(stored.event(), byte[].class).getData();
                    String payloadType = stored.event().getClass().getName();
                    insert.setString(1, stored.aggregateId().toString());
                    insert.setLong(2, stored.sequence());
                    insert.setString(3, stored.aggregateType());
                    insert.setString(4, eventId);
                    insert.setBytes(5, metaData);
                    insert.setBytes(6, payload);
                    insert.setString(7, payloadType);
                    insert.setString(8, timestamp);
                    insert.setBytes(9, rowMac.event(eventId, stored.aggregateId().toString(), stored.sequence(),
                            stored.aggregateType(), timestamp, payloadType, null, payload, metaData));
                    insert.addBatch();
                    written++;
                    if (++pending == 1000) {
                        insert.executeBatch();
                        connection.commit();
                        pending = 0;
                    }
                }
            }
            insert.executeBatch();
            connection.commit();
        }
        return written;
    }

    private record Stored(String aggregateType, UUID aggregateId, long sequence, SignpostEvent event) {
    }

    private List<Stored> referral() {
        List<Stored> events = new ArrayList<>();
        UUID referralId = UUID.randomUUID();
        UUID participantId = UUID.randomUUID();
        LocalDate receivedOn = LocalDate.of(2023, 1, 1).plusDays(random.nextInt(700));
        int age = 11 + random.nextInt(8);
        ReferralSource source = ReferralSource.values()[random.nextInt(ReferralSource.values().length)];
        String linkWorker = linkWorker(random.nextInt(linkWorkers));
        YoungPerson person = new YoungPerson("First" + random.nextInt(10_000), "Last" + random.nextInt(10_000),
                receivedOn.minusYears(age).minusDays(random.nextInt(300)), "943 476 5919", "LS6 3QW", "A School",
                "07700 900123", new YoungPerson.ParentCarer("A Parent", "07700 900456", "mother"));
        events.add(new Stored("Referral", referralId, 0, new ReferralReceived(referralId, source, ReferralChannel.EMAIL,
                receivedOn, List.of(ReferralReason.ANXIETY, ReferralReason.LONELINESS), List.of(Need.ANXIETY),
                ConsentGivenBy.PARENT_CARER, age, "LS6", List.of(), PersonalData.of(person), null,
                PersonalData.of("Referral notes of a typical length, a sentence or two about the young person."))));
        events.add(new Stored("Referral", referralId, 1, new Triaged(referralId, TriageOutcome.ACCEPTED,
                receivedOn.plusDays(2), List.of(), null, null, null)));
        LocalDate day = receivedOn.plusDays(4);
        events.add(new Stored("Referral", referralId, 2, new LinkWorkerAssigned(referralId, participantId, linkWorker, day)));
        long sequence = 0;
        events.add(new Stored("Participant", participantId, sequence++, new ParticipantEnrolled(participantId, referralId,
                linkWorker, day, receivedOn, source)));
        for (int s = 0; s < 3; s++) {
            day = day.plusDays(3 + random.nextInt(10));
            events.add(new Stored("Participant", participantId, sequence++, new SessionHeld(participantId, UUID.randomUUID(),
                    day, 30 + random.nextInt(30), SessionLocation.SCHOOL, AccompaniedBy.NONE, random.nextInt(45),
                    List.of(Technique.MOTIVATIONAL_INTERVIEWING), linkWorker, false, null)));
        }
        events.add(new Stored("Participant", participantId, sequence++, new ContactMade(participantId, ContactChannel.TEXT,
                ContactDirection.OUTBOUND, day.plusDays(1))));
        events.add(new Stored("Participant", participantId, sequence++, new OutcomeMeasured(participantId,
                Instrument.UCLA3, Timepoint.BASELINE, day, List.of(2, 2, 3), BigDecimal.valueOf(7))));
        events.add(new Stored("Participant", participantId, sequence++, new SignpostedToVcse(participantId,
                UUID.randomUUID(), "Youth Club", "Drop-in", VcseCategory.SOCIAL, day, false, TransportSupport.NONE)));
        if (random.nextInt(5) == 0) {
            events.add(new Stored("Participant", participantId, sequence, new ParticipantDischarged(participantId,
                    DischargeReason.COMPLETED, day.plusDays(7))));
        }
        return events;
    }
}
