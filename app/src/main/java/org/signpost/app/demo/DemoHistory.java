package org.signpost.app.demo;

import static org.signpost.app.demo.DemoStep.Kind.ASSIGN;
import static org.signpost.app.demo.DemoStep.Kind.CHANGE_LINK_WORKER;
import static org.signpost.app.demo.DemoStep.Kind.CONTACT;
import static org.signpost.app.demo.DemoStep.Kind.DISCHARGE;
import static org.signpost.app.demo.DemoStep.Kind.ERASURE;
import static org.signpost.app.demo.DemoStep.Kind.EXTENSION;
import static org.signpost.app.demo.DemoStep.Kind.MEASURE;
import static org.signpost.app.demo.DemoStep.Kind.MISSED_SESSION;
import static org.signpost.app.demo.DemoStep.Kind.RECEIVE;
import static org.signpost.app.demo.DemoStep.Kind.SAFEGUARDING_CONCERN;
import static org.signpost.app.demo.DemoStep.Kind.SESSION;
import static org.signpost.app.demo.DemoStep.Kind.SIGNPOST;
import static org.signpost.app.demo.DemoStep.Kind.TRIAGE;
import static org.signpost.app.demo.DemoStep.Kind.UPTAKE;
import static org.signpost.app.demo.DemoStep.Kind.WITHDRAW;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.signpost.events.AccompaniedBy;
import org.signpost.events.ConsentGivenBy;
import org.signpost.events.ContactChannel;
import org.signpost.events.ContactDirection;
import org.signpost.events.DischargeReason;
import org.signpost.events.Instrument;
import org.signpost.events.Need;
import org.signpost.events.ReferralChannel;
import org.signpost.events.ReferralReason;
import org.signpost.events.ReferralSource;
import org.signpost.events.SessionLocation;
import org.signpost.events.Technique;
import org.signpost.events.Timepoint;
import org.signpost.events.TransportSupport;
import org.signpost.events.TriageOutcome;
import org.signpost.events.VcseCategory;

/**
 * Plans a year of a youth social prescribing service as staff would have recorded it, so that the
 * demo shows every read model and metric with figures in them. Pure: the same seed and day give
 * the same plan, and nothing is sent until a {@link DemoRunner} sends it.
 */
public final class DemoHistory {

    /** The demo's history covers the last 365 days, today included. */
    public static final int DAYS = 365;
    public static final List<String> LINK_WORKERS = List.of("lw-1", "lw-2", "lw-3", "lw-4");
    public static final String COORDINATOR = "coordinator";
    public static final String MANAGER = "manager";
    public static final String DATA_PROTECTION_OFFICER = "dpo";
    static final int ENTITLEMENT_DAYS = 12 * 7;

    private static final String[] FIRST_NAMES = {"Amara", "Ben", "Chloe", "Daniel", "Ella", "Finley", "Grace", "Harry",
        "Isla", "Jack", "Keira", "Leo", "Maya", "Noah", "Olivia", "Priya", "Quinn", "Ruby", "Sami", "Tyler", "Uma",
        "Violet", "Wiktor", "Yusuf", "Zara", "Aisha", "Callum", "Freya", "Kai", "Layla", "Mohammed", "Niamh", "Oscar",
        "Poppy", "Reuben", "Sofia", "Theo", "Ava", "Ethan", "Lily"};
    private static final String[] LAST_NAMES = {"Ahmed", "Baker", "Clarke", "Davies", "Evans", "Fletcher", "Green",
        "Hughes", "Iqbal", "Jones", "Kowalski", "Lewis", "Mensah", "Nowak", "Owen", "Patel", "Quinn", "Roberts",
        "Singh", "Taylor", "Usman", "Walker", "Wright", "Young", "Morgan", "Begum", "Hussain", "Murphy", "Reid", "Shaw"};
    private static final String[] SCHOOLS = {"Northfield Academy", "St Aidan's High School", "Riverside School",
        "Brookvale College", "Hillcrest Academy", "Oakwood School"};
    private static final String[] DISTRICTS = {"LS6", "LS7", "LS8", "LS11", "LS12", "LS14", "LS15", "LS27"};
    private static final String[][] VCSE = {
        {"Leeds Youth Football Club", "Saturday football", "PHYSICAL_ACTIVITY"},
        {"Boulder Up Climbing", "Junior climbing club", "PHYSICAL_ACTIVITY"},
        {"Mind Your Way", "Anxiety peer support group", "EMOTIONAL_HEALTH"},
        {"Calm Minds Collective", "Mindfulness for teens", "EMOTIONAL_HEALTH"},
        {"Healthy Futures", "Cooking on a budget", "LIFESTYLE"},
        {"Chapeltown Youth Project", "Friday youth club", "SOCIAL"},
        {"Art Space Leeds", "Drop-in art studio", "SOCIAL"},
        {"Next Steps Training", "Barista skills course", "EDUCATION_TRAINING"},
        {"Volunteer Hub", "Park conservation volunteering", "OTHER"}};

    private final long seed;
    private final Random random;
    private final LocalDate today;
    private final List<DemoStep> steps = new ArrayList<>();

    private DemoHistory(long seed, LocalDate today) {
        this.seed = seed;
        this.random = new Random(seed);
        this.today = today;
    }

    /** The history for this seed, with business dates in the 365 days up to {@code today}. */
    public static DemoPlan plan(long seed, LocalDate today) {
        return new DemoHistory(seed, today).plan();
    }

    /** The user of the demo's users file who records the support of this link worker's participants. */
    public static String userOf(String linkWorkerId) {
        return "linkworker" + linkWorkerId.substring("lw-".length());
    }

    /** What becomes of a referral. */
    private enum Fate { AWAITING, WITHDRAWN, DECLINED, REDIRECTED, ACCEPTED }

    /** The few stories the demo must show at least once. */
    private enum Special { NONE, BEYOND_ENTITLEMENT, EXTENDED, REASSIGNED, SAFEGUARDING, ERASED, DISENGAGED }

    private DemoPlan plan() {
        int count = 160 + random.nextInt(21);
        LocalDate[] received = receivedDates(count);
        List<ReferralSource> sources = covering(ReferralSource.values(), new int[] {25, 15, 20, 8, 4, 10, 5, 8, 5}, count);
        List<ReferralChannel> channels = covering(ReferralChannel.values(), new int[] {12, 35, 15, 13, 20, 5}, count);
        Fate[] fates = new Fate[count];
        boolean[] failsCriteria = new boolean[count];
        Special[] specials = new Special[count];
        Arrays.fill(specials, Special.NONE);
        for (int i = 0; i < count; i++) {
            failsCriteria[i] = random.nextDouble() < 0.12;
            fates[i] = fate(received[i], failsCriteria[i]);
        }
        // Every outcome, an override and a withdrawal at least once, among the oldest referrals.
        failsCriteria[1] = true;
        fates[1] = Fate.ACCEPTED;
        failsCriteria[2] = true;
        fates[2] = Fate.DECLINED;
        fates[3] = Fate.WITHDRAWN;
        failsCriteria[4] = false;
        fates[4] = Fate.REDIRECTED;
        fates[count - 1] = Fate.AWAITING;
        fates[count - 2] = Fate.AWAITING;
        // The special stories need some 18 weeks of support behind them.
        List<Integer> candidates = new ArrayList<>();
        for (int i = 5; i < count - 2; i++) {
            long age = received[i].until(today, java.time.temporal.ChronoUnit.DAYS);
            if (age >= 150 && age <= 300) {
                candidates.add(i);
            }
        }
        Collections.shuffle(candidates, random);
        Special[] needed = {Special.BEYOND_ENTITLEMENT, Special.EXTENDED, Special.REASSIGNED, Special.SAFEGUARDING,
            Special.ERASED, Special.DISENGAGED};
        for (int k = 0; k < needed.length; k++) {
            int i = candidates.get(k);
            specials[i] = needed[k];
            fates[i] = Fate.ACCEPTED;
            failsCriteria[i] = false;
        }
        List<UUID> referrals = new ArrayList<>();
        int accepted = 0;
        int firstWorker = random.nextInt(LINK_WORKERS.size());
        for (int i = 0; i < count; i++) {
            UUID referralId = uuid();
            referrals.add(referralId);
            String worker = LINK_WORKERS.get((firstWorker + accepted) % LINK_WORKERS.size());
            if (fates[i] == Fate.ACCEPTED) {
                accepted++;
            }
            referral(referralId, received[i], sources.get(i), channels.get(i), failsCriteria[i], fates[i], i, worker,
                    specials[i]);
        }
        List<DemoStep> ordered = new ArrayList<>(steps);
        ordered.sort(Comparator.comparing(DemoStep::on));
        return new DemoPlan(seed, today, referrals, ordered);
    }

    private LocalDate[] receivedDates(int count) {
        LocalDate[] received = new LocalDate[count];
        for (int i = 0; i < count; i++) {
            // One referral in each equal share of the year, at a random day of it: spread, never bunched.
            int start = i * DAYS / count;
            int end = (i + 1) * DAYS / count;
            received[i] = today.minusDays(DAYS - 1 - start - random.nextInt(Math.max(1, end - start)));
        }
        received[count - 1] = today.minusDays(random.nextInt(2));
        return received;
    }

    /** Every value at least once, the rest drawn by weight, in random order. */
    private <T> List<T> covering(T[] values, int[] weights, int count) {
        List<T> drawn = new ArrayList<>(Arrays.asList(values));
        while (drawn.size() < count) {
            drawn.add(weighted(values, weights));
        }
        Collections.shuffle(drawn, random);
        return drawn;
    }

    private Fate fate(LocalDate receivedOn, boolean fails) {
        long waiting = receivedOn.until(today, java.time.temporal.ChronoUnit.DAYS);
        if (waiting <= 7 && random.nextDouble() < 0.6) {
            return Fate.AWAITING;
        }
        double draw = random.nextDouble();
        if (draw < 0.04) {
            return Fate.WITHDRAWN;
        }
        if (fails) {
            return draw < 0.6 ? Fate.DECLINED : draw < 0.8 ? Fate.REDIRECTED : Fate.ACCEPTED;
        }
        return draw < 0.83 ? Fate.ACCEPTED : draw < 0.92 ? Fate.REDIRECTED : Fate.DECLINED;
    }

    private void referral(UUID referralId, LocalDate receivedOn, ReferralSource source, ReferralChannel channel,
                          boolean fails, Fate fate, int index, String worker, Special special) {
        boolean failsByAge = fails && random.nextBoolean();
        int age = failsByAge ? (random.nextBoolean() ? 10 : 19) : weighted(new Integer[] {11, 12, 13, 14, 15, 16, 17, 18},
                new int[] {5, 8, 12, 16, 18, 16, 12, 8});
        LocalDate dateOfBirth = receivedOn.minusYears(age).minusDays(1 + random.nextInt(364));
        List<Need> needs = fails && !failsByAge ? List.of(Need.OTHER) : switch (random.nextInt(5)) {
            case 0, 1 -> List.of(Need.ANXIETY);
            case 2 -> List.of(Need.LONELINESS);
            default -> List.of(Need.ANXIETY, Need.LONELINESS);
        };
        List<ReferralReason> reasons = new ArrayList<>();
        reasons.add(ReferralReason.values()[index % ReferralReason.values().length]);
        if (needs.contains(Need.ANXIETY) && !reasons.contains(ReferralReason.ANXIETY)) {
            reasons.add(ReferralReason.ANXIETY);
        }
        if (needs.contains(Need.LONELINESS) && !reasons.contains(ReferralReason.LONELINESS)) {
            reasons.add(ReferralReason.LONELINESS);
        }
        String first = pick(FIRST_NAMES);
        String last = pick(LAST_NAMES);
        Map<String, Object> youngPerson = body("firstName", first, "lastName", last, "dateOfBirth", dateOfBirth,
                "postcode", pick(DISTRICTS) + " " + (1 + random.nextInt(9)) + (char) ('A' + random.nextInt(26))
                        + (char) ('A' + random.nextInt(26)));
        if (age <= 16) {
            youngPerson.put("school", pick(SCHOOLS));
        }
        if (age >= 14 && random.nextBoolean()) {
            youngPerson.put("phone", "07700 900" + String.format("%03d", random.nextInt(1000)));
        }
        if (age < 16 || random.nextBoolean()) {
            youngPerson.put("parentCarer", body("name", pick(FIRST_NAMES) + " " + last,
                    "phone", "07700 900" + String.format("%03d", random.nextInt(1000)),
                    "relationship", random.nextInt(4) == 0 ? "Father" : random.nextInt(6) == 0 ? "Grandparent" : "Mother"));
        }
        Map<String, Object> form = body("referralId", referralId, "source", source, "channel", channel,
                "receivedOn", receivedOn, "youngPerson", youngPerson, "reasons", reasons, "needs", needs,
                "consentGivenBy", age < 13 || random.nextInt(3) == 0 ? ConsentGivenBy.PARENT_CARER : ConsentGivenBy.YOUNG_PERSON);
        Map<String, Object> referrer = referrer(source);
        if (referrer != null) {
            form.put("referrer", referrer);
        }
        if (random.nextInt(3) == 0) {
            form.put("notes", pick(new String[] {"Finds it hard to leave the house since moving schools.",
                "Has stopped going to football and spends most evenings alone.",
                "Worries a lot before exams; sleeping badly.", "Would like to meet people outside school."}));
        }
        String coordinator = random.nextInt(8) == 0 ? MANAGER : COORDINATOR;
        add(RECEIVE, referralId, receivedOn, coordinator, form);
        if (fate == Fate.AWAITING) {
            return;
        }
        if (fate == Fate.WITHDRAWN) {
            LocalDate withdrawnOn = notAfterToday(receivedOn.plusDays(1 + random.nextInt(5)));
            add(WITHDRAW, referralId, withdrawnOn, COORDINATOR,
                    body("reason", pick(new String[] {"The family asked to withdraw the referral.",
                        "Now supported by the school's counsellor.", "Referred twice by mistake."}),
                            "withdrawnOn", withdrawnOn));
            return;
        }
        LocalDate triagedOn = notAfterToday(receivedOn.plusDays(random.nextInt(7)));
        Map<String, Object> triage = body("outcome", TriageOutcome.valueOf(fate.name()), "triagedOn", triagedOn);
        switch (fate) {
            case DECLINED -> triage.put("reason", fails ? "Does not meet the inclusion criteria."
                    : "The young person did not want support at this time.");
            case REDIRECTED -> {
                triage.put("redirectedTo", pick(new String[] {"CAMHS", "School nursing service", "Young carers service",
                    "Adult social prescribing"}));
                triage.put("reason", "A more suitable service for the needs described.");
            }
            default -> {
                if (fails) {
                    triage.put("overrideReason", failsByAge
                            ? "Age just outside the range; the team agreed that support here suits best."
                            : "Low mood and isolation seen at triage call; criteria met in substance.");
                }
            }
        }
        add(TRIAGE, referralId, triagedOn, coordinator, triage);
        if (fate != Fate.ACCEPTED) {
            return;
        }
        LocalDate assignedOn = notAfterToday(triagedOn.plusDays(random.nextInt(5)));
        add(ASSIGN, referralId, assignedOn, coordinator, body("linkWorkerId", worker, "assignedOn", assignedOn));
        new Support(referralId, assignedOn, worker, special).plan();
    }

    /** One participant's support, from enrolment to discharge or to today. */
    private final class Support {

        private final UUID referralId;
        private final LocalDate enrolledOn;
        private final Special special;
        private final int level = random.nextInt(2);
        private String worker;
        private LocalDate lastActivity;
        private final List<Object[]> signposts = new ArrayList<>();
        private final java.util.TreeMap<LocalDate, String> workers = new java.util.TreeMap<>();

        Support(UUID referralId, LocalDate enrolledOn, String worker, Special special) {
            this.referralId = referralId;
            this.enrolledOn = enrolledOn;
            this.worker = worker;
            this.workers.put(enrolledOn, worker);
            this.special = special;
            this.lastActivity = enrolledOn;
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
                if (date.isAfter(today)) {
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
                            pick(new String[] {"Did not attend", "Unwell", "Cancelled by the family"})));
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
                for (int missed = 0; missed < 2 && !date.isAfter(today); missed++) {
                    add(MISSED_SESSION, date, worker(), body("plannedOn", date, "reason", "Did not attend"));
                    lastActivity = date;
                    date = date.plusDays(7);
                }
            }
            LocalDate dischargedOn = ongoing ? null : lastActivity.plusDays(random.nextInt(8));
            if (dischargedOn != null && dischargedOn.isAfter(today)) {
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
                add(ERASURE, today, DATA_PROTECTION_OFFICER, body("reason", "Erasure request upheld, case DP-"
                        + (1000 + random.nextInt(9000))));
            }
        }

        private String worker() {
            return userOf(worker);
        }

        private void contactsBetween(LocalDate from, LocalDate to) {
            long days = from.until(to, java.time.temporal.ChronoUnit.DAYS);
            int contacts = days < 2 ? 0 : random.nextInt(3);
            for (int c = 0; c < contacts; c++) {
                LocalDate on = from.plusDays(1 + random.nextInt((int) days - 1));
                add(CONTACT, on, worker(), body("channel", weighted(ContactChannel.values(), new int[] {7, 2, 1}),
                        "direction", random.nextInt(3) == 0 ? ContactDirection.INBOUND : ContactDirection.OUTBOUND,
                        "contactedOn", on));
            }
        }

        private void session(LocalDate heldOn) {
            SessionLocation location = weighted(SessionLocation.values(), new int[] {20, 30, 30, 5, 8, 7});
            boolean remote = location == SessionLocation.ONLINE || location == SessionLocation.PHONE;
            Map<String, Object> form = body("sessionId", uuid(), "heldOn", heldOn,
                    "durationMinutes", remote ? 15 + random.nextInt(16) : 30 + random.nextInt(4) * 5 + random.nextInt(11),
                    "location", location,
                    "accompaniedBy", weighted(AccompaniedBy.values(), new int[] {14, 5, 1}),
                    "techniques", random.nextInt(3) == 0 ? List.of(Technique.MOTIVATIONAL_INTERVIEWING, Technique.COM_B)
                            : List.of(weighted(Technique.values(), new int[] {8, 4, 1})));
            if (!remote && location != SessionLocation.HOME) {
                form.put("walkMinutesFromHome", random.nextInt(10) == 0 ? 31 + random.nextInt(15) : 5 + random.nextInt(24));
            }
            add(SESSION, heldOn, worker(), form);
        }

        private void signpost(LocalDate signpostedOn) {
            String[] activity = pick(VCSE);
            UUID signpostId = uuid();
            add(SIGNPOST, signpostedOn, worker(), body("signpostId", signpostId, "organisation", activity[0],
                    "activity", activity[1], "category", VcseCategory.valueOf(activity[2]), "signpostedOn", signpostedOn,
                    "fundedAccess", random.nextInt(3) == 0,
                    "transportSupport", weighted(TransportSupport.values(), new int[] {6, 3, 1})));
            signposts.add(new Object[] {signpostId, signpostedOn});
        }

        private void uptakes(LocalDate dischargedOn) {
            LocalDate last = dischargedOn != null ? dischargedOn : today;
            for (Object[] signpost : signposts) {
                LocalDate recordedOn = ((LocalDate) signpost[1]).plusDays(7 + random.nextInt(15));
                if (!recordedOn.isAfter(last)) {
                    // Recorded by whoever had the participant that day (a link-worker change sorts before it).
                    String recordedBy = userOf(workers.floorEntry(recordedOn).getValue());
                    steps.add(new DemoStep(UPTAKE, referralId, recordedOn, recordedBy,
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
            DemoHistory.this.add(kind, referralId, on, actor, body);
        }
    }

    private Map<String, Object> referrer(ReferralSource source) {
        return switch (source) {
            case GP -> body("name", "Dr " + pick(LAST_NAMES), "organisation", "Meanwood Health Centre", "role", "GP",
                    "email", "referrals@meanwood-hc.example.org");
            case CAMHS -> body("name", pick(FIRST_NAMES) + " " + pick(LAST_NAMES), "organisation", "Leeds CAMHS",
                    "role", "Clinical practitioner", "email", "camhs.referrals@example.org");
            case SCHOOL -> body("name", pick(FIRST_NAMES) + " " + pick(LAST_NAMES), "organisation", pick(SCHOOLS),
                    "role", "Pastoral lead", "email", "pastoral@school.example.org");
            case SOCIAL_SERVICES -> body("name", pick(FIRST_NAMES) + " " + pick(LAST_NAMES),
                    "organisation", "Children's social work service", "role", "Social worker");
            case YOUTH_OFFENDING_SERVICE -> body("name", pick(FIRST_NAMES) + " " + pick(LAST_NAMES),
                    "organisation", "Youth Justice Service", "role", "Case manager");
            case ADULT_SOCIAL_PRESCRIBING -> body("name", pick(FIRST_NAMES) + " " + pick(LAST_NAMES),
                    "organisation", "Leeds Community Connect", "role", "Social prescribing link worker");
            case FAMILY_OR_FRIEND, SELF, OTHER -> null;
        };
    }

    private void add(DemoStep.Kind kind, UUID referralId, LocalDate on, String actor, Map<String, Object> body) {
        steps.add(new DemoStep(kind, referralId, on, actor, body, null));
    }

    private LocalDate notAfterToday(LocalDate date) {
        return date.isAfter(today) ? today : date;
    }

    private <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }

    private <T> T weighted(T[] values, int[] weights) {
        int total = Arrays.stream(weights).sum();
        int draw = random.nextInt(total);
        for (int i = 0; i < values.length; i++) {
            draw -= weights[i];
            if (draw < 0) {
                return values[i];
            }
        }
        throw new IllegalArgumentException("weights");
    }

    /** A random (version 4) UUID drawn from the seeded generator, so that ids are the same for the same seed. */
    private UUID uuid() {
        long most = (random.nextLong() & ~0xF000L) | 0x4000L;
        long least = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(most, least);
    }

    private static int clamp(int value, int min, int max) {
        return Math.max(min, Math.min(max, value));
    }

    private static Map<String, Object> body(Object... pairs) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            body.put((String) pairs[i], pairs[i + 1]);
        }
        return body;
    }
}
