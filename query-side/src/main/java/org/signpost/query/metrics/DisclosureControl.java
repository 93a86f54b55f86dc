package org.signpost.query.metrics;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which figures of a publication to withhold so that none singles a young person out: a pure
 * function of the exact figures, described as counts, the sums they form, the figures derived
 * from them, and figures that are one person's value.
 *
 * <p>The rules are threshold suppression with complementary suppression, as UK official
 * statistics protect tables of counts of people: the Government Statistical Service's guidance
 * on statistical disclosure control (gss.civilservice.gov.uk/guidances/methodology/statistical-disclosure-control:
 * the threshold rule, primary and secondary suppression, disclosure by differencing, class
 * disclosure), and NHS Digital's mental health statistics (the Mental Health Bulletin replaces
 * numbers below 5 by "*" and rounds the rest to the nearest 5; we suppress and do not round):
 * <ol>
 * <li>Primary: a count of fewer people than the threshold, but more than none, is withheld. A
 *     count of sessions counts the people behind them. A 0 beside a published total is shown: it
 *     says only that none of at least threshold-many people has the attribute, a class
 *     disclosure about a group the threshold deems large enough, and hiding every 0 would hide
 *     most of a small service's figures (some series withhold zeros too; rule 2 withholds those
 *     that would tell something about fewer people).</li>
 * <li>But every part of a total withheld by (1) is withheld too, zeros included: with a total of
 *     one child, the zeros beside its one non-zero part would show which source, reason or age
 *     group that child has (group disclosure of a group below the threshold). So are the parts
 *     of such a part, and so on down (the zeros of the triage of a source that sent nobody).</li>
 * <li>Complementary: no withheld count of (1) or (2) may be recoverable from the published ones
 *     by adding and subtracting along the sums (a total minus its other parts, a margin minus
 *     another table's cells). While one is, another published non-zero count of the sums that
 *     bear on it is withheld: parts before totals, the smallest that is enough on its own, else
 *     the smallest and then another (a table with both margins published needs a rectangle).
 *     Whether a count is recoverable is decided exactly, by linear algebra over all the sums at
 *     once, not table by table.</li>
 * <li>A figure derived from a withheld count (a share, rate, percentage, mean or median, each
 *     computed over the people it names as inputs) is withheld; so a figure over fewer people
 *     than the threshold always is, whatever it is.</li>
 * <li>A minimum or a maximum is one person's value (the one 11-year-old, the one young person
 *     with 14 sessions), however many people there are: it is never published; a mean or a
 *     distribution says what a publication needs.</li>
 * </ol>
 * It protects one publication. Figures for overlapping periods can still be differenced against
 * each other; publish periods that do not overlap.
 */
final class DisclosureControl {

    /** Why a figure is withheld, in detail; a publication tells less (see {@link Publication.Withheld}). */
    enum Reason {
        /** A count of more than none but fewer people than the threshold. */
        FEWER_THAN_THRESHOLD,
        /** A part (a 0 too) of a total of fewer people than the threshold: it would show which part they are in. */
        PART_OF_SMALL_TOTAL,
        /** Withheld so that another withheld count cannot be worked out by subtraction. */
        COMPLEMENTARY,
        /** A share, rate, percentage, mean or median computed from a withheld count. */
        DERIVED_FROM_SUPPRESSED,
        /** A minimum or maximum: one person's value. */
        ONE_PERSON
    }

    /**
     * A count. {@code people}: how many people stand behind it (the count itself, for a count of
     * people). {@code shown}: whether the publication shows it under its name; a count that is
     * not shown is still part of the sums (the people seen who were not referred) and known to a
     * reader if a published figure derived from it reveals it.
     */
    record Count(String name, long value, long people, boolean shown) {
    }

    /** {@code total} is exactly the sum of {@code parts} (names of counts). */
    record Sum(String total, List<String> parts) {
    }

    /** A figure computed from these counts, shown under {@code name}. */
    record Derived(String name, List<String> inputs) {
    }

    private final Map<String, Count> counts;
    private final List<Sum> sums;
    private final List<Derived> derived;
    /** Every figure shown, in the order of the publication: counts, derived figures and single values. */
    private final List<String> shown;
    private final Set<String> singles;

    private DisclosureControl(Builder builder) {
        this.counts = Map.copyOf(builder.counts);
        this.sums = List.copyOf(builder.sums);
        this.derived = List.copyOf(builder.derived);
        this.shown = List.copyOf(builder.shown);
        this.singles = Set.copyOf(builder.singles);
    }

    static Builder figures() {
        return new Builder();
    }

    /** Describes the figures of a publication, in the order it shows them. */
    static final class Builder {
        private final Map<String, Count> counts = new LinkedHashMap<>();
        private final List<Sum> sums = new ArrayList<>();
        private final List<Derived> derived = new ArrayList<>();
        private final List<String> shown = new ArrayList<>();
        private final Set<String> singles = new LinkedHashSet<>();

        /** A count of people, shown under its name. */
        Builder count(String name, long people) {
            return count(name, people, people);
        }

        /** A count of things (sessions) about {@code people} people, shown under its name. */
        Builder count(String name, long value, long people) {
            add(new Count(name, value, people, true));
            shown.add(name);
            return this;
        }

        /** A count the publication does not show, about {@code people} people. */
        Builder hidden(String name, long value, long people) {
            add(new Count(name, value, people, false));
            return this;
        }

        Builder sum(String total, List<String> parts) {
            sums.add(new Sum(total, List.copyOf(parts)));
            return this;
        }

        Builder derived(String name, String... inputs) {
            derived.add(new Derived(name, List.of(inputs)));
            shown.add(name);
            return this;
        }

        /** One person's value (a minimum or a maximum). */
        Builder single(String name) {
            singles.add(name);
            shown.add(name);
            return this;
        }

        DisclosureControl build() {
            for (Sum sum : sums) {
                for (String name : concat(sum.total(), sum.parts())) {
                    if (!counts.containsKey(name)) {
                        throw new IllegalArgumentException("A sum of an unknown count: " + name);
                    }
                }
            }
            for (Derived figure : derived) {
                figure.inputs().forEach(input -> {
                    if (!counts.containsKey(input)) {
                        throw new IllegalArgumentException(figure.name() + " derived from an unknown count: " + input);
                    }
                });
            }
            return new DisclosureControl(this);
        }

        private void add(Count count) {
            if (counts.put(count.name(), count) != null) {
                throw new IllegalArgumentException("Two counts named " + count.name());
            }
        }
    }

    /** The figures to withhold, each with why, in the order they are shown. */
    Map<String, Reason> suppress(int threshold) {
        if (threshold < 1) {
            throw new IllegalArgumentException("The threshold must be at least 1, not " + threshold);
        }
        Map<String, Reason> withheld = new LinkedHashMap<>();
        for (Count count : counts.values()) {
            if (small(count, threshold)) {
                withheld.put(count.name(), Reason.FEWER_THAN_THRESHOLD);
            }
        }
        // A part withheld so is a 0 whose own parts would show it is one: they go too, and so on down.
        for (boolean more = true; more; ) {
            more = false;
            for (Sum sum : sums) {
                Reason total = withheld.get(sum.total());
                if (total == Reason.FEWER_THAN_THRESHOLD || total == Reason.PART_OF_SMALL_TOTAL) {
                    for (String part : sum.parts()) {
                        more |= withheld.putIfAbsent(part, Reason.PART_OF_SMALL_TOTAL) == null;
                    }
                }
            }
        }
        Set<String> protectedCounts = new LinkedHashSet<>(withheld.keySet());
        for (String exposed = recoverable(protectedCounts, withheld); exposed != null;
                exposed = recoverable(protectedCounts, withheld)) {
            String complement = complementFor(exposed, withheld);
            if (complement == null) {
                // Cannot happen (a count is recoverable only from a published non-zero one); withhold every count.
                counts.keySet().forEach(name -> withheld.putIfAbsent(name, Reason.COMPLEMENTARY));
                break;
            }
            withheld.put(complement, Reason.COMPLEMENTARY);
        }
        Map<String, Reason> answer = new LinkedHashMap<>();
        for (String name : shown) {
            if (singles.contains(name)) {
                answer.put(name, Reason.ONE_PERSON);
            } else if (withheld.containsKey(name)) {
                answer.put(name, withheld.get(name));
            } else if (derivedFromWithheld(name, withheld)) {
                answer.put(name, Reason.DERIVED_FROM_SUPPRESSED);
            }
        }
        return answer;
    }

    private static boolean small(Count count, int threshold) {
        return count.people() > 0 && count.people() < threshold;
    }

    private boolean derivedFromWithheld(String name, Map<String, Reason> withheld) {
        return derived.stream().filter(figure -> figure.name().equals(name))
                .anyMatch(figure -> figure.inputs().stream().anyMatch(withheld::containsKey));
    }

    /**
     * Whether a reader of the publication knows this count: it is not withheld, and shown, or
     * revealed by a published figure derived from it (the rate of continuity and the people
     * seen give the people with one link worker).
     */
    private boolean known(Count count, Map<String, Reason> withheld) {
        if (withheld.containsKey(count.name())) {
            return false;
        }
        return count.shown() || derived.stream().anyMatch(figure -> figure.inputs().contains(count.name())
                && figure.inputs().stream().noneMatch(withheld::containsKey));
    }

    /** A protected count that the published counts determine through the sums, or null. */
    private String recoverable(Set<String> protectedCounts, Map<String, Reason> withheld) {
        Set<String> determined = determined(withheld);
        return protectedCounts.stream().filter(determined::contains).findFirst().orElse(null);
    }

    private Set<String> determined(Map<String, Reason> withheld) {
        List<String> unknown = counts.values().stream().filter(count -> !known(count, withheld)).map(Count::name)
                .toList();
        return new RecoverableCounts(unknown, sums).determined();
    }

    /**
     * The published count to withhold next so that {@code exposed} can no longer be worked out:
     * among the published non-zero counts of the sums that bear on it, parts before totals, the
     * smallest first, the first that is enough on its own; if none is (a table with both margins
     * published needs a rectangle of withheld cells), the first of them, and the next round adds more.
     */
    private String complementFor(String exposed, Map<String, Reason> withheld) {
        Set<String> totals = new HashSet<>();
        sums.forEach(sum -> totals.add(sum.total()));
        List<String> order = new ArrayList<>(counts.keySet());
        List<Count> candidates = bearingOn(exposed, withheld).stream()
                .sorted(Comparator.<Count, Boolean>comparing(count -> totals.contains(count.name()))
                        .thenComparingLong(Count::value)
                        .thenComparingInt(count -> order.indexOf(count.name())))
                .toList();
        for (Count candidate : candidates) {
            Map<String, Reason> trial = new LinkedHashMap<>(withheld);
            trial.put(candidate.name(), Reason.COMPLEMENTARY);
            if (!determined(trial).contains(exposed)) {
                return candidate.name();
            }
        }
        return candidates.isEmpty() ? null : candidates.get(0).name();
    }

    /**
     * The published non-zero counts in the sums that bear on this one: those it is in, and those
     * reached from them through counts a reader does not know. No other count changes whether it
     * can be worked out.
     */
    private Set<Count> bearingOn(String name, Map<String, Reason> withheld) {
        Set<Count> published = new LinkedHashSet<>();
        Set<String> reached = new HashSet<>(Set.of(name));
        Deque<String> open = new ArrayDeque<>(List.of(name));
        Set<Sum> seen = new HashSet<>();
        while (!open.isEmpty()) {
            String next = open.pop();
            for (Sum sum : sums) {
                List<String> members = concat(sum.total(), sum.parts());
                if (members.contains(next) && seen.add(sum)) {
                    for (String member : members) {
                        Count count = counts.get(member);
                        if (known(count, withheld)) {
                            if (count.value() > 0) {
                                published.add(count);
                            }
                        } else if (reached.add(member)) {
                            open.push(member);
                        }
                    }
                }
            }
        }
        return published;
    }

    private static List<String> concat(String first, List<String> rest) {
        List<String> all = new ArrayList<>(rest.size() + 1);
        all.add(first);
        all.addAll(rest);
        return all;
    }
}
