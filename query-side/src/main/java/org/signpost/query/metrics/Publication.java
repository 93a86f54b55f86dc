package org.signpost.query.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.signpost.query.metrics.Evaluation.Change;
import org.signpost.query.metrics.Evaluation.CountAndShare;
import org.signpost.query.metrics.Evaluation.InappropriateReferrals;

/**
 * Figures fit to publish: the exact figures of an evaluation or a referral-rate report with
 * every figure that could single a young person out withheld (null), and a notice of the
 * threshold and of what was withheld and why. A pure function of the exact figures, which stay
 * exact everywhere else in the service; {@link DisclosureControl} decides, from how the figures
 * add up and what each is computed from, as described here.
 */
public final class Publication {

    /**
     * A figure withheld: its name (the JSON path with dots, as the CSV names it) and why:
     * {@code SMALL_COUNT} (a count of fewer people than the threshold, or one that would give
     * such a count away), {@code DERIVED_FROM_SMALL_COUNT} (a share, rate, percentage, mean or
     * median computed from a withheld count) or {@code ONE_PERSON} (a minimum or maximum).
     *
     * <p>The reason of a count never says which rule withheld it: told apart, they would give
     * counts away (a total of 6 published with a part of 1 to 4 and a complementary part of 5 or
     * more withheld: 1 and 5; or which of the parts of a total of one child is not 0).
     */
    public record Withheld(String metric, String reason) {
    }

    /** What a reader is told of a figure withheld, and no more (see {@link Withheld}). */
    static String reasonShown(DisclosureControl.Reason reason) {
        return switch (reason) {
            case FEWER_THAN_THRESHOLD, PART_OF_SMALL_TOTAL, COMPLEMENTARY -> "SMALL_COUNT";
            case DERIVED_FROM_SUPPRESSED -> "DERIVED_FROM_SMALL_COUNT";
            case ONE_PERSON -> "ONE_PERSON";
        };
    }

    /** What a reader of the publication is told: the threshold, and every figure withheld, in order. */
    public record Notice(int suppressBelow, List<Withheld> suppressed) {

        public Notice {
            suppressed = List.copyOf(suppressed);
        }
    }

    private final ObjectNode figures;
    private final Notice notice;

    private Publication(ObjectNode figures, Notice notice) {
        this.figures = figures;
        this.notice = notice;
    }

    /** The figures, those withheld null. */
    public ObjectNode figures() {
        return figures.deepCopy();
    }

    public Notice notice() {
        return notice;
    }

    /** The answer to a request for a publication: the figures, then {@code "publication"}, the notice. */
    public ObjectNode json() {
        ObjectNode answer = figures();
        answer.set("publication", EvaluationCsv.JSON.valueToTree(notice));
        return answer;
    }

    /** Why this figure (by its dotted name) is withheld; null if it is published. */
    public String reasonFor(String metric) {
        return notice.suppressed().stream().filter(withheld -> withheld.metric().equals(metric))
                .map(Withheld::reason).findFirst().orElse(null);
    }

    public static Publication of(Evaluation exact, int suppressBelow) {
        Figures f = new Figures();
        var received = exact.referralsReceived();
        String referrals = f.count(received.total(), "referralsReceived", "total");
        breakdown(f, referrals, received.bySource(), "referralsReceived", "bySource");
        breakdown(f, referrals, received.byChannel(), "referralsReceived", "byChannel");
        // Counts reasons, but is about the young people referred.
        String reasons = f.count(exact.reasonsForReferral().total(), received.total(), "reasonsForReferral", "total");
        breakdown(f, reasons, exact.reasonsForReferral().byReason(), "reasonsForReferral", "byReason");

        var triage = exact.triageOutcomes();
        String triaged = f.count(triage.total(), "triageOutcomes", "total");
        List<String> outcomes = new ArrayList<>();
        triage.byOutcome().forEach((outcome, count) ->
                outcomes.add(f.count(count, "triageOutcomes", "byOutcome", outcome.name())));
        f.control.sum(triaged, outcomes);
        List<String> triagedBySource = new ArrayList<>();
        int attributed = 0;
        for (var bySource : triage.inappropriateBySource().entrySet()) {
            InappropriateReferrals figures = bySource.getValue();
            String[] at = {"triageOutcomes", "inappropriateBySource", bySource.getKey().name()};
            String declined = f.count(figures.declined(), append(at, "declined"));
            String ofSource = f.count(figures.triaged(), append(at, "triaged"));
            f.control.derived(f.name(append(at, "rate")), declined, ofSource);
            String others = f.hidden(figures.triaged() - figures.declined(), append(at, "notInappropriate"));
            f.control.sum(ofSource, List.of(declined, others));
            triagedBySource.add(ofSource);
            attributed += figures.triaged();
        }
        f.sumWithRest(triaged, triagedBySource, triage.total() - attributed, "triageOutcomes", "withoutSource");

        String seen = f.count(exact.peopleSeen(), "peopleSeen");
        String referred = f.count(exact.referredToVcse(), "referredToVcse");
        f.control.derived(f.name("referralRate"), referred, seen);
        f.control.derived(f.name("referralRatePercent"), referred, seen);
        f.control.sum(seen, List.of(referred, f.hidden(exact.peopleSeen() - exact.referredToVcse(), "notReferredToVcse")));

        var uptake = exact.vcseUptake();
        String signposted = f.count(uptake.signposted(), "vcseUptake", "signposted");
        String attended = f.count(uptake.attended(), "vcseUptake", "attended");
        f.control.derived(f.name("vcseUptake", "rate"), attended, signposted);
        f.control.sum(signposted, List.of(attended,
                f.hidden(uptake.signposted() - uptake.attended(), "vcseUptake", "notAttended")));

        var perPerson = exact.sessionsPerPerson();
        List<String> distribution = new ArrayList<>();
        perPerson.distribution().keySet().forEach(bucket ->
                distribution.add(f.name("sessionsPerPerson", "distribution", bucket)));
        List<String> overTheDistribution = new ArrayList<>(distribution);
        overTheDistribution.add(seen);
        String[] inputs = overTheDistribution.toArray(String[]::new);
        f.control.derived(f.name("sessionsPerPerson", "mean"), inputs);
        f.control.derived(f.name("sessionsPerPerson", "median"), inputs);
        f.control.single(f.name("sessionsPerPerson", "max"));
        perPerson.distribution().forEach((bucket, people) -> f.count(people, "sessionsPerPerson", "distribution", bucket));
        f.control.sum(seen, distribution);
        f.control.derived(f.name("sessionMinutes", "mean"), seen);

        Evaluation.PeopleBehind behind = exact.peopleBehind();
        f.control.derived(f.name("daysToFirstSession", "median"),
                f.hidden(behind.firstSessions(), "daysToFirstSession", "people"));
        String continuous = f.hidden(behind.continuous(), "continuity", "continuous");
        f.control.derived(f.name("continuity", "rate"), continuous, seen);
        f.control.sum(seen, List.of(continuous,
                f.hidden(exact.peopleSeen() - behind.continuous(), "continuity", "notContinuous")));

        var walking = exact.walkingDistance();
        String walks = f.count(walking.sessions(), behind.walked(), "walkingDistance", "sessions");
        String over30 = f.count(walking.over30(), behind.walkedOver30(), "walkingDistance", "over30");
        f.control.derived(f.name("walkingDistance", "rate"), over30, walks);
        f.control.sum(walks, List.of(over30, f.hiddenAbout(walking.sessions() - walking.over30(),
                behind.walkedAtMost30(), "walkingDistance", "atMost30")));

        f.control.derived(f.name("ageAtReferral", "mean"), referrals);
        f.control.single(f.name("ageAtReferral", "min"));
        f.control.single(f.name("ageAtReferral", "max"));

        var change = exact.outcomeChange();
        change(f, change.swemwbs(), "outcomeChange", "SWEMWBS");
        change(f, change.ucla3(), "outcomeChange", "UCLA3");
        change(f, change.ons4().lifeSatisfaction(), "outcomeChange", "ONS4", "lifeSatisfaction");
        change(f, change.ons4().worthwhile(), "outcomeChange", "ONS4", "worthwhile");
        change(f, change.ons4().happy(), "outcomeChange", "ONS4", "happy");
        change(f, change.ons4().anxious(), "outcomeChange", "ONS4", "anxious");

        return f.publish(EvaluationCsv.JSON.valueToTree(exact), suppressBelow, Map.of());
    }

    public static Publication of(ReferralRateReport exact, int suppressBelow) {
        Figures f = new Figures();
        String seen = f.count(exact.peopleSeen(), "peopleSeen");
        String referred = f.count(exact.referredToVcse(), "referredToVcse");
        f.control.derived(f.name("referralRate"), referred, seen);
        f.control.derived(f.name("referralRatePercent"), referred, seen);
        f.control.sum(seen, List.of(referred, f.hidden(exact.peopleSeen() - exact.referredToVcse(), "notReferredToVcse")));
        Map<List<String>, String> emptiedWhenSmall = new LinkedHashMap<>();
        if (exact.groups() != null) {
            exact.groups().forEach((group, figures) -> {
                // A month is a part of the period but not of a partition of it (a person seen in two months counts
                // in both): each month and the rest of the period's people make its total, month by month.
                boolean months = group.equals(GroupBy.MONTH.parameterName());
                List<String> seenIn = new ArrayList<>();
                List<String> referredIn = new ArrayList<>();
                int[] attributed = {0, 0};
                figures.forEach((key, rate) -> {
                    String[] at = {"groups", group, key};
                    String seenHere = f.count(rate.peopleSeen(), append(at, "peopleSeen"));
                    String referredHere = f.count(rate.referredToVcse(), append(at, "referredToVcse"));
                    f.control.derived(f.name(append(at, "referralRate")), referredHere, seenHere);
                    f.control.derived(f.name(append(at, "referralRatePercent")), referredHere, seenHere);
                    f.control.sum(seenHere, List.of(referredHere,
                            f.hidden(rate.peopleSeen() - rate.referredToVcse(), append(at, "notReferredToVcse"))));
                    if (months) {
                        f.control.sum(seen, List.of(seenHere,
                                f.hidden(exact.peopleSeen() - rate.peopleSeen(), append(at, "peopleSeenOutsideTheMonth"))));
                        f.control.sum(referred, List.of(referredHere, f.hidden(
                                exact.referredToVcse() - rate.referredToVcse(), append(at, "referredOutsideTheMonth"))));
                    }
                    seenIn.add(seenHere);
                    referredIn.add(referredHere);
                    attributed[0] += rate.peopleSeen();
                    attributed[1] += rate.referredToVcse();
                });
                if (!months) {
                    f.sumWithRest(seen, seenIn, exact.peopleSeen() - attributed[0], "groups", group, "unattributed",
                            "peopleSeen");
                    f.sumWithRest(referred, referredIn, exact.referredToVcse() - attributed[1], "groups", group,
                            "unattributed", "referredToVcse");
                }
                if (group.equals(GroupBy.LINK_WORKER.parameterName())) {
                    // Which link workers saw someone is news of its own when too few were seen.
                    emptiedWhenSmall.put(List.of("groups", group), seen);
                }
            });
        }
        return f.publish(EvaluationCsv.JSON.valueToTree(exact), suppressBelow, emptiedWhenSmall);
    }

    private static <E extends Enum<E>> void breakdown(Figures f, String total, Map<E, CountAndShare> parts,
                                                      String... at) {
        List<String> counts = new ArrayList<>();
        parts.forEach((key, part) -> {
            String count = f.count(part.count(), append(append(at, key.name()), "count"));
            f.control.derived(f.name(append(append(at, key.name()), "share")), count, total);
            counts.add(count);
        });
        f.control.sum(total, counts);
    }

    private static void change(Figures f, Change change, String... at) {
        String participants = f.count(change.participants(), append(at, "participants"));
        f.control.derived(f.name(append(at, "meanChange")), participants);
    }

    private static String[] append(String[] path, String last) {
        String[] longer = Arrays.copyOf(path, path.length + 1);
        longer[path.length] = last;
        return longer;
    }

    /** The figures being described: each named by its JSON path, with dots, and where that is in the tree. */
    private static final class Figures {
        final DisclosureControl.Builder control = DisclosureControl.figures();
        private final Map<String, List<String>> paths = new LinkedHashMap<>();

        String name(String... path) {
            String name = String.join(".", path);
            paths.put(name, List.of(path));
            return name;
        }

        String count(long people, String... path) {
            String name = name(path);
            control.count(name, people);
            return name;
        }

        String count(long value, long people, String... path) {
            String name = name(path);
            control.count(name, value, people);
            return name;
        }

        /** A count of people the publication does not show (the rest of a shown one). */
        String hidden(long people, String... path) {
            return hiddenAbout(people, people, path);
        }

        /** Named apart from every shown figure ("~" starts no JSON name), whatever a group's key is. */
        String hiddenAbout(long value, long people, String... path) {
            String name = "~" + String.join(".", path);
            control.hidden(name, value, people);
            return name;
        }

        /** {@code total} is the sum of {@code parts} and, when there is one, a rest of no part (no source known). */
        void sumWithRest(String total, List<String> parts, long rest, String... restPath) {
            List<String> all = new ArrayList<>(parts);
            if (rest != 0) {
                all.add(hidden(rest, restPath));
            }
            control.sum(total, all);
        }

        Publication publish(ObjectNode exact, int suppressBelow, Map<List<String>, String> emptiedWhenSmall) {
            Map<String, DisclosureControl.Reason> withheld = new LinkedHashMap<>(control.build().suppress(suppressBelow));
            emptiedWhenSmall.forEach((group, total) -> {
                String groupName = String.join(".", group);
                if (withheld.get(total) == DisclosureControl.Reason.FEWER_THAN_THRESHOLD) {
                    withheld.keySet().removeIf(name -> name.startsWith(groupName + "."));
                    withheld.put(groupName, DisclosureControl.Reason.PART_OF_SMALL_TOTAL);
                    ((ObjectNode) at(exact, group.subList(0, group.size() - 1))).set(group.get(group.size() - 1),
                            exact.objectNode());
                }
            });
            List<Withheld> notice = new ArrayList<>();
            withheld.forEach((name, reason) -> {
                List<String> path = paths.getOrDefault(name, List.of(name.split("\\.")));
                JsonNode parent = at(exact, path.subList(0, path.size() - 1));
                if (parent instanceof ObjectNode object && object.has(path.get(path.size() - 1))
                        && !object.get(path.get(path.size() - 1)).isObject()) {
                    object.putNull(path.get(path.size() - 1));
                }
                notice.add(new Withheld(name, reasonShown(reason)));
            });
            return new Publication(exact, new Notice(suppressBelow, notice));
        }

        private static JsonNode at(JsonNode tree, List<String> path) {
            JsonNode node = tree;
            for (String segment : path) {
                node = node.path(segment);
            }
            return node;
        }
    }
}
