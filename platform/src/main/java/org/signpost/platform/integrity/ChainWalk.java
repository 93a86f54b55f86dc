package org.signpost.platform.integrity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.signpost.platform.integrity.ChainReport.Failure;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

/**
 * Goes along a chain row by row, recomputing each hash, and remembers the first disagreement:
 * every sealed position must hold exactly the row that was sealed there, and nothing may have
 * appeared below the head since. Streams (a cursor), so it must run in a transaction.
 */
final class ChainWalk implements RowCallbackHandler {

    private final ChainedRows rows;
    private final RowDigest digest;
    private final long anchoredPosition;
    byte[] hash = RowDigest.GENESIS;
    /** The chain's hash at the anchored position: that of the last row at or below it. */
    byte[] hashAtAnchor = RowDigest.GENESIS;
    long verified;
    Failure failure;

    private ChainWalk(ChainedRows rows, RowDigest digest, long anchoredPosition) {
        this.rows = rows;
        this.digest = digest;
        this.anchoredPosition = anchoredPosition;
    }

    /**
     * Walks the rows up to {@code upTo} against the seals given by {@code seals}, a query of
     * (position, hash).
     */
    static ChainWalk walk(JdbcTemplate jdbc, ChainedRows rows, String seals, RowDigest digest, long upTo,
                          long anchoredPosition) {
        ChainWalk walk = new ChainWalk(rows, digest, anchoredPosition);
        // A cursor, not the whole table in memory: the caller's transaction keeps autocommit off.
        JdbcTemplate streaming = new JdbcTemplate(jdbc.getDataSource());
        streaming.setFetchSize(2_000);
        String position = "e." + rows.position();
        streaming.query("SELECT coalesce(" + position + ", c.position) AS chain_position, "
                + position + " IS NOT NULL AS stored, c.hash AS sealed_hash, "
                + rows.columns().stream().map(column -> "e." + column).collect(Collectors.joining(", "))
                + " FROM " + rows.table() + " e FULL OUTER JOIN (" + seals + ") c ON c.position = " + position
                + " WHERE coalesce(" + position + ", c.position) <= ? ORDER BY 1", walk, upTo);
        return walk;
    }

    @Override
    public void processRow(ResultSet rs) throws SQLException {
        if (failure != null) {
            return;
        }
        long position = rs.getLong("chain_position");
        byte[] sealed = rs.getBytes("sealed_hash");
        if (!rs.getBoolean("stored")) {
            failure = new Failure(position, "the sealed " + rows.row() + " is missing from " + rows.table());
            return;
        }
        if (sealed == null) {
            failure = new Failure(position, "this " + rows.row() + " appeared in " + rows.table()
                    + " below the sealed head after it was sealed");
            return;
        }
        hash = digest.next(hash, rows, rs);
        if (!Arrays.equals(hash, sealed)) {
            failure = new Failure(position, "the stored " + rows.row() + " differs from the one that was sealed");
            return;
        }
        if (position <= anchoredPosition) {
            hashAtAnchor = hash;
        }
        verified++;
    }
}
