package org.signpost.app.demo;

import static org.signpost.app.demo.DemoHistory.COORDINATOR;
import static org.signpost.app.demo.DemoHistory.DATA_PROTECTION_OFFICER;
import static org.signpost.app.demo.DemoHistory.LINK_WORKERS;
import static org.signpost.app.demo.DemoHistory.MANAGER;
import static org.signpost.app.demo.DemoHistory.VCSE;
import static org.signpost.app.demo.DemoHistory.body;
import static org.signpost.app.demo.DemoHistory.clamp;
import static org.signpost.app.demo.DemoHistory.userOf;
import static org.signpost.app.demo.DemoStep.Kind.CHANGE_LINK_WORKER;
import static org.signpost.app.demo.DemoStep.Kind.CONTACT;
import static org.signpost.app.demo.DemoStep.Kind.DISCHARGE;
import static org.signpost.app.demo.DemoStep.Kind.ERASURE;
import static org.signpost.app.demo.DemoStep.Kind.EXTENSION;
import static org.signpost.app.demo.DemoStep.Kind.MEASURE;
import static org.signpost.app.demo.DemoStep.Kind.MISSED_SESSION;
import static org.signpost.app.demo.DemoStep.Kind.SAFEGUARDING_CONCERN;
import static org.signpost.app.demo.DemoStep.Kind.SESSION;
import static org.signpost.app.demo.DemoStep.Kind.SIGNPOST;
import static org.signpost.app.demo.DemoStep.Kind.UPTAKE;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import org.signpost.app.demo.DemoHistory.Special;
import org.signpost.events.AccompaniedBy;
import org.signpost.events.ContactChannel;
import org.signpost.events.ContactDirection;
import org.signpost.events.DischargeReason;
import org.signpost.events.Instrument;
import org.signpost.events.SessionLocation;
import org.signpost.events.Technique;
import org.signpost.events.Timepoint;
import org.signpost.events.TransportSupport;
import org.signpost.events.VcseCategory;

/**
 * One participant's support in the demo's history, from enrolment to discharge or to today:
 * sessions, contacts, measures, signposts and their uptake, drawn from the history's seeded
 * generator (so the same seed plans the same support).
 */
final class DemoSupport {

    private final DemoHistory history;
    /** The history's own generator, so that the draws follow one another as the seed makes them. */
    private final Random random;

    private final UUID referralId;
    private final LocalDate enrolledOn;
    private final Special special;
    private final int level;
    private String worker;
    private LocalDate lastActivity;
    private final List<Object[]> signposts = new ArrayList<>();
    private final TreeMap<LocalDate, String> workers = new TreeMap<>();

    DemoSupport(DemoHistory history, UUID referralId, LocalDate enrolledOn, String worker, Special special) {
        this.history = history;
        this.random = history.random;
        this.referralId = referralId;
        this.enrolledOn = enrolledOn;
        this.worker = worker;
        this.workers.put(enrolledOn, worker);
        this.special = special;
        this.lastActivity = enrolledOn;
        this.level = random.nextInt(2);
    }

    void plan() {
        LocalDate first = enrolledOn.plusDays(2 + random.nextInt(11));
        boolean weekly = special == Special.BEYOND_ENTITLEMENT || special == Special.EXTENDED;
        int planned = switch (special) {
            case BEYOND_ENTITLEMENT, EXTENDED -> 15;
            case DISENGAGED -> 3;
            case ERASED, REASSIGNED, SAFEGUARDING -> 6;
            default -> 4 + random.nextInt(7);
        };
        boolean reassigns = special == Special.REASSIGNED || (special == Special.NONE && random.nextInt(25) == 0);
        boolean extended = false;
        int held = 0;
        LocalDate date = first;
        LocalDate previous = enrolledOn;
        boolean ongoing = false;
        for (int slot = 0; held < planned; slot++) {
            if (date.isAfter(history.today)) {
                ongoing = true;
                break;
            }
            contactsBetween(previous, date);
            if (special == Special.EXTENDED && !extended && !date.isBefore(first.plusDays(70))) {
                add(EXTENSION, date, MANAGER, body("weeks", 4,
                        "reason", "Exams coming up: keep the same link worker until they are over."));
                extended = true;
            }
            if (reassigns && held == 3) {
                reassigns = false;
                String next = LINK_WORKERS.get((LINK_WORKERS.indexOf(worker) + 1) % LINK_WORKERS.size());
                add(CHANGE_LINK_WORKER, date, COORDINATOR, body("linkWorkerId", next,
                        "reason", "Link worker's caseload rebalanced after a long-term absence.", "changedOn", date));
                worker = next;
                workers.put(date, next);
            }
            if (slot > 0 && !weekly && random.nextInt(10) == 0) {
                add(MISSED_SESSION, date, worker(), body("plannedOn", date, "reason",
                        history.pick(new String[] {"Did not attend", "Unwell", "Cancelled by the family"})));
            } else {
                session(date);
                held++;
                if (held == 1) {
                    measures(Timepoint.BASELINE, date, 0);
                }
                if (held == 5) {
                    measures(Timepoint.REVIEW, date, 1);
                }
                if ((held == 2 && (random.nextInt(10) < 6 || special != Special.NONE)) || (held == 4 && random.nextInt(10) < 3)) {
                    signpost(date);
                }
                if (held == 2 && (special == Special.SAFEGUARDING || (special == Special.NONE && random.nextInt(30) == 0))) {
                    add(SAFEGUARDING_CONCERN, date, worker(), body("raisedOn", date,
                            "summary", "Disclosed worries about safety at home; referred to the safeguarding lead."));
                }
            }
            previous = date;
            lastActivity = date;
            date = date.plusDays(weekly ? 7 : 5 + random.nextInt(6));
        }
        if (special == Special.DISENGAGED && !ongoing) {
            for (int missed = 0; missed < 2 && !date.isAfter(history.today); missed++) {
                add(MISSED_SESSION, date, worker(), body("plannedOn", date, "reason", "Did not attend"));
                lastActivity = date;
                date = date.plusDays(7);
            }
        }
        LocalDate dischargedOn = ongoing ? null : lastActivity.plusDays(random.nextInt(8));
        if (dischargedOn != null && dischargedOn.isAfter(history.today)) {
            dischargedOn = null;
        }
        uptakes(dischargedOn);
        if (dischargedOn == null) {
            return;
        }
        DischargeReason reason = switch (special) {
            case SAFEGUARDING -> DischargeReason.ESCALATED;
            case DISENGAGED -> DischargeReason.DISENGAGED;
            case NONE -> random.nextInt(12) == 0 ? DischargeReason.MOVED_AWAY
                    : random.nextInt(20) == 0 ? DischargeReason.OTHER : DischargeReason.COMPLETED;
            default -> DischargeReason.COMPLETED;
        };
        if (reason == DischargeReason.COMPLETED) {
            measures(Timepoint.EXIT, dischargedOn, 2);
        }
        add(DISCHARGE, dischargedOn, worker(), body("reason", reason, "dischargedOn", dischargedOn));
        if (special == Special.ERASED) {
            add(ERASURE, history.today, DATA_PROTECTION_OFFICER, body("reason", "Erasure request upheld, case DP-"
                    + (1000 + random.nextInt(9000))));
        }
    }

    private String worker() {
        return userOf(worker);
    }

    private void contactsBetween(LocalDate from, LocalDate to) {
        long days = from.until(to, ChronoUnit.DAYS);
        int contacts = days < 2 ? 0 : random.nextInt(3);
        for (int c = 0; c < contacts; c++) {
            LocalDate on = from.plusDays(1 + random.nextInt((int) days - 1));
            add(CONTACT, on, worker(), body("channel", history.weighted(ContactChannel.values(), new int[] {7, 2, 1}),
                    "direction", random.nextInt(3) == 0 ? ContactDirection.INBOUND : ContactDirection.OUTBOUND,
                    "contactedOn", on));
        }
    }

    private void session(LocalDate heldOn) {
        SessionLocation location = history.weighted(SessionLocation.values(), new int[] {20, 30, 30, 5, 8, 7});
        boolean remote = location == SessionLocation.ONLINE || location == SessionLocation.PHONE;
        Map<String, Object> form = body("sessionId", history.uuid(), "heldOn", heldOn,
                "durationMinutes", remote ? 15 + random.nextInt(16) : 30 + random.nextInt(4) * 5 + random.nextInt(11),
                "location", location,
                "accompaniedBy", history.weighted(AccompaniedBy.values(), new int[] {14, 5, 1}),
                "techniques", random.nextInt(3) == 0 ? List.of(Technique.MOTIVATIONAL_INTERVIEWING, Technique.COM_B)
                        : List.of(history.weighted(Technique.values(), new int[] {8, 4, 1})));
        if (!remote && location != SessionLocation.HOME) {
            form.put("walkMinutesFromHome", random.nextInt(10) == 0 ? 31 + random.nextInt(15) : 5 + random.nextInt(24));
        }
        add(SESSION, heldOn, worker(), form);
    }

    private void signpost(LocalDate signpostedOn) {
        String[] activity = history.pick(VCSE);
        UUID signpostId = history.uuid();
        add(SIGNPOST, signpostedOn, worker(), body("signpostId", signpostId, "organisation", activity[0],
                "activity", activity[1], "category", VcseCategory.valueOf(activity[2]), "signpostedOn", signpostedOn,
                "fundedAccess", random.nextInt(3) == 0,
                "transportSupport", history.weighted(TransportSupport.values(), new int[] {6, 3, 1})));
        signposts.add(new Object[] {signpostId, signpostedOn});
    }

    private void uptakes(LocalDate dischargedOn) {
        LocalDate last = dischargedOn != null ? dischargedOn : history.today;
        for (Object[] signpost : signposts) {
            LocalDate recordedOn = ((LocalDate) signpost[1]).plusDays(7 + random.nextInt(15));
            if (!recordedOn.isAfter(last)) {
                // Recorded by whoever had the participant that day (a link-worker change sorts before it).
                String recordedBy = userOf(workers.floorEntry(recordedOn).getValue());
                history.steps.add(new DemoStep(UPTAKE, referralId, recordedOn, recordedBy,
                        body("attended", random.nextInt(10) < 7, "recordedOn", recordedOn), (UUID) signpost[0]));
            }
        }
    }

    /** Scores that improve a little from baseline to review to exit, as most do in such services. */
    private void measures(Timepoint timepoint, LocalDate recordedOn, int progress) {
        int gain = progress == 0 ? 0 : progress + random.nextInt(2) - 1 + level;
        add(MEASURE, recordedOn, worker(), body("instrument", Instrument.SWEMWBS, "timepoint", timepoint,
                "recordedOn", recordedOn, "itemScores", items(7, 1, 5, 2 + level, gain > 1 ? 1 : gain)));
        add(MEASURE, recordedOn, worker(), body("instrument", Instrument.UCLA3, "timepoint", timepoint,
                "recordedOn", recordedOn, "itemScores", items(3, 1, 3, 3 - level, gain > 0 ? -1 : 0)));
        List<Integer> ons = List.of(
                clamp(4 + random.nextInt(3) + gain, 0, 10), clamp(5 + random.nextInt(3) + gain, 0, 10),
                clamp(4 + random.nextInt(3) + gain, 0, 10), clamp(7 + random.nextInt(3) - gain, 0, 10));
        add(MEASURE, recordedOn, worker(), body("instrument", Instrument.ONS4, "timepoint", timepoint,
                "recordedOn", recordedOn, "itemScores", ons));
    }

    private List<Integer> items(int count, int min, int max, int centre, int shift) {
        List<Integer> scores = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            scores.add(clamp(centre + shift + random.nextInt(3) - 1, min, max));
        }
        return scores;
    }

    private void add(DemoStep.Kind kind, LocalDate on, String actor, Map<String, Object> body) {
        history.add(kind, referralId, on, actor, body);
    }
}
