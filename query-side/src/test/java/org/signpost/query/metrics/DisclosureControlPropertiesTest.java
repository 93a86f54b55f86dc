package org.signpost.query.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Over random tables of counts with their row, column and grand totals published: no count of
 * fewer people than the threshold is published, nor any part of such a total, and none of them
 * can be worked out from what is published, by subtraction along one sum or by any combination
 * of them (checked here independently of {@link DisclosureControl}'s own algebra).
 */
class DisclosureControlPropertiesTest {

    /** Cells of a table, and the threshold. */
    record Table(List<List<Integer>> cells, int threshold) {
    }

    @Provide
    Arbitrary<Table> tables() {
        // Mostly small counts, many of them zero or under any threshold, some large.
        Arbitrary<Integer> cell = Arbitraries.frequencyOf(Tuple.of(2, Arbitraries.just(0)),
                Tuple.of(4, Arbitraries.integers().between(1, 6)), Tuple.of(3, Arbitraries.integers().between(5, 40)));
        Arbitrary<List<List<Integer>>> cells = Arbitraries.integers().between(1, 4).flatMap(columns ->
                cell.list().ofSize(columns).list().ofMinSize(1).ofMaxSize(4));
        return Combinators.combine(cells, Arbitraries.integers().between(2, 10)).as(Table::new);
    }

    @Property(tries = 1000)
    void noProtectedCountIsPublishedOrCanBeWorkedOut(@ForAll("tables") Table table) {
        Described described = describe(table);
        Map<String, DisclosureControl.Reason> withheld = described.control().suppress(table.threshold());

        Set<String> mustBeProtected = new LinkedHashSet<>();
        described.values().forEach((name, value) -> {
            if (value > 0 && value < table.threshold()) {
                mustBeProtected.add(name);
            }
        });
        for (DisclosureControl.Sum sum : described.sums()) {
            int total = described.values().get(sum.total());
            if (total > 0 && total < table.threshold()) {
                mustBeProtected.addAll(sum.parts());
            }
        }
        assertThat(withheld.keySet()).containsAll(mustBeProtected);

        for (DisclosureControl.Sum sum : described.sums()) {
            List<String> members = new ArrayList<>(sum.parts());
            members.add(sum.total());
            List<String> unknown = members.stream().filter(withheld::containsKey).toList();
            assertThat(unknown.size() == 1 && mustBeProtected.contains(unknown.get(0)))
                    .as("%s alone unknown in the sum of %s", unknown, sum.total()).isFalse();
        }
        List<String> unknown = described.values().keySet().stream().filter(withheld::containsKey).toList();
        for (String name : mustBeProtected) {
            assertThat(determined(name, unknown, described.sums())).as("%s worked out from %s", name, withheld)
                    .isFalse();
        }
    }

    private record Described(DisclosureControl control, Map<String, Integer> values, List<DisclosureControl.Sum> sums) {
    }

    private static Described describe(Table table) {
        DisclosureControl.Builder builder = DisclosureControl.figures();
        Map<String, Integer> values = new LinkedHashMap<>();
        List<DisclosureControl.Sum> sums = new ArrayList<>();
        List<List<Integer>> cells = table.cells();
        int columns = cells.get(0).size();
        List<String> rows = new ArrayList<>();
        int grand = 0;
        for (int r = 0; r < cells.size(); r++) {
            List<String> parts = new ArrayList<>();
            int row = 0;
            for (int c = 0; c < columns; c++) {
                String name = "r" + r + "c" + c;
                values.put(name, cells.get(r).get(c));
                parts.add(name);
                row += cells.get(r).get(c);
            }
            values.put("row" + r, row);
            sums.add(new DisclosureControl.Sum("row" + r, parts));
            rows.add("row" + r);
            grand += row;
        }
        List<String> columnTotals = new ArrayList<>();
        for (int c = 0; c < columns; c++) {
            List<String> parts = new ArrayList<>();
            int column = 0;
            for (int r = 0; r < cells.size(); r++) {
                parts.add("r" + r + "c" + c);
                column += cells.get(r).get(c);
            }
            values.put("column" + c, column);
            sums.add(new DisclosureControl.Sum("column" + c, parts));
            columnTotals.add("column" + c);
        }
        values.put("total", grand);
        sums.add(new DisclosureControl.Sum("total", rows));
        sums.add(new DisclosureControl.Sum("total", columnTotals));
        values.forEach(builder::count);
        sums.forEach(sum -> builder.sum(sum.total(), sum.parts()));
        return new Described(builder.build(), values, sums);
    }

    /**
     * Whether the published counts fix this withheld one: whether its unit vector is in the span
     * of the sums' equations over the withheld counts, by the ranks of the two (in doubles, with
     * partial pivoting; the entries are small integers).
     */
    private static boolean determined(String name, List<String> unknown, List<DisclosureControl.Sum> sums) {
        List<double[]> equations = new ArrayList<>();
        for (DisclosureControl.Sum sum : sums) {
            double[] row = new double[unknown.size()];
            boolean any = false;
            int total = unknown.indexOf(sum.total());
            if (total >= 0) {
                row[total] += 1;
                any = true;
            }
            for (String part : sum.parts()) {
                int index = unknown.indexOf(part);
                if (index >= 0) {
                    row[index] -= 1;
                    any = true;
                }
            }
            if (any) {
                equations.add(row);
            }
        }
        List<double[]> withUnit = new ArrayList<>(equations);
        double[] unit = new double[unknown.size()];
        unit[unknown.indexOf(name)] = 1;
        withUnit.add(unit);
        return rank(withUnit) == rank(equations);
    }

    private static int rank(List<double[]> rows) {
        if (rows.isEmpty()) {
            return 0;
        }
        double[][] m = rows.stream().map(double[]::clone).toArray(double[][]::new);
        int rank = 0;
        for (int c = 0; c < m[0].length && rank < m.length; c++) {
            int pivot = rank;
            for (int r = rank + 1; r < m.length; r++) {
                if (Math.abs(m[r][c]) > Math.abs(m[pivot][c])) {
                    pivot = r;
                }
            }
            if (Math.abs(m[pivot][c]) < 1e-9) {
                continue;
            }
            double[] swap = m[rank];
            m[rank] = m[pivot];
            m[pivot] = swap;
            for (int r = rank + 1; r < m.length; r++) {
                double factor = m[r][c] / m[rank][c];
                for (int k = c; k < m[r].length; k++) {
                    m[r][k] -= factor * m[rank][k];
                }
            }
            rank++;
        }
        return rank;
    }
}
