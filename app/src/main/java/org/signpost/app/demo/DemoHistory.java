package org.signpost.app.demo;

import static org.signpost.app.demo.DemoStep.Kind.ASSIGN;
import static org.signpost.app.demo.DemoStep.Kind.RECEIVE;
import static org.signpost.app.demo.DemoStep.Kind.TRIAGE;
import static org.signpost.app.demo.DemoStep.Kind.WITHDRAW;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.signpost.events.ConsentGivenBy;
import org.signpost.events.Entitlement;
import org.signpost.events.Need;
import org.signpost.events.ReferralChannel;
import org.signpost.events.ReferralReason;
import org.signpost.events.ReferralSource;
import org.signpost.events.TriageOutcome;

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
    static final int ENTITLEMENT_DAYS = Entitlement.WEEKS * 7;

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
    static final String[][] VCSE = {
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
    final Random random;
    final LocalDate today;
    final List<DemoStep> steps = new ArrayList<>();

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
    enum Special { NONE, BEYOND_ENTITLEMENT, EXTENDED, REASSIGNED, SAFEGUARDING, ERASED, DISENGAGED }

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
            long age = received[i].until(today, ChronoUnit.DAYS);
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
        long waiting = receivedOn.until(today, ChronoUnit.DAYS);
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
        new DemoSupport(this, referralId, assignedOn, worker, special).plan();
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

    void add(DemoStep.Kind kind, UUID referralId, LocalDate on, String actor, Map<String, Object> body) {
        steps.add(new DemoStep(kind, referralId, on, actor, body, null));
    }

    private LocalDate notAfterToday(LocalDate date) {
        return date.isAfter(today) ? today : date;
    }

    <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }

    <T> T weighted(T[] values, int[] weights) {
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
    UUID uuid() {
        long most = (random.nextLong() & ~0xF000L) | 0x4000L;
        long least = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(most, least);
    }

    static int clamp(int value, int min, int max) {
        return Math.max(min, Math.min(max, value));
    }

    static Map<String, Object> body(Object... pairs) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            body.put((String) pairs[i], pairs[i + 1]);
        }
        return body;
    }
}
