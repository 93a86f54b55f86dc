package org.signpost.query.testing;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.signpost.events.AccompaniedBy;
import org.signpost.events.ConsentGivenBy;
import org.signpost.events.ContactChannel;
import org.signpost.events.ContactDirection;
import org.signpost.events.ContactMade;
import org.signpost.events.DischargeReason;
import org.signpost.events.InclusionCriterion;
import org.signpost.events.Instrument;
import org.signpost.events.LinkWorkerAssigned;
import org.signpost.events.LinkWorkerChanged;
import org.signpost.events.Need;
import org.signpost.events.OutcomeMeasured;
import org.signpost.events.ParticipantDischarged;
import org.signpost.events.ParticipantEnrolled;
import org.signpost.events.PersonalData;
import org.signpost.events.ReferralChannel;
import org.signpost.events.ReferralReason;
import org.signpost.events.ReferralReceived;
import org.signpost.events.ReferralSource;
import org.signpost.events.ReferralWithdrawn;
import org.signpost.events.Referrer;
import org.signpost.events.SafeguardingConcernClosed;
import org.signpost.events.SafeguardingConcernRaised;
import org.signpost.events.SessionHeld;
import org.signpost.events.SessionLocation;
import org.signpost.events.SessionMissed;
import org.signpost.events.SignpostEvent;
import org.signpost.events.SignpostedToVcse;
import org.signpost.events.SupportExtended;
import org.signpost.events.Technique;
import org.signpost.events.Timepoint;
import org.signpost.events.TransportSupport;
import org.signpost.events.TriageOutcome;
import org.signpost.events.Triaged;
import org.signpost.events.UptakeRecorded;
import org.signpost.events.VcseCategory;
import org.signpost.events.YoungPerson;

/**
 * Random but valid histories, as the command side's rules allow them: every referral is
 * received, then perhaps withdrawn or triaged; an accepted one is perhaps assigned, and its
 * participant has sessions, contacts, measures, signposts and uptakes, link-worker changes and
 * extensions, and is perhaps discharged. Events of different referrals interleave.
 */
public final class HistoryGenerator {

    private static final String[] LINK_WORKERS = {"gen-lw-1", "gen-lw-2", "gen-lw-3"};

    private final Random random;
    private final LocalDate start;
    private final int days;
    private boolean idsSharedAcrossParticipants;

    public HistoryGenerator(long seed, LocalDate start, int days) {
        this.random = new Random(seed);
        this.start = start;
        this.days = days;
    }

    /**
     * Every participant's sessions and signposts get the same ids as everyone else's (the first
     * session of each one id, the second another, ...), as clients that choose their ids may:
     * they are unique within a participant only.
     */
    public HistoryGenerator sharingIdsAcrossParticipants() {
        idsSharedAcrossParticipants = true;
        return this;
    }

    /** Events of {@code referrals} referrals, interleaved, each referral's in its own order. */
    public List<History> histories(int referrals) {
        List<List<History>> perReferral = new ArrayList<>();
        for (int i = 0; i < referrals; i++) {
            perReferral.add(referral());
        }
        List<History> all = new ArrayList<>();
        Map<Integer, Integer> next = new HashMap<>();
        List<Integer> open = new ArrayList<>();
        for (int i = 0; i < perReferral.size(); i++) {
            open.add(i);
        }
        while (!open.isEmpty()) {
            int pick = open.get(random.nextInt(open.size()));
            int index = next.merge(pick, 1, Integer::sum) - 1;
            all.add(perReferral.get(pick).get(index));
            if (index + 1 == perReferral.get(pick).size()) {
                open.remove(Integer.valueOf(pick));
            }
        }
        return all;
    }

    private List<History> referral() {
        List<History> events = new ArrayList<>();
        UUID referralId = UUID.randomUUID();
        LocalDate receivedOn = start.plusDays(random.nextInt(days));
        int age = 9 + random.nextInt(12);
        List<Need> needs = random.nextInt(5) == 0 ? List.of(Need.OTHER) : List.of(pick(Need.values()));
        List<InclusionCriterion> failed = new ArrayList<>();
        if (age < 11 || age > 18) {
            failed.add(InclusionCriterion.AGE_11_TO_18);
        }
        if (needs.stream().noneMatch(Need::meetsInclusion)) {
            failed.add(InclusionCriterion.ANXIETY_OR_LONELINESS);
        }
        ReferralSource source = pick(ReferralSource.values());
        YoungPerson person = new YoungPerson("Young" + random.nextInt(1000), "Person" + random.nextInt(1000),
                receivedOn.minusYears(age).minusDays(random.nextInt(300)), null, "LS" + random.nextInt(30) + " 1AB",
                null, null, null);
        List<ReferralReason> reasons = new ArrayList<>(List.of(pick(ReferralReason.values())));
        if (random.nextBoolean()) {
            ReferralReason second = pick(ReferralReason.values());
            if (!reasons.contains(second)) {
                reasons.add(second);
            }
        }
        long referralSequence = 0;
        events.add(History.of(new ReferralReceived(referralId, source, pick(ReferralChannel.values()), receivedOn,
                reasons, needs, pick(ConsentGivenBy.values()), age, "LS" + random.nextInt(30), failed,
                PersonalData.of(person), PersonalData.of(new Referrer("Ref Errer", "Org", "GP", null, null)),
                random.nextBoolean() ? PersonalData.of("notes") : null), referralSequence++, "coordinator", "COORDINATOR"));
        int fate = random.nextInt(10);
        if (fate == 0) {
            events.add(History.of(new ReferralWithdrawn(referralId, receivedOn.plusDays(random.nextInt(5)),
                    PersonalData.of("moved")), referralSequence, "coordinator", "COORDINATOR"));
            return events;
        }
        if (fate == 1) {
            return events;
        }
        LocalDate triagedOn = receivedOn.plusDays(random.nextInt(10));
        TriageOutcome outcome = failed.isEmpty() ? (random.nextInt(6) == 0 ? TriageOutcome.REDIRECTED : TriageOutcome.ACCEPTED)
                : (random.nextBoolean() ? TriageOutcome.DECLINED : TriageOutcome.ACCEPTED);
        events.add(History.of(new Triaged(referralId, outcome, triagedOn, failed,
                outcome == TriageOutcome.REDIRECTED ? "CAMHS" : null, null,
                outcome == TriageOutcome.ACCEPTED && !failed.isEmpty() ? PersonalData.of("override") : null),
                referralSequence++, "coordinator", "COORDINATOR"));
        if (outcome != TriageOutcome.ACCEPTED || random.nextInt(8) == 0) {
            return events;
        }
        UUID participantId = UUID.randomUUID();
        String linkWorker = pick(LINK_WORKERS);
        LocalDate day = triagedOn.plusDays(random.nextInt(5));
        events.add(History.of(new LinkWorkerAssigned(referralId, participantId, linkWorker, day), referralSequence,
                "coordinator", "COORDINATOR"));
        long sequence = 0;
        events.add(History.of(new ParticipantEnrolled(participantId, referralId, linkWorker, day, receivedOn, source),
                sequence++, "coordinator", "COORDINATOR"));
        LocalDate firstSession = null;
        int extension = 0;
        List<UUID> signposts = new ArrayList<>();
        Map<UUID, LocalDate> signpostedOn = new HashMap<>();
        UUID openConcern = null;
        int steps = random.nextInt(16);
        for (int step = 0; step < steps; step++) {
            day = day.plusDays(random.nextInt(12));
            int what = random.nextInt(10);
            if (what <= 3) {
                if (firstSession == null) {
                    firstSession = day;
                }
                boolean beyond = !day.isBefore(firstSession.plusWeeks(12 + extension));
                events.add(History.of(new SessionHeld(participantId, stepId("session", step), day, 20 + random.nextInt(60),
                        pick(SessionLocation.values()), pick(AccompaniedBy.values()),
                        random.nextInt(4) == 0 ? null : random.nextInt(50), List.of(pick(Technique.values())), linkWorker,
                        beyond, null), sequence++, "linkworker", "LINK_WORKER"));
            } else if (what == 4) {
                events.add(History.of(new ContactMade(participantId, pick(ContactChannel.values()),
                        pick(ContactDirection.values()), day), sequence++, "linkworker", "LINK_WORKER"));
            } else if (what == 5) {
                events.add(History.of(measure(participantId, day), sequence++, "linkworker", "LINK_WORKER"));
            } else if (what == 6) {
                UUID signpostId = stepId("signpost", step);
                signposts.add(signpostId);
                signpostedOn.put(signpostId, day);
                events.add(History.of(new SignpostedToVcse(participantId, signpostId, "Org", "Activity",
                        pick(VcseCategory.values()), day, random.nextBoolean(), pick(TransportSupport.values())),
                        sequence++, "linkworker", "LINK_WORKER"));
            } else if (what == 7 && !signposts.isEmpty()) {
                UUID signpostId = signposts.get(random.nextInt(signposts.size()));
                events.add(History.of(new UptakeRecorded(participantId, signpostId, random.nextInt(3) > 0,
                        day), sequence++, "linkworker", "LINK_WORKER"));
            } else if (what == 8) {
                String next = pick(LINK_WORKERS);
                if (!next.equals(linkWorker)) {
                    events.add(History.of(new LinkWorkerChanged(participantId, linkWorker, next, day,
                            PersonalData.of("leave")), sequence++, "coordinator", "COORDINATOR"));
                    linkWorker = next;
                }
            } else if (what == 9) {
                int weeks = 1 + random.nextInt(4);
                extension += weeks;
                events.add(random.nextBoolean()
                        ? History.of(new SupportExtended(participantId, weeks, day, PersonalData.of("more time")),
                                sequence++, "manager", "MANAGER")
                        : History.of(random.nextBoolean()
                                ? new SafeguardingConcernRaised(participantId, UUID.randomUUID(), day, PersonalData.of("worry"))
                                : new SessionMissed(participantId, day, null), sequence++, "linkworker", "LINK_WORKER"));
                // The concern raised last is closed at the next missed session: decided without drawing from
                // the random sequence, so that every seed's other events stay as they were.
                SignpostEvent last = events.get(events.size() - 1).event();
                if (last instanceof SafeguardingConcernRaised raised) {
                    openConcern = raised.concernId();
                } else if (last instanceof SessionMissed && openConcern != null) {
                    events.add(History.of(new SafeguardingConcernClosed(participantId, openConcern, day,
                            PersonalData.of("resolved")), sequence++, "linkworker", "LINK_WORKER"));
                    openConcern = null;
                }
            }
        }
        if (random.nextBoolean()) {
            events.add(History.of(new ParticipantDischarged(participantId, pick(DischargeReason.values()),
                    day.plusDays(random.nextInt(10))), sequence, "manager", "MANAGER"));
        }
        return events;
    }

    /** The id of a participant's session or signpost made at this step. */
    private UUID stepId(String kind, int step) {
        return idsSharedAcrossParticipants
                ? UUID.nameUUIDFromBytes(("generated-" + kind + "-" + step).getBytes(StandardCharsets.UTF_8))
                : UUID.randomUUID();
    }

    private OutcomeMeasured measure(UUID participantId, LocalDate day) {
        Instrument instrument = pick(Instrument.values());
        Timepoint timepoint = pick(Timepoint.values());
        List<Integer> items = new ArrayList<>();
        for (int i = 0; i < instrument.items(); i++) {
            items.add(instrument.minItemScore() + random.nextInt(instrument.maxItemScore() - instrument.minItemScore() + 1));
        }
        int raw = items.stream().mapToInt(Integer::intValue).sum();
        BigDecimal score = switch (instrument) {
            case SWEMWBS -> new BigDecimal(SWEMWBS_METRIC[raw - 7]);
            case UCLA3 -> BigDecimal.valueOf(raw);
            case ONS4 -> null;
        };
        return new OutcomeMeasured(participantId, instrument, timepoint, day, items, score);
    }

    private static final String[] SWEMWBS_METRIC = {
        "7.00", "9.51", "11.25", "12.40", "13.33", "14.08", "14.75", "15.32", "15.84", "16.36",
        "16.88", "17.43", "17.98", "18.59", "19.25", "19.98", "20.73", "21.54", "22.35", "23.21",
        "24.11", "25.03", "26.02", "27.03", "28.13", "29.31", "30.70", "32.55", "35.00"
    };

    private <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }
}
