package org.signpost.query.metrics;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which of the counts a reader does not know the published ones determine, by adding and
 * subtracting along the sums (disclosure by differencing; {@link DisclosureControl}, rule 3).
 * The sums as linear equations in the unknown counts (the known ones are constants, which do
 * not matter to what is determined): an unknown is determined when its unit vector is a
 * combination of the equations, that is, when it is a pivot whose row, fully reduced, holds
 * no other unknown. Exact, in integers (each row divided by the greatest common divisor of
 * its entries after every step, so they stay small).
 */
final class RecoverableCounts {

    private final List<String> unknowns;
    private final List<BigInteger[]> rows = new ArrayList<>();

    RecoverableCounts(List<String> unknowns, List<DisclosureControl.Sum> sums) {
        this.unknowns = unknowns;
        Map<String, Integer> column = new LinkedHashMap<>();
        unknowns.forEach(name -> column.put(name, column.size()));
        for (DisclosureControl.Sum sum : sums) {
            BigInteger[] row = new BigInteger[unknowns.size()];
            Arrays.fill(row, BigInteger.ZERO);
            boolean any = false;
            Integer total = column.get(sum.total());
            if (total != null) {
                row[total] = row[total].add(BigInteger.ONE);
                any = true;
            }
            for (String part : sum.parts()) {
                Integer index = column.get(part);
                if (index != null) {
                    row[index] = row[index].subtract(BigInteger.ONE);
                    any = true;
                }
            }
            if (any) {
                rows.add(row);
            }
        }
    }

    Set<String> determined() {
        List<BigInteger[]> reduced = new ArrayList<>(rows);
        int[] pivotRowOf = new int[unknowns.size()];
        Arrays.fill(pivotRowOf, -1);
        int rank = 0;
        for (int column = 0; column < unknowns.size() && rank < reduced.size(); column++) {
            int pivot = -1;
            for (int r = rank; r < reduced.size(); r++) {
                if (reduced.get(r)[column].signum() != 0) {
                    pivot = r;
                    break;
                }
            }
            if (pivot < 0) {
                continue;
            }
            Collections.swap(reduced, rank, pivot);
            BigInteger[] pivotRow = reduced.get(rank);
            for (int r = 0; r < reduced.size(); r++) {
                BigInteger[] row = reduced.get(r);
                if (r != rank && row[column].signum() != 0) {
                    BigInteger a = pivotRow[column];
                    BigInteger b = row[column];
                    BigInteger[] combined = new BigInteger[row.length];
                    for (int c = 0; c < row.length; c++) {
                        combined[c] = row[c].multiply(a).subtract(pivotRow[c].multiply(b));
                    }
                    reduced.set(r, normalised(combined));
                }
            }
            pivotRowOf[column] = rank;
            rank++;
        }
        Set<String> determined = new LinkedHashSet<>();
        for (int column = 0; column < unknowns.size(); column++) {
            if (pivotRowOf[column] >= 0) {
                BigInteger[] row = reduced.get(pivotRowOf[column]);
                boolean alone = true;
                for (int c = 0; c < row.length && alone; c++) {
                    alone = c == column || row[c].signum() == 0;
                }
                if (alone) {
                    determined.add(unknowns.get(column));
                }
            }
        }
        return determined;
    }

    private static BigInteger[] normalised(BigInteger[] row) {
        BigInteger gcd = BigInteger.ZERO;
        for (BigInteger value : row) {
            gcd = gcd.gcd(value);
        }
        if (gcd.signum() == 0 || gcd.equals(BigInteger.ONE)) {
            return row;
        }
        BigInteger[] divided = new BigInteger[row.length];
        for (int c = 0; c < row.length; c++) {
            divided[c] = row[c].divide(gcd);
        }
        return divided;
    }
}
